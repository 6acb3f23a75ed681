import type { JoorSandbox } from "../../plugins/joor/sandbox";
import { Client, COLOR_TRAIT_ID, type PushedStyle, priceAll, pushConnections, pushStyle, start } from "./helpers";

describe("JOOR sandbox: the messy-orders switch (v2 order JSON as real JOOR sends it)", () => {
  let sb: JoorSandbox;
  let c: Client;
  let style: PushedStyle;
  beforeAll(async () => {
    ({ sb, c } = await start({ messyOrders: true }));
    style = await pushStyle(
      c,
      "MSY",
      [
        ["Black", "BLK"],
        ["Sand", "SND"],
      ],
      ["S", "M"],
    );
    await priceAll(
      c,
      style.skus.map((s) => s.id),
      "USD-1",
      "40.00",
    );
    await pushConnections(c, ["M1"]);
  });
  afterAll(() => sb.close());

  it('sends empty lists as "", numbers as strings and the brand\'s order type in order_type_name/_code', async () => {
    const placed = await c.admin("POST", "/orders", {
      customer_code: "M1",
      order_type: { name: "Wholesale", code: "WHS" },
      lines: [{ upc: style.skus[0].upc, quantity: 3 }],
    });
    expect(placed.status).toBe(201);
    const id = placed.body.data[0].order_id;
    const rec = (await c.v2("GET", `/order/${id}`)).body.orders[0];
    expect(rec).toMatchObject({
      order_id: String(id),
      order_type: "6",
      order_type_name: "Wholesale",
      order_type_code: "WHS",
      order_status: "APPROVED",
      order_total_units: "3",
      order_divisions: "",
      order_doors: "",
    });
    expect(rec.line_items[0]).toMatchObject({
      item_quantity: "3",
      item_multiplier: "1",
      style_tags: "",
      item_price_adjustment: "",
      item_style_id: style.productId,
    });
    // Without an order type the fields are empty (they are in JOOR's internal-field-validation list).
    const plain = (await c.admin("POST", "/orders", { customer_code: "M1", lines: [{ upc: style.skus[1].upc, quantity: 1 }] })).body.data[0];
    expect((await c.v2("GET", `/order/${plain.order_id}`)).body.orders[0]).toMatchObject({ order_type_name: "", order_type_code: "" });
    // The paged list has the same shape; the admin API keeps the clean record.
    const page = await c.v2("GET", "/order?order_type=6&sync=0");
    expect(page.body.orders.find((o: any) => o.order_id === String(id)).order_doors).toBe("");
    expect((await c.admin("GET", `/orders/${id}`)).body).toMatchObject({ order_id: id, order_doors: [] });
  });

  it('writes discounts as entered: item_price_adjustment "-10%" or "-5.00", order_discount_percent "" for an amount', async () => {
    const placed = await c.admin("POST", "/orders", {
      customer_code: "M1",
      discount_amount: "4.00",
      lines: [
        { upc: style.skus[0].upc, quantity: 1, discount_percent: "10.00" },
        { upc: style.skus[1].upc, quantity: 2, discount_amount: "5.00" },
      ],
    });
    const rec = (await c.v2("GET", `/order/${placed.body.data[0].order_id}`)).body.orders[0];
    expect(rec.line_items.map((l: any) => [l.item_price_adjustment, l.item_unit_price, l.item_price_extended])).toEqual([
      ["-10%", "36.00", "36.00"],
      ["-5.00", "35.00", "70.00"],
    ]);
    expect(rec).toMatchObject({ order_discount: "4.00", order_discount_percent: "", order_total: "102.00" });
    const pct = await c.admin("POST", "/orders", {
      customer_code: "M1",
      discount_percent: "12.50",
      lines: [{ upc: style.skus[0].upc, quantity: 1, discount_percent: "7.50" }],
    });
    const rec2 = (await c.v2("GET", `/order/${pct.body.data[0].order_id}`)).body.orders[0];
    expect(rec2.line_items[0].item_price_adjustment).toBe("-7.5%");
    expect(rec2).toMatchObject({ order_discount_percent: "12.50", order_discount: "4.63", order_total: "32.37" });
  });

  it('sends line_items as "" when every line\'s colour was deactivated', async () => {
    const sand = style.skus.filter((s) => s.color === "Sand");
    const placed = (await c.admin("POST", "/orders", { customer_code: "M1", lines: [{ upc: sand[0].upc, quantity: 1 }] })).body.data[0];
    const off = await c.v4("POST", "/skus/bulk_update", [
      { id: sand[0].id, trait_values: [{ trait_id: COLOR_TRAIT_ID, value: "Sand", external_id: "SND", status: "INACTIVE" }] },
    ]);
    expect(off.status).toBe(200);
    expect((await c.v2("GET", `/order/${placed.order_id}`)).body.orders[0]).toMatchObject({ line_items: "", order_total: "0.00" });
    await c.v4("POST", "/skus/bulk_update", [
      { id: sand[0].id, trait_values: [{ trait_id: COLOR_TRAIT_ID, value: "Sand", external_id: "SND", status: "ACTIVE" }] },
    ]);
  });

  it("is a per-account setting the admin API switches (off by default)", async () => {
    const other = await start();
    try {
      const s2 = await pushStyle(other.c, "CLN", [["Black", "BLK"]], ["S"]);
      await priceAll(
        other.c,
        s2.skus.map((s) => s.id),
      );
      await pushConnections(other.c, ["K1"]);
      const id = (await other.c.admin("POST", "/orders", { customer_code: "K1", lines: [{ upc: s2.skus[0].upc, quantity: 1 }] })).body.data[0].order_id;
      expect((await other.c.admin("GET", "/settings")).body.messy_orders).toBe(false);
      expect((await other.c.v2("GET", `/order/${id}`)).body.orders[0]).toMatchObject({ order_id: id, order_doors: [] });
      await other.c.admin("PUT", "/settings", { messy_orders: true });
      expect((await other.c.v2("GET", `/order/${id}`)).body.orders[0]).toMatchObject({ order_id: String(id), order_doors: "" });
    } finally {
      await other.sb.close();
    }
  });
});
