import { parseInboundOrder } from "../../../plugins/joor/orders/parse-order";
import { rawOrder } from "./fixtures";

const codes = (raw: unknown) => parseInboundOrder(raw).reasons.map((r) => r.code);

describe("parsing JOOR v2 orders (messy JSON → validated inbound order with reasons)", () => {
  it("reads a clean order: trimmed customer code, PO, ship window, currency, comments, addresses and lines", () => {
    const { order, reasons } = parseInboundOrder(rawOrder());
    expect(reasons).toEqual([]);
    expect(order).toMatchObject({
      orderId: "50001",
      customerCode: "ACME01",
      poNumber: "PO-778",
      currency: "EUR",
      seasonName: "AUTUMN/WINTER 20",
      shipStart: "2026-08-01",
      shipEnd: "2026-09-15",
      notes: "Please pack by size",
      total: "55.00",
      discount: null,
      delivery: { type: "DELIVERY", line1: "1 High St", city: "London", postalCode: "SW1A 1AA", countryCode: "GB", code: "D1" },
      accounts: null,
    });
    expect(order!.lines.map((l) => [l.upc, l.quantity, l.unitPrice, l.discount])).toEqual([
      ["012345678905", 2, "10.00", null],
      ["4006381333931", 1, "35.00", null],
    ]);
  });

  it("accepts lists sent as an empty string and numbers sent as strings", () => {
    const { order, reasons } = parseInboundOrder(
      rawOrder({ order_id: "50001", order_doors: "", order_divisions: "" }, [
        { item_upc: 12345678905, item_quantity: "3", item_price: 12.5, item_price_extended: "37.50" },
      ]),
    );
    expect(reasons).toEqual([]);
    expect(order!.lines[0]).toMatchObject({ upc: "12345678905", quantity: 3, unitPrice: "12.5" });
    expect(parseInboundOrder(rawOrder({ line_items: "" })).reasons.map((r) => r.code)).toEqual(["NO_LINES"]);
  });

  it("a missing customer code, a missing currency and an unknown currency are reasons", () => {
    expect(codes(rawOrder({ customer_code: "  " }))).toEqual(["MISSING_FIELD"]);
    expect(codes(rawOrder({ order_currency: "" }))).toEqual(["MISSING_FIELD"]);
    expect(codes(rawOrder({ order_currency: "XXQ" }))).toEqual(["UNKNOWN_CURRENCY"]);
  });

  it("negative, zero, fractional and absurd quantities are reasons naming the JOOR line", () => {
    for (const q of [-1, 0, "2.5", 5_000_000, "lots"]) {
      const r = parseInboundOrder(rawOrder({}, [{ item_upc: "012345678905", item_quantity: q, item_price: "1.00" }])).reasons;
      expect(r).toHaveLength(1);
      expect(["BAD_QUANTITY", "INVALID_FIELD"]).toContain(r[0].code);
      expect(r[0]).toMatchObject({ line: 1, field: "line_items[0].item_quantity" });
    }
  });

  it("wrong types are reasons, not crashes", () => {
    expect(codes(rawOrder({ customer_code: { nested: true } }))).toEqual(["INVALID_FIELD"]);
    expect(codes(rawOrder({ line_items: { not: "a list" } }))).toEqual(["INVALID_FIELD", "NO_LINES"]);
    expect(codes(rawOrder({}, ["not a line" as never]))).toEqual(["INVALID_FIELD"]);
    expect(codes(rawOrder({ date_ship_start: "next tuesday" }))).toEqual(["INVALID_FIELD"]);
    expect(codes(null)).toEqual(["NOT_AN_ORDER"]);
    expect(codes([1, 2])).toEqual(["NOT_AN_ORDER"]);
    expect(parseInboundOrder(rawOrder({ order_id: "" }))).toMatchObject({ orderId: "", order: null, reasons: [{ code: "MISSING_ORDER_ID" }] });
  });

  it("a 10 MB comment is a reason (FIELD_TOO_LONG), the order is not truncated silently", () => {
    const r = parseInboundOrder(rawOrder({ order_comments: "x".repeat(10 * 1024 * 1024) }));
    expect(r.reasons.map((x) => x.code)).toEqual(["FIELD_TOO_LONG"]);
    expect(r.reasons[0].field).toBe("order_comments");
  });

  it("a missing barcode and a negative price are reasons on the line", () => {
    const r = parseInboundOrder(
      rawOrder({}, [
        { item_upc: "", item_quantity: 1, item_price: "1.00" },
        { item_upc: "012345678905", item_quantity: 1, item_price: "-3.00" },
      ]),
    ).reasons;
    expect(r.map((x) => [x.code, x.line])).toEqual([
      ["MISSING_BARCODE", 1],
      ["INVALID_PRICE", 2],
    ]);
  });

  it("an order JOOR reports as not approved is a reason", () => {
    expect(codes(rawOrder({ order_status: "PENDING" }))).toEqual(["NOT_APPROVED"]);
  });

  it("line discounts: a percentage, an amount per unit, or JOOR's extended price", () => {
    const line = (adj: Record<string, unknown>) =>
      parseInboundOrder(rawOrder({}, [{ item_upc: "012345678905", item_quantity: 4, item_price: "10.00", ...adj }])).order!.lines[0].discount;
    expect(line({ item_price_adjustment: "10%" })).toBe("4.0000");
    expect(line({ item_price_adjustment: "-1.50" })).toBe("6.0000");
    expect(line({ item_price_adjustment: "15", item_price_adjustment_type: "PERCENT" })).toBe("6.0000");
    expect(line({ item_price_extended: "36.00", item_price_adjustment: "10%" })).toBe("4.0000");
    expect(line({ item_unit_price: "9.00", item_price_adjustment: "-1.00" })).toBe("4.0000");
    expect(line({ item_price_adjustment: "0.00" })).toBeNull();
    expect(
      parseInboundOrder(rawOrder({}, [{ item_upc: "012345678905", item_quantity: 1, item_price: "10.00", item_price_adjustment: "150%" }])).reasons[0].code,
    ).toBe("INVALID_PRICE");
  });

  it("an incomplete JOOR address is a reason; an absent one is left to the customer's record", () => {
    expect(codes(rawOrder({ shipping_city: "" }))).toEqual(["INVALID_ADDRESS"]);
    expect(codes(rawOrder({ shipping_country_iso_two: "", shipping_country: "Narnia" }))).toEqual(["INVALID_ADDRESS"]);
    const none = parseInboundOrder(rawOrder({ shipping_address_1: "", shipping_city: "", shipping_country_iso_two: "", shipping_country: "" }));
    expect(none.reasons).toEqual([]);
    expect(none.order!.delivery).toBeNull();
  });

  it("the order discount is JOOR's amount, or its percentage of the lines", () => {
    expect(parseInboundOrder(rawOrder({ order_discount: "5.50" })).order!.discount).toBe("5.50");
    expect(parseInboundOrder(rawOrder({ order_discount: "", order_discount_percent: "10" })).order!.discount).toBe("5.5000");
  });
});
