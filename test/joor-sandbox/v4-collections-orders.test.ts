import type { JoorSandbox } from "../../plugins/joor/sandbox";
import { Client, type PushedStyle, priceAll, pushConnections, pushStyle, start } from "./helpers";

describe("JOOR sandbox: v4 collections (linesheets) and orders", () => {
  let sb: JoorSandbox;
  let c: Client;
  let a: PushedStyle;
  let b: PushedStyle;
  let d: PushedStyle;
  beforeAll(async () => {
    ({ sb, c } = await start());
    a = await pushStyle(c, "COL-A", [["Red", "RED"]], ["S", "M"]);
    b = await pushStyle(c, "COL-B", [["Red", "RED"]], ["S", "M"]);
    d = await pushStyle(c, "COL-D", [["Red", "RED"]], ["S", "M"]);
    await priceAll(
      c,
      [...a.skus, ...b.skus, ...d.skus].map((s) => s.id),
    );
    await pushConnections(c, ["V4C"]);
  });
  afterAll(() => sb.close());

  it("creates collections in JOOR's documented shape (season_id, delivery, items with order_number and sku_ids)", async () => {
    const season = await c.v4("POST", "/seasons/bulk_create", [{ name: "AUTUMN/WINTER 20", year: 2020, external_id: "AW20" }]);
    const seasonId = season.body.data[0].id;
    const r = await c.v4("POST", "/collections/bulk_create", [
      {
        name: "AW20 Delivery 1",
        external_id: "AW20-D1",
        season_id: seasonId,
        delivery: { start_ship_date: "2020-07-01", complete_ship_date: "2020-08-15", cancel_date: "2020-09-30", minimum_shipping_window: 14 },
        items: [
          { product_id: b.productId, order_number: 1 },
          { product_id: a.productId, order_number: 2, sku_ids: [a.skus[0].id] },
        ],
      },
      { name: "Bad dates", external_id: "X1", delivery: { start_ship_date: "2020-09-01", complete_ship_date: "2020-08-01" } },
      { name: "Bad product", external_id: "X2", items: [{ product_id: "0" }] },
      { name: "Bad date", external_id: "X3", delivery: { start_ship_date: "2020-02-30", complete_ship_date: "2020-03-01" } },
      { name: "No external id" },
      { name: "Old flat shape", external_id: "X4", season_code: "AW20", product_ids: [a.productId] },
      { name: "Foreign SKU", external_id: "X5", items: [{ product_id: a.productId, sku_ids: [b.skus[0].id] }] },
      { name: "Unknown season", external_id: "X6", season_id: "999" },
      { name: "Half a window", external_id: "X7", delivery: { start_ship_date: "2020-07-01" } },
    ]);
    expect(r.status).toBe(200);
    expect(r.body.data).toHaveLength(1);
    expect(r.body.data[0]).toMatchObject({
      name: "AW20 Delivery 1",
      external_id: "AW20-D1",
      visibility: "OWNER",
      season: { id: seasonId, name: "AUTUMN/WINTER 20", year: 2020, external_id: "AW20" },
      delivery: { start_ship_date: "2020-07-01", complete_ship_date: "2020-08-15", cancel_date: "2020-09-30", minimum_shipping_window: 14 },
      items: [
        { product_id: b.productId, order_number: 1, sku_ids: b.skus.map((s) => s.id) },
        { product_id: a.productId, order_number: 2, sku_ids: [a.skus[0].id] },
      ],
    });
    expect(r.body.errors.map((e: any) => e.details.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.body.errors.map((e: any) => e.status)).toEqual(Array(8).fill("VALIDATION_ERROR"));
    expect(r.body.errors[0].message).toContain("complete_ship_date");
    expect(r.body.errors[3].details.issues[0].field).toBe("external_id");
    expect(r.body.errors[4].details.issues.map((i: any) => i.field).sort()).toEqual(["product_ids", "season_code"]);
    const dup = await c.v4("POST", "/collections/bulk_create", [{ name: "Another name", external_id: "AW20-D1" }]);
    expect(dup.status).toBe(400);
    expect(dup.body.errors[0]).toEqual({ status: "DUPLICATED", message: expect.any(String), details: { index: 0 } });
    const immediate = await c.v4("POST", "/collections/bulk_create", [{ name: "Immediate", external_id: "IMM" }]);
    expect(immediate.body.data[0]).toMatchObject({ season: null, items: [], delivery: { start_ship_date: null, complete_ship_date: null } });
    const admin = await c.admin("GET", "/collections?external_id=IMM");
    expect(admin.body.items[0]).toMatchObject({ external_id: "IMM", delivery_type: "IMMEDIATE" });
  });

  it("bulk_update applies ADD_ITEMS, REMOVE_ITEMS and REPLACE_ITEMS at product level", async () => {
    const id = (await c.admin("GET", "/collections?external_id=AW20-D1")).body.items[0].id;
    const items = async (): Promise<any[]> => (await c.admin("GET", `/collections/${id}`)).body.items;
    // ADD_ITEMS keeps existing products; sending sku_ids for a member replaces its SKUs.
    const add = await c.v4("POST", "/collections/bulk_update?action=ADD_ITEMS", [
      { id, name: "AW20 Delivery 1", items: [{ product_id: d.productId }, { product_id: a.productId, sku_ids: [a.skus[1].id] }] },
    ]);
    expect(add.status).toBe(200);
    expect((await items()).map((i) => [i.product_id, i.all_skus, i.sku_ids])).toEqual([
      [b.productId, true, b.skus.map((s) => s.id)],
      [a.productId, false, [a.skus[1].id]],
      [d.productId, true, d.skus.map((s) => s.id)],
    ]);
    // Dropping a colour: ADD_ITEMS with the product's other SKUs; omitting sku_ids brings all SKUs back.
    await c.v4("POST", "/collections/bulk_update?action=ADD_ITEMS", [{ id, name: "AW20 Delivery 1", items: [{ product_id: a.productId }] }]);
    expect((await items()).find((i) => i.product_id === a.productId).all_skus).toBe(true);
    const remove = await c.v4("POST", "/collections/bulk_update?action=REMOVE_ITEMS", [{ id, name: "AW20 Delivery 1", items: [{ product_id: b.productId }] }]);
    expect(remove.body.data[0].items.map((i: any) => i.product_id)).toEqual([a.productId, d.productId]);
    // REPLACE_ITEMS (the default) leaves exactly the listed products, in the sent order.
    const replace = await c.v4("POST", "/collections/bulk_update", [
      {
        id,
        name: "AW20 Delivery 1",
        items: [
          { product_id: d.productId, order_number: 1 },
          { product_id: b.productId, order_number: 2 },
          { product_id: a.productId, order_number: 3 },
        ],
        delivery: { start_ship_date: "2020-07-01", complete_ship_date: "2020-09-01" },
      },
    ]);
    expect(replace.body.data[0]).toMatchObject({ delivery: { complete_ship_date: "2020-09-01", cancel_date: null } });
    expect(replace.body.data[0].items.map((i: any) => [i.product_id, i.order_number])).toEqual([
      [d.productId, 1],
      [b.productId, 2],
      [a.productId, 3],
    ]);
    const bad = await c.v4("POST", "/collections/bulk_update", [
      { id, name: "AW20 Delivery 1", delivery: { start_ship_date: "2020-07-01", complete_ship_date: "2020-01-01" } },
      { id: "0", name: "x" },
      { id },
      { id, name: "AW20 Delivery 1", external_id: "NEW" },
    ]);
    expect(bad.body.errors.map((e: any) => e.status)).toEqual(["VALIDATION_ERROR", "NOT_FOUND", "VALIDATION_ERROR", "VALIDATION_ERROR"]);
    expect(bad.body.errors[2].details.issues[0].field).toBe("name");
    expect((await c.v4("POST", "/collections/bulk_update?action=MERGE", [{ id, name: "x" }])).status).toBe(400);
    expect((await c.admin("GET", "/products?limit=100")).body.items.find((p: any) => p.id === a.productId).collections).toEqual([id]);
  });

  it("orders placed against a collection inherit its season, delivery and window, and only its SKUs can be ordered", async () => {
    const col = (await c.admin("GET", "/collections?external_id=AW20-D1")).body.items[0];
    const placed = await c.admin("POST", "/orders", { customer_code: "V4C", collection_id: col.id, lines: [{ upc: a.skus[0].upc, quantity: 3 }] });
    expect(placed.status).toBe(201);
    expect(placed.body.data[0]).toMatchObject({
      order_season_name: "AUTUMN/WINTER 20",
      order_season_code: "AW20",
      order_delivery_name: "AW20 Delivery 1",
      order_delivery_code: "AW20-D1",
      date_ship_start: "2020-07-01",
      date_ship_end: "2020-09-01",
    });
    const imm = (await c.admin("GET", "/collections?external_id=IMM")).body.items[0];
    const refused = await c.admin("POST", "/orders", { customer_code: "V4C", collection_id: imm.id, lines: [{ upc: a.skus[0].upc, quantity: 1 }] });
    expect(refused.status).toBe(400);
    expect(refused.body.issues[0]).toMatchObject({ field: "lines.0.upc", message: expect.stringContaining("not shoppable") });
    const v4 = await c.v4("GET", `/orders?order_ids=${placed.body.data[0].order_id},999`);
    expect(v4.body.data[0]).toMatchObject({
      id: String(placed.body.data[0].order_id),
      collection_id: col.id,
      status: "APPROVED",
      total: 3,
      total_price: "120.00",
      shipping_address: expect.objectContaining({ code: "V4C-D1", line_1: "1 Dock Road", country: "GB" }),
      export_status: "NOT_EXPORTED",
    });
    expect(v4.body.errors[0].status).toBe("NOT_FOUND");
    // Reading through v4 does not export anything.
    expect((await c.v2("GET", "/order?order_type=6&sync=0&export_status=2")).body.orders).toHaveLength(1);
  });

  it("filters and sorts v4 orders", async () => {
    await c.admin("POST", "/orders", [
      { customer_code: "V4C", status: "PENDING", lines: [{ upc: b.skus[0].upc, quantity: 1 }] },
      { customer_code: "V4C", status: "CANCELLED", lines: [{ upc: b.skus[1].upc, quantity: 1 }] },
    ]);
    const pending = await c.v4("GET", "/orders?status=PENDING");
    expect(pending.body.data.map((o: any) => o.status)).toEqual(["PENDING"]);
    const desc = await c.v4("GET", "/orders?sort_by=id&sort_order=desc");
    const ids = desc.body.data.map((o: any) => Number(o.id));
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
    expect((await c.v4("GET", "/orders?status=LOST")).status).toBe(400);
    // v4 dates are YYYY-MM-DD (JOOR's convention); an end date includes its whole day.
    const today = (await c.admin("GET", "/clock")).body.now.slice(0, 10);
    expect((await c.v4("GET", `/orders?date_approved_start=${today}&date_approved_end=${today}`)).body.data.length).toBeGreaterThan(0);
    expect((await c.v4("GET", `/orders?date_approved_start=${today}T00:00:00Z`)).status).toBe(400);
    expect((await c.v4("GET", "/orders?last_modified=2026-02-30")).status).toBe(400);
    expect((await c.v4("GET", "/orders?page_size=1")).body.meta).toMatchObject({ page: 1, page_size: 1, total: 3, next_page: 2 });
  });

  it("bulk_update changes order status with JOOR's rules and per-item errors", async () => {
    const all = (await c.v4("GET", "/orders?sort_by=id")).body.data;
    const approved = all.find((o: any) => o.status === "APPROVED");
    const pending = all.find((o: any) => o.status === "PENDING");
    const r = await c.v4("POST", "/orders/bulk_update", [
      { id: pending.id, status: "APPROVED" },
      { id: approved.id, status: "IN_PROGRESS" },
      { id: approved.id, status: "SHIPPED" },
      { id: approved.id, status: "CANCELLED", integration_status: "SUCCESS" },
      { id: "424242", status: "CANCELLED" },
    ]);
    expect(r.status).toBe(200);
    expect(r.body.data.map((o: any) => [o.id, o.status])).toEqual([[pending.id, "APPROVED"]]);
    expect(r.body.data[0].date_approved).toEqual(expect.any(String));
    expect(r.body.errors.map((e: any) => [e.details.index, e.status])).toEqual([
      [1, "VALIDATION_ERROR"],
      [2, "VALIDATION_ERROR"],
      [3, "NOT_AVAILABLE"],
      [4, "NOT_FOUND"],
    ]);
    expect(r.body.errors[0].message).toContain("cannot move back to IN_PROGRESS");
    const cancel = await c.v4("POST", "/orders/bulk_update", [{ id: approved.id, status: "CANCELLED" }]);
    expect(cancel.body.data[0].status).toBe("CANCELLED");
    const v2 = await c.v2("GET", `/order/${approved.id}`);
    expect(v2.body.orders[0]).toMatchObject({ order_type: 5, order_status: "CANCELLED", export_status: "NOT_EXPORTED" });
  });
});
