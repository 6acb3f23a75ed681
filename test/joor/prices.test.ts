import { startJoorEnv, type JoorEnv } from "./harness";
import { adminItems, product, season, setJoorSettings, visibleWithPrice } from "./part2-fixtures";
import { joorProduct } from "./joor-side";

/**
 * export-prices against the sandbox over real HTTP. The products' SKUs are put on JOOR first (here through
 * JOOR's API and reconcile, which records JOOR's SKU ids as export-products would).
 */
describe("JOOR export-prices", () => {
  let env: JoorEnv;
  const upcs: Record<string, string[]> = {};
  let seasons: Record<string, { id: number }>;

  const pricesOf = async (style: string) => {
    const out: Record<string, [string, string | null][]> = {};
    for (const upc of upcs[style]) {
      for (const p of await adminItems(env.sandbox, `/prices?upc=${upc}`)) (out[p.price_type.name] ??= []).push([p.wholesale_value, p.retail_value]);
    }
    return out;
  };

  beforeAll(async () => {
    env = await startJoorEnv();
    const s = env.server;
    seasons = {
      aw: await season(s, "AUTUMN/WINTER 26", "2026-02-01"),
      ss: await season(s, "SPRING/SUMMER 27", "2026-08-01"),
      next: await season(s, "AUTUMN/WINTER 27", "2027-02-01"), // more recent, not selected
      old: await season(s, "AUTUMN/WINTER 25", "2025-02-01"),
    };
    const make = async (style: string) => {
      const p = await product(s, style, ["S", "M"]);
      upcs[style] = p.variants.map((v) => v.barcode!);
      await joorProduct(env.sandbox, style, "BLK", [
        ["S", upcs[style][0]],
        ["M", upcs[style][1]],
      ]);
      return p.product.id;
    };
    const two = await make("TWO");
    await visibleWithPrice(s, two, seasons.aw.id, { EUR: ["10", "25"], USD: ["11", "27"], GBP: ["9", "22"], JPY: ["1500", "3000"] });
    await visibleWithPrice(s, two, seasons.ss.id, { EUR: ["12.5", "30"], USD: ["13", "32"], GBP: ["10.75", null] });
    const none = await make("NONE");
    await visibleWithPrice(s, none, seasons.old.id, { EUR: ["50", "99"] });
    const skip = await make("SKIP");
    await visibleWithPrice(s, skip, seasons.aw.id, { EUR: ["20", "45"] });
    await visibleWithPrice(s, skip, seasons.next.id, { EUR: ["99", "199"], JPY: ["9000", "18000"] });
    await setJoorSettings(env.admin, { priceSeasons: [seasons.aw.id, seasons.ss.id] });
    expect((await env.run("reconcile")).state).toBe("SUCCEEDED");
  });
  afterAll(() => env.stop());

  let first: any;
  it("product visible in two selected price seasons takes the more recent season's price", async () => {
    first = await env.run("export-prices");
    expect(first.state).toBe("SUCCEEDED");
    expect((await pricesOf("TWO"))["EUR-1"]).toEqual([
      ["12.50", "30.00"],
      ["12.50", "30.00"],
    ]);
  });

  it("each currency to its price type (wholesale → wholesale, retail → suggested retail; a missing retail goes at 0)", async () => {
    const p = await pricesOf("TWO");
    expect(Object.keys(p).sort()).toEqual(["EUR-1", "GBP-1", "USD-1"]);
    expect(p["USD-1"][0]).toEqual(["13.00", "32.00"]);
    expect(p["GBP-1"][0]).toEqual(["10.75", "0.00"]);
  });

  it("product in the catalogue visible in no selected season goes at 0.00", async () => {
    expect(await pricesOf("NONE")).toEqual({
      "EUR-1": [
        ["0.00", "0.00"],
        ["0.00", "0.00"],
      ],
      "GBP-1": [
        ["0.00", "0.00"],
        ["0.00", "0.00"],
      ],
      "USD-1": [
        ["0.00", "0.00"],
        ["0.00", "0.00"],
      ],
    });
  });

  it("a season that is not selected is ignored even when more recent", async () => {
    expect((await pricesOf("SKIP"))["EUR-1"]).toEqual([
      ["20.00", "45.00"],
      ["20.00", "45.00"],
    ]);
  });

  it("a currency with no price type is one job issue naming the currency and the products", async () => {
    const issues = (await env.issues(first.id)).filter((i) => i.code === "CURRENCY_NOT_MAPPED");
    expect(issues).toHaveLength(1); // JPY of SKIP is in a season that is not selected: only TWO
    expect(issues[0].key).toBe("JPY");
    expect(issues[0].message).toMatch(/JPY .*1 product\(s\): TWO\/BLK/);
  });

  it("incremental: a second run sends nothing; a changed price resends that product only (updates, no duplicates)", async () => {
    const writes = env.sandboxWrites();
    const again = await env.run("export-prices");
    expect(again.summary).toMatchObject({ sent: 0, unchanged: 3 });
    expect(env.sandboxWrites()).toBe(writes);
    const skip = (await env.server.app.ds.query(`SELECT id FROM product WHERE styleNumber = 'SKIP'`))[0].id;
    await env.server.app.ds.query(`UPDATE season_price SET wholesale = 21 WHERE productId = ? AND seasonId = ? AND currency = 'EUR'`, [skip, seasons.aw.id]);
    const changed = await env.run("export-prices");
    expect(changed.summary).toMatchObject({ sent: 1, unchanged: 2 });
    expect((await pricesOf("SKIP"))["EUR-1"]).toEqual([
      ["21.00", "45.00"],
      ["21.00", "45.00"],
    ]);
    const full = await env.run("export-prices", { full: true });
    expect(full.summary).toMatchObject({ sent: 3 });
    expect((await adminItems(env.sandbox, "/prices")).length).toBe(3 * 2 * 3);
  });

  it("prices JOOR has but the ledger forgot (a crash before the ledger write) are updated, never created twice", async () => {
    await env.server.app.ds.query(`DELETE FROM joor_sync_record WHERE kind = 'price'`);
    const job = await env.run("export-prices");
    expect(job.state).toBe("SUCCEEDED");
    expect(job.summary).toMatchObject({ sent: 3 });
    expect((await adminItems(env.sandbox, "/prices")).length).toBe(3 * 2 * 3);
  });
});
