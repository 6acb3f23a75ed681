import type { JoorSandbox } from "../../plugins/joor/sandbox";
import { Client, type PushedStyle, priceAll, pushConnections, pushStyle, start } from "./helpers";

describe("JOOR sandbox: v2 orders (order_type, export_status, sync, check, paging)", () => {
  let sb: JoorSandbox;
  let c: Client;
  let style: PushedStyle;
  beforeEach(async () => {
    ({ sb, c } = await start());
    style = await pushStyle(
      c,
      "ORD",
      [
        ["Black", "BLK"],
        ["Sand", "SND"],
      ],
      ["S", "M", "L"],
    );
    await priceAll(
      c,
      style.skus.map((s) => s.id),
      "USD-1",
      "40.00",
    );
    await pushConnections(c, ["C1", "C2"]);
  });
  afterEach(() => sb.close());

  const place = async (over: Record<string, unknown> = {}): Promise<any> => {
    const r = await c.admin("POST", "/orders", {
      customer_code: "C1",
      status: "APPROVED",
      lines: [
        { upc: style.skus[0].upc, quantity: 2 },
        { upc: style.skus[4].upc, quantity: 1 },
      ],
      ...over,
    });
    if (r.status !== 201) throw new Error(r.text);
    return r.body.data[0];
  };
  const orders = (q: string) => c.v2("GET", `/order?${q}`);

  it("places orders as a retailer would: lines by UPC, catalogue data, prices, addresses, season, window", async () => {
    const o = await place({
      season: { name: "AUTUMN/WINTER 20", code: "AW20" },
      delivery: { name: "Delivery 1", code: "D1" },
      ship_start: "2026-08-01",
      ship_end: "2026-09-15",
      po_number: "PO-778",
      discount_percent: "10.00",
      shipping_address: { code: "SHIP-NEW", name: "New store", address_1: "5 High St", city: "Bath", postal_code: "BA1 1AA", country: "GB" },
    });
    const r = await c.v2("GET", `/order/${o.order_id}`);
    expect(r.status).toBe(200);
    const rec = r.body.orders[0];
    expect(rec).toMatchObject({
      order_id: o.order_id,
      order_type: 6,
      order_type_name: "Approved",
      order_status: "APPROVED",
      order_season_name: "AUTUMN/WINTER 20",
      order_season_code: "AW20",
      order_delivery_name: "Delivery 1",
      order_delivery_code: "D1",
      date_ship_start: "2026-08-01",
      date_ship_end: "2026-09-15",
      customer_code: "C1",
      customer_name: "Customer C1",
      customer_purchase_order: "PO-778",
      order_currency: "USD",
      order_currency_name: "USD-1",
      order_total: "108.00",
      order_discount: "12.00",
      order_discount_percent: "10.00",
      warehouse_name: "Default",
      shipping_code: "SHIP-NEW",
      shipping_address_1: "5 High St",
      shipping_city: "Bath",
      shipping_country: "United Kingdom",
      shipping_country_iso_two: "GB",
      billing_code: "C1-A1",
      billing_address_1: "2 Bank St",
      export_status: "NOT_EXPORTED",
    });
    expect(rec.line_items[0]).toMatchObject({
      item_upc: style.skus[0].upc,
      item_quantity: 2,
      item_price: "40.00",
      item_unit_price: "40.00",
      item_price_extended: "80.00",
      item_retail_price: "100.00",
      item_number: "ORD",
      item_style_id: style.productId,
      item_color: "Black",
      item_color_code: "BLK",
      item_size: "S",
      item_size_code: "S",
    });
    expect(Date.parse(rec.date_approved)).not.toBeNaN();
  });

  it("rejects orders for unknown UPCs, customers or prices unless told otherwise", async () => {
    const bad = await c.admin("POST", "/orders", { customer_code: "NOPE", lines: [{ upc: "999999999999", quantity: 1 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: any) => i.field)).toEqual(["customer_code", "lines.0.upc"]);
    const unknown = await c.admin("POST", "/orders", {
      customer_code: "C2",
      allow_unknown_upcs: true,
      lines: [{ upc: "999999999999", quantity: 1, unit_price: "5.00" }],
    });
    expect(unknown.status).toBe(201);
    expect(unknown.body.data[0].line_items[0]).toMatchObject({ item_upc: "999999999999", item_price: "5.00", item_style_id: "" });
    const weird = await c.admin("POST", "/orders", {
      customer_code: "C2",
      lines: [{ upc: style.skus[0].upc, quantity: 1, overrides: { item_quantity: "-3" } }],
      overrides: { customer_code: "" },
    });
    expect(weird.body.data[0]).toMatchObject({ customer_code: "", line_items: [expect.objectContaining({ item_quantity: "-3" })] });
  });

  it("filters by order_type", async () => {
    const a = await place();
    const p = await place({ status: "PENDING" });
    const x = await place({ status: "CANCELLED" });
    const s = await place({ status: "SHIPPED" });
    const n = await place({ status: "NOTES" });
    const ids = async (t: number) => (await orders(`sync=0&order_type=${t}`)).body.orders.map((o: any) => o.order_id);
    expect(await ids(6)).toEqual([a.order_id]);
    expect(await ids(3)).toEqual([p.order_id]);
    expect(await ids(5)).toEqual([x.order_id]);
    expect(await ids(7)).toEqual([s.order_id]);
    expect(await ids(1)).toEqual([n.order_id]);
    expect(await ids(2)).toEqual([a.order_id, s.order_id]);
    expect(await ids(4)).toEqual([a.order_id, p.order_id, s.order_id, n.order_id]);
    expect(await ids(8)).toEqual([a.order_id, p.order_id, x.order_id, s.order_id, n.order_id]);
    expect((await orders("sync=0")).body.orders.map((o: any) => o.order_id)).toEqual([a.order_id, s.order_id]);
    expect((await orders("order_type=9&sync=0")).status).toBe(400);
  });

  it("sync=1 marks returned orders exported and never returns them with sync=1 again", async () => {
    const placed = [];
    for (let i = 0; i < 5; i++) placed.push(await place());
    await place({ status: "PENDING" });
    const first = await orders("order_type=6&sync=1&count=3");
    expect(first.body.response).toMatchObject({ start_from: 0, count: 3, total: 5, next_start: 0, sync: 1 });
    const second = await orders("order_type=6&sync=1&count=3");
    expect(second.body.response).toMatchObject({ count: 2, total: 2, next_start: null });
    const seen = [...first.body.orders, ...second.body.orders].map((o: any) => o.order_id);
    expect(seen).toEqual(placed.map((o) => o.order_id));
    expect((await orders("order_type=6&sync=1")).body.orders).toEqual([]);
    expect((await orders("order_type=6")).body.orders).toEqual([]); // sync defaults to 1
    // Read-only queries still see them, now exported.
    const exported = await orders("order_type=6&sync=0&export_status=3");
    expect(exported.body.orders).toHaveLength(5);
    expect(exported.body.orders[0]).toMatchObject({ export_status: "EXPORTED", exported_on: expect.any(String) });
    expect((await orders("order_type=6&sync=0&export_status=2")).body.orders).toEqual([]);
    // The pending order was not touched.
    expect((await orders("order_type=3&sync=0&export_status=2")).body.orders).toHaveLength(1);
    expect((await c.admin("GET", "/orders?export_status=EXPORTED")).body.total).toBe(5);
  });

  it("an edit after export makes the order 'modified since last export' (4), returned once more by sync", async () => {
    const o = await place();
    await place();
    expect((await orders("order_type=6&sync=1")).body.orders).toHaveLength(2);
    const edit = await c.admin("PATCH", `/orders/${o.order_id}`, {
      update_lines: [{ line_id: o.line_items[0].line_id, quantity: 5 }],
      comments: "more please",
    });
    expect(edit.status).toBe(200);
    expect(edit.body.export_status).toBe("MODIFIED_SINCE_EXPORT");
    const modified = await orders("order_type=6&sync=0&export_status=4");
    expect(modified.body.orders.map((x: any) => x.order_id)).toEqual([o.order_id]);
    expect(modified.body.orders[0]).toMatchObject({
      order_comments: "more please",
      line_items: [expect.objectContaining({ item_quantity: 5 }), expect.anything()],
    });
    expect((await orders("order_type=6&sync=1")).body.orders).toEqual([]); // default export_status=2 excludes it
    const resync = await orders("order_type=6&sync=1&export_status=5");
    expect(resync.body.orders.map((x: any) => x.order_id)).toEqual([o.order_id]);
    expect((await orders("order_type=6&sync=1&export_status=5")).body.orders).toEqual([]);
    expect((await orders("sync=1&export_status=1")).status).toBe(400);
    expect((await orders("sync=1&export_status=3")).status).toBe(400);
  });

  it("pages read-only queries with start_from/count and the response envelope", async () => {
    const ids = [];
    for (let i = 0; i < 7; i++) ids.push((await place()).order_id);
    const p1 = await orders("order_type=6&sync=0&count=3");
    expect(p1.body.response).toMatchObject({ code: 200, start_from: 0, next_start: 3, count: 3, total: 7, log_id: expect.any(String) });
    const p2 = await orders("order_type=6&sync=0&count=3&start_from=3");
    const p3 = await orders("order_type=6&sync=0&count=3&start_from=6");
    expect(p3.body.response).toMatchObject({ start_from: 6, next_start: null, count: 1, total: 7 });
    expect([...p1.body.orders, ...p2.body.orders, ...p3.body.orders].map((o: any) => o.order_id)).toEqual(ids);
    const def = await orders("order_type=6&sync=0");
    expect(def.body.response.count).toBe(7); // default page size 50
    expect((await orders("sync=0&count=0")).status).toBe(400);
    expect((await orders("sync=0&start_from=-1")).status).toBe(400);
  });

  it("filters by customer_code and by modified date range (both or neither)", async () => {
    const a = await place({ customer_code: "C1" });
    const b = await place({ customer_code: "C2" });
    expect((await orders("sync=0&customer_code=C2")).body.orders.map((o: any) => o.order_id)).toEqual([b.order_id]);
    await c.admin("POST", "/clock/advance", { seconds: 86400 });
    await c.admin("PATCH", `/orders/${a.order_id}`, { po_number: "late edit" });
    const since = new Date(Date.now() + 3600_000).toISOString();
    const until = new Date(Date.now() + 2 * 86400_000).toISOString();
    const ranged = await orders(`sync=0&date_start=${since}&date_end=${until}`);
    expect(ranged.body.orders.map((o: any) => o.order_id)).toEqual([a.order_id]);
    expect((await orders(`sync=0&date_start=${since}`)).status).toBe(400);
    expect((await orders("sync=0&date_start=yesterday&date_end=today")).status).toBe(400);
  });

  it("check=1 withholds orders missing required fields and records them as Failed", async () => {
    await c.admin("PUT", "/settings", { order_required_fields: ["customer_purchase_order"] });
    const good = await place({ po_number: "PO-1" });
    const bad = await place();
    const r = await orders("order_type=6&sync=1");
    expect(r.body.orders.map((o: any) => o.order_id)).toEqual([good.order_id]);
    expect(r.body.response.withheld).toBe(1);
    const failed = (await c.v2("GET", `/order/${bad.order_id}`)).body.orders[0];
    expect(failed).toMatchObject({ export_status: "FAILED", export_description: "missing required field customer_purchase_order" });
    expect((await orders("order_type=6&sync=0&export_status=6")).body.orders).toEqual([]); // 6 excludes failed
    expect((await orders("order_type=6&sync=0&export_status=2")).body.orders).toHaveLength(1);
    // check=0 lets it through; fixing the data does too.
    await c.admin("PATCH", `/orders/${bad.order_id}`, { po_number: "PO-2" });
    expect((await orders("order_type=6&sync=1")).body.orders.map((o: any) => o.order_id)).toEqual([bad.order_id]);
  });

  it("check=2 withholds orders with deleted styles; INACTIVE colours vanish from orders", async () => {
    const o = await place({ lines: [{ upc: style.skus[0].upc, quantity: 1 }] });
    await c.admin("DELETE", `/skus/${style.skus[0].id}`);
    expect((await orders("order_type=6&sync=0&check=2")).body.orders).toEqual([]);
    expect((await orders("order_type=6&sync=0&check=0")).body.orders).toHaveLength(1);
    const r = await orders("order_type=6&sync=1&check=3");
    expect(r.body.orders).toEqual([]);
    expect((await c.v2("GET", `/order/${o.order_id}`)).body.orders[0].export_description).toContain("style/colour deleted");

    const o2 = await place({
      lines: [
        { upc: style.skus[3].upc, quantity: 1 },
        { upc: style.skus[4].upc, quantity: 2 },
        { upc: style.skus[1].upc, quantity: 3 },
      ],
    });
    await c.v4("POST", "/skus/bulk_update", [
      { id: style.skus[3].id, trait_values: [{ trait_id: "U0tVVHJhaXQ6U3R5bGVDb2xvcg==", value: "Sand", status: "INACTIVE" }] },
    ]);
    const lines = (await c.v2("GET", `/order/${o2.order_id}`)).body.orders[0].line_items;
    // Sand is inactive for the whole product (both Sand lines vanish); Black M stays.
    expect(lines.map((l: any) => l.item_upc)).toEqual([style.skus[1].upc]);
    await c.v4("POST", "/skus/bulk_update", [
      { id: style.skus[3].id, trait_values: [{ trait_id: "U0tVVHJhaXQ6U3R5bGVDb2xvcg==", value: "Sand", status: "ACTIVE" }] },
    ]);
    expect((await c.v2("GET", `/order/${o2.order_id}`)).body.orders[0].line_items).toHaveLength(3);
  });

  it("places orders for a retailer without a connection; IN_PROGRESS carts stay invisible", async () => {
    const retailer = (await c.admin("GET", "/retailers")).body.items.find((r: any) => r.name === "Maison Lumen");
    const r = await c.admin("POST", "/orders", { retailer_id: retailer.id, price_type: "USD-1", lines: [{ upc: style.skus[1].upc, quantity: 1 }] });
    expect(r.body.data[0]).toMatchObject({ customer_code: "", customer_name: "Maison Lumen", customer_retailer_id: retailer.id, shipping_code: "" });
    const cart = await place({ status: "IN_PROGRESS" });
    expect((await c.v2("GET", `/order/${cart.order_id}`)).status).toBe(404);
    expect((await orders("order_type=8&sync=0")).body.orders.map((o: any) => o.order_id)).toEqual([r.body.data[0].order_id]);
    expect((await c.admin("POST", "/orders", { retailer_id: "nope", lines: [{ upc: style.skus[1].upc, quantity: 1 }] })).status).toBe(400);
  });

  it("answers 404 for unknown orders", async () => {
    expect((await c.v2("GET", "/order/1")).status).toBe(404);
    expect((await c.v2("GET", "/order/abc")).status).toBe(404);
  });
});
