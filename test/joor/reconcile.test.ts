import { startJoorEnv, type JoorEnv } from "./harness";
import { customer, product } from "./part2-fixtures";
import { joorProduct, seedWithConnections } from "./joor-side";
import { JoorSyncRecord } from "../../plugins/joor/ledger/sync-record.entity";

/** reconcile (an existing JOOR system): every code and barcode on one side only, near-miss codes, barcodes on another SKU. */
describe("JOOR reconcile", () => {
  let env: JoorEnv;
  beforeAll(async () => {
    env = await startJoorEnv({ sandbox: { seed: seedWithConnections(["ACME01", "ABC02", "ONLYJOOR"]) }, settings: { connectionMode: "EXISTING_SYSTEM" } });
  });
  afterAll(() => env.stop());

  it("reconcile finds a code on one side only and a barcode on the wrong SKU", async () => {
    const s = env.server;
    const acme = await customer(s, "Acme", "ACME01");
    await customer(s, "Abc", "abc 02");
    await customer(s, "Only here", "ONLYHERE");
    await customer(s, "Sleeping", "ASLEEP", "INACTIVE");
    const matchedStyle = await product(s, "RC1", ["S", "M", "L"]);
    const [b1, b2, b3] = matchedStyle.variants.map((v) => v.barcode!);
    const local = await product(s, "RC2", ["One Size"]);
    // JOOR: RC1 with S matched, M and L swapped, and an XL barcode Selvedge does not have
    const joor = await joorProduct(env.sandbox, "RC1", "BLK", [
      ["S", b1],
      ["M", b3],
      ["L", b2],
      ["XL", "4006381333931"],
    ]);

    const job = await env.run("reconcile");
    expect(job.state).toBe("SUCCEEDED");
    const issues = await env.issues(job.id);
    const byCode = (code: string) =>
      issues
        .filter((i) => i.code === code)
        .map((i) => i.key)
        .sort();
    expect(byCode("CUSTOMER_ONLY_IN_SELVEDGE")).toEqual(["ONLYHERE"]);
    expect(byCode("CUSTOMER_ONLY_IN_JOOR")).toEqual(["ONLYJOOR"]);
    expect(byCode("CODE_CASE_OR_SPACING")).toEqual(["abc 02"]);
    expect(byCode("BARCODE_ON_DIFFERENT_SKU")).toEqual([b2, b3].sort());
    expect(byCode("BARCODE_ONLY_IN_SELVEDGE")).toEqual([local.variants[0].barcode!]);
    expect(byCode("BARCODE_ONLY_IN_JOOR")).toEqual(["4006381333931"]);
    expect(issues.find((i) => i.key === b2)!.message).toMatch(/RC1 \/ BLK \/ M in Selvedge but RC1 \/ BLK \/ L on JOOR/);
    expect(job.summary).toMatchObject({ customers: { selvedge: 3, joor: 3, matched: 1 }, barcodes: { joor: 4, matched: 1 } });

    // the exact matches are recorded for the exports: JOOR's connection, product and SKU ids
    const ledger = await s.app.ds.getRepository(JoorSyncRecord).findBy({ brandId: s.brandId });
    const row = (kind: string, key: number) => ledger.find((r) => r.kind === kind && r.recordKey === String(key));
    expect(row("customer", acme.id)?.joorId).toBeTruthy();
    expect(row("sku", matchedStyle.variants[0].id)?.joorId).toBe(joor.skuIds[0]);
    expect(row("product", matchedStyle.product.id)?.joorId).toBe(joor.productId);
    expect(row("sku", matchedStyle.variants[1].id)).toBeUndefined();
  });
});
