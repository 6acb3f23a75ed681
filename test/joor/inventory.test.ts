import { startJoorEnv, type JoorEnv } from "./harness";
import { docket, product, season, setJoorSettings, stock, adminItems } from "./part2-fixtures";
import { joorProduct } from "./joor-side";

/** export-inventory, against the sandbox over real HTTP: the seed's ATS rules, the inventory module, update mode. */
describe("JOOR export-inventory", () => {
  let env: JoorEnv;
  let aw: { id: number }, ss: { id: number }, old: { id: number };
  let variants: { id: number; barcode: string | null; size: string }[];

  beforeAll(async () => {
    env = await startJoorEnv();
    const s = env.server;
    await s.app.services.identity.setModules(s.brandId, ["joor", "inventory"]);
    aw = await season(s, "AUTUMN/WINTER 26", "2026-02-01");
    ss = await season(s, "SPRING/SUMMER 27", "2026-08-01");
    old = await season(s, "AUTUMN/WINTER 25", "2025-02-01");
    const p = await product(s, "INV1", ["S", "M", "L"], { noBarcode: ["L"] });
    variants = p.variants;
    await joorProduct(env.sandbox, "INV1", "BLK", [
      ["S", variants[0].barcode!],
      ["M", variants[1].barcode!],
    ]);
    // S: 5 + 7 in the selected seasons, 100 in a season that is not selected
    await stock(s, variants[0].id, aw.id, 5, 10);
    await stock(s, variants[0].id, ss.id, 7, 4);
    await stock(s, variants[0].id, old.id, 100, 100);
    await stock(s, variants[1].id, aw.id, 2, 0);
    await stock(s, variants[2].id, aw.id, 3, 0); // L has stock but no barcode
    await docket(s, p.product.id, aw.id, "2027-01-15");
    await docket(s, p.product.id, ss.id, "2027-03-01");
    await setJoorSettings(env.admin, { atsSeasons: [aw.id, ss.id], includeFutureAts: false, futureWarehouse: "FUTURE" });
  });
  afterAll(() => env.stop());

  const rows = (upc: string) => adminItems(env.sandbox, `/inventory?upc=${upc}`);

  it("ATS of two selected seasons summed, a non-selected season's ATS not counted; future ATS not sent when the setting is off", async () => {
    const job = await env.run("export-inventory");
    expect(job.state).toBe("SUCCEEDED");
    const s = await rows(variants[0].barcode!);
    expect(s.map((r) => [r.warehouse, r.inventory_date ?? null, r.inventory])).toEqual([["Default", null, 12]]);
    expect((await rows(variants[1].barcode!)).map((r) => r.inventory)).toEqual([2]);
  });

  it("a variant with stock but no barcode is an issue", async () => {
    const job = await env.run("export-inventory", { full: true });
    const issues = await env.issues(job.id);
    expect(issues.filter((i) => i.code === "NO_BARCODE").map((i) => i.key)).toEqual(["INV1/BLK/L"]);
  });

  it("future ATS carries the product line start date (to the future warehouse)", async () => {
    await setJoorSettings(env.admin, { includeFutureAts: true });
    const job = await env.run("export-inventory");
    expect(job.state).toBe("SUCCEEDED");
    const s = await rows(variants[0].barcode!);
    const byKey = Object.fromEntries(s.map((r) => [`${r.warehouse}|${r.inventory_date ?? ""}`, r.inventory]));
    expect(byKey).toEqual({ "Default|": 12, "FUTURE|2027-01-15": 10, "FUTURE|2027-03-01": 4 });
  });

  it("incremental: nothing is sent when nothing changed; a moved docket date zeroes the old position and nothing else", async () => {
    const writes = env.sandboxWrites();
    const again = await env.run("export-inventory");
    expect(again.summary).toMatchObject({ sent: 0 });
    expect(env.sandboxWrites()).toBe(writes);
    await docket(env.server, (await env.server.app.ds.query(`SELECT productId FROM variant WHERE id = ?`, [variants[0].id]))[0].productId, ss.id, "2027-04-01");
    const moved = await env.run("export-inventory");
    expect(moved.summary).toMatchObject({ sent: 1 });
    const s = await rows(variants[0].barcode!);
    const byKey = Object.fromEntries(s.map((r) => [`${r.warehouse}|${r.inventory_date ?? ""}`, r.inventory]));
    expect(byKey).toEqual({ "Default|": 12, "FUTURE|2027-01-15": 10, "FUTURE|2027-03-01": 0, "FUTURE|2027-04-01": 4 });
    expect((await rows(variants[1].barcode!)).map((r) => r.inventory)).toEqual([2]); // untouched
  });

  it("dry run computes without sending", async () => {
    await stock(env.server, variants[1].id, aw.id, 9, 0);
    const writes = env.sandboxWrites();
    const dry = await env.run("export-inventory", { dryRun: true });
    expect(dry.summary).toMatchObject({ sent: 1 });
    expect(env.sandboxWrites()).toBe(writes);
    expect((await rows(variants[1].barcode!)).map((r) => r.inventory)).toEqual([2]);
  });

  it("inventory refused without the inventory module", async () => {
    await env.server.app.services.identity.setModules(env.server.brandId, ["joor"]);
    const writes = env.sandboxWrites();
    const job = await env.run("export-inventory");
    expect(job.state).toBe("FAILED");
    expect(job.error).toMatch(/only for brands with the inventory module/);
    expect(env.sandboxWrites()).toBe(writes);
    await env.server.app.services.identity.setModules(env.server.brandId, ["joor", "inventory"]);
  });
});
