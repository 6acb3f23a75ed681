import type { JoorSandbox } from "../../plugins/joor/sandbox";
import { Client, type PushedStyle, priceAll, pushConnections, pushStyle, start } from "./helpers";

const cents = (s: string): number => Math.round(Number(s) * 100);

/** The record's own arithmetic: Σ item_price_extended − order_discount + order_shipping_total = order_total. */
function checkTotals(rec: any): void {
  let subtotal = 0;
  for (const l of rec.line_items) {
    expect(cents(l.item_unit_price)).toBe(cents(l.item_price) + cents(l.item_price_adjustment));
    expect(cents(l.item_price_extended)).toBe(cents(l.item_unit_price) * Number(l.item_quantity));
    subtotal += cents(l.item_price_extended);
  }
  expect(cents(rec.order_total)).toBe(subtotal - cents(rec.order_discount) + cents(rec.order_shipping_total));
}

describe("JOOR sandbox: order discounts (line and order level, percentages and amounts) with consistent totals", () => {
  let sb: JoorSandbox;
  let c: Client;
  let style: PushedStyle;
  beforeAll(async () => {
    ({ sb, c } = await start());
    style = await pushStyle(c, "DSC", [["Black", "BLK"]], ["S", "M", "L"]);
    await priceAll(
      c,
      style.skus.map((s) => s.id),
      "USD-1",
      "40.00",
    );
    await pushConnections(c, ["D1"]);
  });
  afterAll(() => sb.close());

  const place = (body: Record<string, unknown>) => c.admin("POST", "/orders", { customer_code: "D1", ...body });

  it("line discounts change item_unit_price and item_price_extended; order_total is the discounted lines minus the order discount plus shipping", async () => {
    const r = await place({
      discount_amount: "10.00",
      shipping_total: "7.50",
      lines: [
        { upc: style.skus[0].upc, quantity: 3, discount_percent: "10.00" },
        { upc: style.skus[1].upc, quantity: 2, discount_amount: "5.00" },
        { upc: style.skus[2].upc, quantity: 1 },
      ],
    });
    expect(r.status).toBe(201);
    const rec = (await c.v2("GET", `/order/${r.body.data[0].order_id}`)).body.orders[0];
    expect(rec.line_items.map((l: any) => [l.item_price, l.item_price_adjustment, l.item_unit_price, l.item_price_extended])).toEqual([
      ["40.00", "-4.00", "36.00", "108.00"],
      ["40.00", "-5.00", "35.00", "70.00"],
      ["40.00", "0.00", "40.00", "40.00"],
    ]);
    expect(rec).toMatchObject({ order_discount: "10.00", order_discount_percent: "0.00", order_shipping_total: "7.50", order_total: "215.50" });
    checkTotals(rec);
    const v4 = (await c.v4("GET", `/orders?order_ids=${rec.order_id}`)).body.data[0];
    expect(v4).toMatchObject({ total: 6, total_price: rec.order_total });
    expect(v4.line_items.map((l: any) => l.price)).toEqual(["36.00", "35.00", "40.00"]);
  });

  it("an order percentage applies to the discounted subtotal, rounded to the cent", async () => {
    const r = await place({
      discount_percent: "12.50",
      lines: [
        { upc: style.skus[0].upc, quantity: 1, discount_percent: "33.33" },
        { upc: style.skus[1].upc, quantity: 1 },
      ],
    });
    const rec = r.body.data[0];
    expect(rec.line_items[0]).toMatchObject({ item_price_adjustment: "-13.33", item_unit_price: "26.67" });
    // (26.67 + 40.00) × 12.5 % = 8.33375 → 8.33
    expect(rec).toMatchObject({ order_discount: "8.33", order_discount_percent: "12.50", order_total: "58.34" });
    checkTotals(rec);
  });

  it("editing the discounts on JOOR's side keeps the totals consistent", async () => {
    const placed = (await place({ discount_percent: "10.00", lines: [{ upc: style.skus[0].upc, quantity: 2 }] })).body.data[0];
    const edited = await c.admin("PATCH", `/orders/${placed.order_id}`, {
      discount_amount: "3.00",
      add_lines: [{ upc: style.skus[1].upc, quantity: 1, discount_amount: "1.50" }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ order_discount: "3.00", order_discount_percent: "0.00", order_total: "115.50" });
    checkTotals(edited.body);
    const lineId = edited.body.line_items[0].line_id;
    const relined = await c.admin("PATCH", `/orders/${placed.order_id}`, { update_lines: [{ line_id: lineId, discount_percent: "25.00" }] });
    expect(relined.body.line_items[0]).toMatchObject({ item_quantity: 2, item_unit_price: "30.00", item_price_adjustment: "-10.00" });
    checkTotals(relined.body);
    const cleared = await c.admin("PATCH", `/orders/${placed.order_id}`, { update_lines: [{ line_id: lineId, discount_percent: null, quantity: 1 }] });
    expect(cleared.body.line_items[0]).toMatchObject({ item_quantity: 1, item_unit_price: "40.00", item_price_adjustment: "0.00" });
    checkTotals(cleared.body);
    const tooMuch = await c.admin("PATCH", `/orders/${placed.order_id}`, { update_lines: [{ line_id: lineId, discount_amount: "41.00" }] });
    expect(tooMuch.status).toBe(400);
  });

  it("refuses discounts that are both a percentage and an amount, above 100 %, or above the unit price", async () => {
    const r = await place({
      discount_percent: "5.00",
      discount_amount: "1.00",
      lines: [
        { upc: style.skus[0].upc, quantity: 1, discount_percent: "10.00", discount_amount: "1.00" },
        { upc: style.skus[1].upc, quantity: 1, discount_percent: "100.01" },
        { upc: style.skus[2].upc, quantity: 1, discount_amount: "40.01" },
        { upc: style.skus[2].upc, quantity: 1, discount_amount: "2" },
      ],
    });
    expect(r.status).toBe(400);
    expect(r.body.issues.map((i: any) => i.field).sort()).toEqual(["lines.0.discount_amount", "lines.1.discount_percent", "lines.3.discount_amount"]);
    const over = await place({ lines: [{ upc: style.skus[2].upc, quantity: 1, discount_amount: "40.01" }] });
    expect(over.body.issues).toEqual([{ field: "lines.0.discount_amount", message: expect.stringContaining("exceeds the unit price") }]);
    const both = await place({ discount_percent: "5.00", discount_amount: "1.00", lines: [{ upc: style.skus[2].upc, quantity: 1 }] });
    expect(both.body.issues[0].field).toBe("discount_amount");
  });
});
