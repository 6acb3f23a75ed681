import type { JoorSandbox } from "../../plugins/joor/sandbox";
import { Client, type PushedStyle, priceAll, pushConnections, pushStyle, start } from "./helpers";

describe("JOOR sandbox: v2 bulk inventory", () => {
  let sb: JoorSandbox;
  let c: Client;
  let style: PushedStyle;
  beforeAll(async () => {
    ({ sb, c } = await start());
    style = await pushStyle(
      c,
      "INV1",
      [
        ["Black", "BLK"],
        ["White", "WHT"],
      ],
      ["Small", "Medium"],
    );
  });
  afterAll(() => sb.close());

  const post = (items: unknown[], query = "") => c.v2("POST", `/bulk-inventory${query}`, { inventory_items: { inventory_item: items } });
  const rows = async (u: string) => (await c.admin("GET", `/inventory?upc=${u}`)).body.items;

  it("sets ATS by UPC in the Default warehouse and logs each SKU", async () => {
    const r = await post([
      { upc: style.skus[0].upc, inventory: 12 },
      { warehouse: "Default", upc: style.skus[1].upc, inventory: 3 },
    ]);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ sku_count: 2, pass_count: 2, fail_count: 0 });
    expect(r.body.inventory_log[0]).toEqual({ sku: style.skus[0].upc, inventory_log_id: expect.stringMatching(/^[0-9a-f-]{36}$/), status: "pass" });
    expect(await rows(style.skus[0].upc)).toEqual([expect.objectContaining({ warehouse: "Default", inventory_date: null, inventory: 12, available: 12 })]);
  });

  it("accepts the style_number/style_identifier(/identifer)/color_code/size key, case-sensitively", async () => {
    const r = await post([
      { style_number: "INV1", style_identifier: "INV1", color_code: "WHT", size: "Medium", inventory: 7 },
      { style_number: "INV1", style_identifer: "INV1", color_code: "WHT", size: "Small", inventory: 8 },
      { style_number: "INV1", color_code: "WHT", size: "medium", inventory: 9 },
      { style_number: "NOPE", color_code: "WHT", size: "Small", inventory: 1 },
    ]);
    expect(r.body.inventory_log.map((l: any) => l.status)).toEqual(["pass", "pass", "fail", "fail"]);
    expect(r.body.inventory_log[0].sku).toBe(style.skus[3].upc);
    expect(r.body.inventory_log[2].message).toContain("case-sensitive");
    expect((await rows(style.skus[3].upc))[0].inventory).toBe(7);
  });

  it("fails items whose warehouse does not exist, and bad quantities, per SKU", async () => {
    const r = await post([
      { warehouse: "Shop Floor", upc: style.skus[0].upc, inventory: 5 },
      { upc: style.skus[0].upc, inventory: -1 },
      { upc: style.skus[0].upc, inventory: 1.5 },
      { upc: "000000000000", inventory: 1 },
      { upc: style.skus[0].upc },
    ]);
    expect(r.body.fail_count).toBe(5);
    expect(r.body.inventory_log[0].message).toBe("warehouse 'Shop Floor' does not exist in Order Settings");
    expect(r.body.inventory_log[1].message).toContain("negative");
    expect(r.body.inventory_log[3].message).toContain("no SKU with UPC");
    expect((await rows(style.skus[0].upc))[0].inventory).toBe(12);
  });

  it("stores future stock with inventory_date in a FUTURE warehouse (YYYY-MM-DD or MM-DD-YYYY)", async () => {
    const r = await post([
      { warehouse: "FUTURE", upc: style.skus[0].upc, inventory: 40, inventory_date: "2027-02-01" },
      { warehouse: "FUTURE", upc: style.skus[0].upc, inventory: 60, inventory_date: "03-15-2027" },
      { warehouse: "FUTURE", upc: style.skus[0].upc, inventory: 1, inventory_date: "2027-02-30" },
    ]);
    expect(r.body.inventory_log.map((l: any) => l.status)).toEqual(["pass", "pass", "fail"]);
    const all = await rows(style.skus[0].upc);
    expect(all.map((x: any) => [x.warehouse, x.inventory_date, x.inventory])).toEqual([
      ["Default", null, 12],
      ["FUTURE", "2027-02-01", 40],
      ["FUTURE", "2027-03-15", 60],
    ]);
  });

  it("overwrite=1 replaces all inventory of the account with the payload", async () => {
    const r = await post([{ upc: style.skus[1].upc, inventory: 2 }], "?overwrite=1");
    expect(r.body.pass_count).toBe(1);
    expect(await rows(style.skus[0].upc)).toEqual([]);
    expect((await rows(style.skus[1].upc))[0].inventory).toBe(2);
    expect((await c.admin("GET", "/inventory")).body.total).toBe(1);
  });

  it("dec_pending=1 deducts quantities on orders not yet exported", async () => {
    await priceAll(
      c,
      style.skus.map((s) => s.id),
    );
    await pushConnections(c, ["INVCUST"]);
    await c.admin("POST", "/orders", { customer_code: "INVCUST", status: "PENDING", lines: [{ upc: style.skus[2].upc, quantity: 4 }] });
    const r = await post([{ upc: style.skus[2].upc, inventory: 10 }], "?dec_pending=1");
    expect(r.body.pass_count).toBe(1);
    expect((await rows(style.skus[2].upc))[0]).toMatchObject({ inventory: 10, dec_pending: true, pending_deducted: 4, available: 6 });
    await post([{ upc: style.skus[2].upc, inventory: 10 }]);
    expect((await rows(style.skus[2].upc))[0]).toMatchObject({ pending_deducted: 0, available: 10 });
  });

  it("made_to_order clears the SKU's inventory; PUT works like POST; bad bodies are 400", async () => {
    await c.v2("PUT", "/bulk-inventory", { inventory_items: { inventory_item: [{ upc: style.skus[1].upc, inventory: 5, made_to_order: true }] } });
    expect((await rows(style.skus[1].upc))[0]).toMatchObject({ made_to_order: true, inventory: 0 });
    expect((await c.v2("POST", "/bulk-inventory", [{ upc: "x", inventory: 1 }])).status).toBe(400);
    expect((await c.v2("POST", "/bulk-inventory?dec_pending=2", { inventory_items: { inventory_item: [{ upc: "x", inventory: 1 }] } })).status).toBe(400);
  });
});
