import { BarcodeReconciler, compareCustomers } from "../../../plugins/joor/reconcile/compare";

describe("reconcile comparison", () => {
  it("finds codes on one side only and codes that differ only by case or spacing", () => {
    const out = compareCustomers(
      ["ACME01", "abc 02", "ONLYHERE"],
      [
        { code: "ACME01", connectionId: "1" },
        { code: "ABC02", connectionId: "2" },
        { code: "ONLYJOOR", connectionId: "3" },
      ],
    );
    expect(out.matched).toEqual([{ code: "ACME01", connectionId: "1" }]);
    expect(out.findings.map((f) => [f.code, f.key])).toEqual([
      ["CODE_CASE_OR_SPACING", "abc 02"],
      ["CUSTOMER_ONLY_IN_SELVEDGE", "ONLYHERE"],
      ["CUSTOMER_ONLY_IN_JOOR", "ONLYJOOR"],
    ]);
  });

  it("finds barcodes on one side only and barcodes attached to another SKU", () => {
    const r = new BarcodeReconciler();
    r.addJoor({ upc: "1", skuId: "a", productId: "p", styleNumber: "ST", colourCode: "BLK", size: "S" });
    r.addJoor({ upc: "2", skuId: "b", productId: "p", styleNumber: "ST", colourCode: "BLK", size: "M" });
    r.addJoor({ upc: "3", skuId: "c", productId: "p", styleNumber: "ST", colourCode: "BLK", size: "L" });
    expect("matched" in r.check({ barcode: "1", styleNumber: "ST", colourCode: "BLK", size: "S" })).toBe(true);
    const wrong = r.check({ barcode: "2", styleNumber: "ST", colourCode: "BLK", size: "m" });
    expect("finding" in wrong && wrong.finding.code).toBe("BARCODE_ON_DIFFERENT_SKU");
    const only = r.check({ barcode: "9", styleNumber: "ST", colourCode: "RED", size: "S" });
    expect("finding" in only && only.finding.code).toBe("BARCODE_ONLY_IN_SELVEDGE");
    expect([...r.joorOnly()].map((f) => [f.code, f.key])).toEqual([["BARCODE_ONLY_IN_JOOR", "3"]]);
  });
});

import { styleNumberOf } from "../../../plugins/joor/operations/part2/reconcile";
describe("JOOR product identifier → style number", () => {
  it("takes the identifier as the style number, or strips export-products' -<colour> suffix", () => {
    expect(styleNumberOf("ST1", "BLK")).toBe("ST1");
    expect(styleNumberOf("ST1-BLK", "BLK")).toBe("ST1");
    expect(styleNumberOf("ST1-BLK", "RED")).toBe("ST1-BLK");
  });
});
