import { mapProductPrices, UnmappedCurrencies } from "../../../plugins/joor/mapping/price-items";

const types = new Map([
  ["EUR", "pt-eur"],
  ["USD", "pt-usd"],
]);
const base = {
  productId: 1,
  variants: [
    { variantId: 11, barcode: "1", skuId: "s11" },
    { variantId: 12, barcode: "2", skuId: "s12" },
  ],
};
const prices = [
  { seasonId: 1, startDate: "2026-01-01", currency: "EUR", wholesale: "10", retail: "25" },
  { seasonId: 2, startDate: "2026-07-01", currency: "EUR", wholesale: "12", retail: "30" },
  { seasonId: 3, startDate: "2027-01-01", currency: "EUR", wholesale: "99", retail: "99" },
  { seasonId: 2, startDate: "2026-07-01", currency: "JPY", wholesale: "1500", retail: "3000" },
];

describe("JOOR price mapping", () => {
  it("a product visible in two selected seasons takes the more recent one's price, for every SKU", () => {
    const out = mapProductPrices({ ...base, visibleSeasonIds: [1, 2, 3], prices }, [1, 2], types);
    const eur = out.items.filter((i) => i.currency === "EUR");
    expect(eur.map((i) => [i.sku_id, i.price_type_id, i.wholesale_value, i.retail_value, i.seasonId])).toEqual([
      ["s11", "pt-eur", "12.00", "30.00", 2],
      ["s12", "pt-eur", "12.00", "30.00", 2],
    ]);
  });

  it("a product visible in no selected season goes at 0.00 in every mapped currency", () => {
    const out = mapProductPrices({ ...base, visibleSeasonIds: [3], prices }, [1, 2], types);
    expect(out.items.map((i) => [i.currency, i.wholesale_value, i.retail_value])).toEqual([
      ["EUR", "0.00", "0.00"],
      ["USD", "0.00", "0.00"],
      ["EUR", "0.00", "0.00"],
      ["USD", "0.00", "0.00"],
    ]);
  });

  it("a currency without a JOOR price type is reported, not sent", () => {
    const out = mapProductPrices({ ...base, visibleSeasonIds: [2], prices }, [2], types);
    expect(out.unmappedCurrencies).toEqual(["JPY"]);
    expect(out.items.some((i) => i.currency === "JPY")).toBe(false);
    const unmapped = new UnmappedCurrencies();
    unmapped.add(out.unmappedCurrencies, "ST1/BLK");
    unmapped.add(["JPY"], "ST2/RED");
    const [issue] = unmapped.issues();
    expect(issue).toMatchObject({ currency: "JPY", count: 2 });
    expect(issue.message).toMatch(/JPY.*2 product.*ST1\/BLK, ST2\/RED/);
  });

  it("variants not yet on JOOR are counted and skipped", () => {
    const out = mapProductPrices({ productId: 1, variants: [{ variantId: 1, barcode: null, skuId: null }], visibleSeasonIds: [], prices: [] }, [], types);
    expect(out).toMatchObject({ items: [], variantsWithoutSku: 1 });
  });
});
