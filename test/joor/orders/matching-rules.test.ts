import { addressKey, missingAddresses, normaliseAddressText } from "../../../plugins/joor/orders/address-match";
import { describeChanges } from "../../../plugins/joor/orders/order-changes";
import { checkOrderTotal } from "../../../plugins/joor/orders/order-total";
import { parseInboundOrder } from "../../../plugins/joor/orders/parse-order";
import { matchOrder, MatchContext } from "../../../plugins/joor/orders/match-order";
import { normaliseSeasonName, seasonMatcher } from "../../../plugins/joor/orders/season-match";
import { rawOrder } from "./fixtures";

const addr = (over: Record<string, string | null | undefined> = {}) => ({
  type: "DELIVERY",
  line1: "1 High St",
  line2: null,
  city: "London",
  region: null,
  postalCode: "SW1A 1AA",
  countryCode: "GB",
  ...over,
});

describe("address identity (case, spacing, punctuation)", () => {
  it("the same address written with other case, spacing and punctuation is the same", () => {
    expect(normaliseAddressText("  1,  High   St.  ")).toBe("1 high st");
    expect(addressKey(addr({ line1: "1 HIGH ST.", city: " london ", postalCode: "sw1a1aa" }))).toBe(addressKey(addr()));
    expect(addressKey(addr({ line1: "Müllerstraße 1" }))).toBe(addressKey(addr({ line1: "mullerstraße 1" })));
  });
  it("another street, city, postcode, country or type is another address", () => {
    for (const over of [{ line1: "2 High St" }, { city: "Leeds" }, { postalCode: "SW1A 2AA" }, { countryCode: "IE" }, { type: "ACCOUNTS" }]) {
      expect(addressKey(addr(over))).not.toBe(addressKey(addr()));
    }
  });
  it("missingAddresses adds each new address once", () => {
    const incoming = [addr({ line1: "9 New Rd" }), addr({ line1: "9 new rd." }), addr({ line1: "1 high st" })];
    expect(missingAddresses([addr()], incoming)).toEqual([incoming[0]]);
  });
});

describe("season by name", () => {
  const match = seasonMatcher([
    { id: 1, name: "AUTUMN/WINTER 20" },
    { id: 2, name: "Spring Summer 21" },
  ]);
  it("matches names ignoring case and spacing only", () => {
    expect(normaliseSeasonName("  autumn/winter   20 ")).toBe("AUTUMN/WINTER 20");
    expect(match("autumn/winter 20")?.id).toBe(1);
    expect(match("SPRING  SUMMER 21")?.id).toBe(2);
  });
  it('"AW20" does not match "AUTUMN/WINTER 20" (nor does a misspelling)', () => {
    expect(match("AW20")).toBeNull();
    expect(match("AUTMM/WINTER 20")).toBeNull();
    expect(match("")).toBeNull();
  });
});

describe("order total", () => {
  it("equals JOOR's total when lines, discounts and shipping add up", () => {
    const o = parseInboundOrder(rawOrder({ order_discount: "5.00", order_shipping_total: "7.50", order_total: "57.50" })).order!;
    expect(checkOrderTotal(o)).toEqual({ selvedge: "57.50", joor: "57.50", matches: true });
  });
  it("a difference is reported, not rounded away", () => {
    const o = parseInboundOrder(rawOrder({ order_total: "55.01" })).order!;
    expect(checkOrderTotal(o)).toEqual({ selvedge: "55.00", joor: "55.01", matches: false });
  });
});

describe("matching an order to the brand's customers, barcodes and settings", () => {
  const base: MatchContext = {
    customerByCode: (c) => (c.toLowerCase() === "acme01" ? { id: 7, status: "ACTIVE" } : undefined),
    variantByBarcode: (b) => (({ "0012345678905": { id: 11 }, "4006381333931": { id: 12 } }) as Record<string, { id: number }>)[b],
    seasonByName: seasonMatcher([{ id: 3, name: "AUTUMN/WINTER 20" }]),
    fallbackSeasonId: 9,
    approved: true,
    ownerId: 5,
    source: "JOOR",
  };
  const order = () => parseInboundOrder(rawOrder()).order!;

  it("matches customer, barcodes (UPC-A = EAN-13 with a leading 0), season and the settings", () => {
    const m = matchOrder(order(), base);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(m.data).toMatchObject({ customerId: 7, seasonId: 3, approved: true, ownerId: 5, currency: "EUR", poNumber: "PO-778", externalId: "50001" });
    expect(m.data.lines.map((l) => l.variantId)).toEqual([11, 12]);
  });
  it("unknown barcode → held with the line; unknown customer → held; inactive customer → held", () => {
    const unknown = matchOrder(order(), { ...base, variantByBarcode: () => undefined });
    expect(unknown.ok ? [] : unknown.reasons.map((r) => [r.code, r.line])).toEqual([
      ["UNKNOWN_BARCODE", 1],
      ["UNKNOWN_BARCODE", 2],
    ]);
    const noCustomer = matchOrder(order(), { ...base, customerByCode: () => undefined });
    expect(noCustomer.ok ? [] : noCustomer.reasons.map((r) => r.code)).toEqual(["UNKNOWN_CUSTOMER"]);
    const inactive = matchOrder(order(), { ...base, customerByCode: () => ({ id: 7, status: "INACTIVE" }) });
    expect(inactive.ok ? [] : inactive.reasons.map((r) => r.code)).toEqual(["INACTIVE_CUSTOMER"]);
  });
  it('"AW20" falls back to the settings season', () => {
    const m = matchOrder(parseInboundOrder(rawOrder({ order_season_name: "AW20" })).order!, base);
    expect(m.ok && m.data.seasonId).toBe(9);
  });
  it("the same variant twice stays two lines, as JOOR sends them", () => {
    const twice = parseInboundOrder(
      rawOrder({ order_total: "30.00" }, [
        { item_upc: "012345678905", item_quantity: 1, item_price: "10.00" },
        { item_upc: "012345678905", item_quantity: 2, item_price: "10.00" },
      ]),
    ).order!;
    const m = matchOrder(twice, base);
    expect(m.ok && m.data.lines.map((l) => [l.variantId, l.quantity])).toEqual([
      [11, 1],
      [11, 2],
    ]);
  });
});

describe("changes JOOR made after the import", () => {
  it("names lines, quantities, addresses and the ship window", () => {
    const before = parseInboundOrder(rawOrder()).order!;
    const after = parseInboundOrder(
      rawOrder({ date_ship_end: "2026-10-01", shipping_address_1: "5 Other St" }, [
        { item_upc: "012345678905", item_quantity: 5, item_price: "10.00" },
        { item_upc: "5012345678900", item_quantity: 1, item_price: "1.00" },
      ]),
    ).order!;
    const changes = describeChanges(before, after);
    expect(changes).toEqual(
      expect.arrayContaining([
        "quantity of 012345678905: 2 → 5",
        "line added: 5012345678900 × 1",
        "line removed: 4006381333931 × 1",
        "ship window: 2026-08-01..2026-09-15 → 2026-08-01..2026-10-01",
        "delivery address: 5 Other St, London, SW1A 1AA, GB",
      ]),
    );
    expect(describeChanges(before, before)).toEqual([]);
  });
});
