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
    await priceAll(c, [...a.skus, ...b.skus, ...d.skus].map((s) => s.id));
    await pushConnections(c, ["V4C"]);
  });
  afterAll(() => sb.close());

  it("creates linesheets with season, ship window and ordered products", async () => {
    const r = await c.v4("POST", "/collections/bulk_create", [
      { name: "AW20 Delivery 1", code: "AW20-D1", season_name: "AUTUMN/WINTER 20", season_code: "AW20", season_year: 2020,
        start_ship_date: "2020-07-01", complete_ship_date: "2020-08-15", product_ids: [b.productId, a.productId] },
      { name: "Bad dates", start_ship_date: "2020-09-01", complete_ship_date: "2020-08-01" },
      { name: "Bad product", product_ids: ["0"] },
      { name: "Bad date", start_ship_date: "2020-02-30" },
    ]);
    expect(r.status).toBe(200);
    expect(r.body.data[0]).toMatchObject({
      name: "AW20 Delivery 1", code: "AW20-D1", season: { name: "AUTUMN/WINTER 20", code: "AW20", year: 2020 },
      start_ship_date: "2020-07-01", complete_ship_date: "2020-08-15", public: true,
      products: [{ id: b.productId, display_order: 1 }, { id: a.productId, display_order: 2 }],
    });
    expect(r.body.errors.map((e: any) => e.details.index)).toEqual([1, 2, 3]);
    expect(r.body.errors[0].message).toContain("complete_ship_date");
    const dup = await c.v4("POST", "/collections/bulk_create", [{ name: "AW20 Delivery 1" }]);
    expect(dup.body.errors[0].status).toBe("DUPLICATED");
  });

  it("updates membership (replace, add, remove) and order", async () => {
    const id = (await c.v4("GET", "/collections")).body.data[0].id;
    const add = await c.v4("POST", "/collections/bulk_update", [{ id, add_product_ids: [d.productId], remove_product_ids: [b.productId] }]);
    expect(add.body.data[0].products.map((p: any) => p.id)).toEqual([a.productId, d.productId]);
    const reorder = await c.v4("POST", "/collections/bulk_update", [{ id, product_ids: [d.productId, b.productId, a.productId], complete_ship_date: "2020-09-01" }]);
    expect(reorder.body.data[0]).toMatchObject({ complete_ship_date: "2020-09-01", products: [{ id: d.productId, display_order: 1 }, { id: b.productId, display_order: 2 }, { id: a.productId, display_order: 3 }] });
    const bad = await c.v4("POST", "/collections/bulk_update", [{ id, complete_ship_date: "2020-01-01" }, { id: "0", name: "x" }]);
    expect(bad.body.errors.map((e: any) => e.status)).toEqual(["VALIDATION_ERROR", "NOT_FOUND"]);
    expect((await c.v4("GET", `/collections?collection_ids=${id}`)).body.data[0].product_count).toBe(3);
    expect((await c.admin("GET", "/products?limit=100")).body.items.find((p: any) => p.id === a.productId).collections).toEqual([id]);
  });

  it("orders placed against a collection inherit its season, delivery and window", async () => {
    const col = (await c.v4("GET", "/collections")).body.data[0];
    const placed = await c.admin("POST", "/orders", { customer_code: "V4C", collection_id: col.id, lines: [{ upc: a.skus[0].upc, quantity: 3 }] });
    expect(placed.body.data[0]).toMatchObject({ order_season_name: "AUTUMN/WINTER 20", order_season_code: "AW20", order_delivery_name: "AW20 Delivery 1", order_delivery_code: "AW20-D1", date_ship_start: "2020-07-01", date_ship_end: "2020-09-01" });
    const v4 = await c.v4("GET", `/orders?order_ids=${placed.body.data[0].order_id},999`);
    expect(v4.body.data[0]).toMatchObject({ id: String(placed.body.data[0].order_id), collection_id: col.id, status: "APPROVED", total: 3, total_price: "120.00",
      shipping_address: expect.objectContaining({ code: "V4C-D1", line_1: "1 Dock Road", country: "GB" }), export_status: "NOT_EXPORTED" });
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
    expect(r.body.errors.map((e: any) => [e.details.index, e.status])).toEqual([[1, "VALIDATION_ERROR"], [2, "VALIDATION_ERROR"], [3, "NOT_AVAILABLE"], [4, "NOT_FOUND"]]);
    expect(r.body.errors[0].message).toContain("cannot move back to IN_PROGRESS");
    const cancel = await c.v4("POST", "/orders/bulk_update", [{ id: approved.id, status: "CANCELLED" }]);
    expect(cancel.body.data[0].status).toBe("CANCELLED");
    const v2 = await c.v2("GET", `/order/${approved.id}`);
    expect(v2.body.orders[0]).toMatchObject({ order_type: 5, order_status: "CANCELLED", export_status: "NOT_EXPORTED" });
  });
});
