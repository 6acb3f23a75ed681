import { inventoryDelta, mapVariantInventory, sentInventory } from "../../../plugins/joor/mapping/inventory-items";

const wh = { immediate: "Default", future: "FUTURE" };
const levels = [
  { seasonId: 1, availableToSell: 5, projected: 10, availableFrom: "2027-02-01" },
  { seasonId: 2, availableToSell: 7, projected: 4, availableFrom: "2027-03-15" },
  { seasonId: 3, availableToSell: 100, projected: 100, availableFrom: "2027-04-01" },
];

describe("JOOR inventory mapping", () => {
  it("ATS of the selected seasons is summed to the immediate warehouse; unselected seasons are ignored", () => {
    expect(mapVariantInventory({ barcode: "123", levels }, [1, 2], false, wh).items).toEqual([{ warehouse: "Default", upc: "123", inventory: 12 }]);
  });

  it("future ATS goes to the future warehouse with the product line start date", () => {
    expect(mapVariantInventory({ barcode: "123", levels }, [1, 2], true, wh).items).toEqual([
      { warehouse: "Default", upc: "123", inventory: 12 },
      { warehouse: "FUTURE", upc: "123", inventory: 10, inventory_date: "2027-02-01" },
      { warehouse: "FUTURE", upc: "123", inventory: 4, inventory_date: "2027-03-15" },
    ]);
  });

  it("a variant with stock but no barcode is a problem; without stock it is not", () => {
    expect(mapVariantInventory({ barcode: null, levels }, [1], false, wh).problems.map((p) => p.code)).toEqual(["NO_BARCODE"]);
    expect(mapVariantInventory({ barcode: null, levels: [] }, [1], false, wh).problems).toEqual([]);
  });

  it("undated projected stock is reported, not sent without a date", () => {
    const out = mapVariantInventory({ barcode: "9", levels: [{ seasonId: 1, availableToSell: 0, projected: 3, availableFrom: null }] }, [1], true, wh);
    expect(out.items).toEqual([{ warehouse: "Default", upc: "9", inventory: 0 }]);
    expect(out.problems.map((p) => p.code)).toEqual(["NO_LINE_START_DATE"]);
  });

  it("update mode: only changed positions are sent, and a position gone since the last send is set to 0", () => {
    const first = mapVariantInventory({ barcode: "123", levels }, [1, 2], true, wh).items;
    const sent = sentInventory("123", first);
    expect(inventoryDelta(first, sent)).toEqual([]);
    const moved = mapVariantInventory({ barcode: "123", levels: [levels[0], { ...levels[1], availableFrom: "2027-05-01" }] }, [1, 2], true, wh).items;
    expect(inventoryDelta(moved, sent)).toEqual([
      { warehouse: "FUTURE", upc: "123", inventory: 4, inventory_date: "2027-05-01" },
      { warehouse: "FUTURE", upc: "123", inventory: 0, inventory_date: "2027-03-15" },
    ]);
  });

  it("a changed barcode zeroes what was sent under the old one", () => {
    const sent = sentInventory("111", [{ warehouse: "Default", upc: "111", inventory: 4 }]);
    expect(inventoryDelta([{ warehouse: "Default", upc: "222", inventory: 4 }], sent)).toEqual([
      { warehouse: "Default", upc: "222", inventory: 4 },
      { warehouse: "Default", upc: "111", inventory: 0 },
    ]);
  });
});
