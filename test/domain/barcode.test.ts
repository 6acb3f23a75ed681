import { barcodeKind, barcodeProblem, gs1CheckDigit, isValidBarcode, withCheckDigit } from "../../src/domain/barcode";

describe("GS1 barcodes: EAN-13 and UPC-A with the mod-10 check digit", () => {
  it.each([
    ["4006381333931", "EAN13"], // Stabilo pen, the textbook EAN-13
    ["5901234123457", "EAN13"], // GS1's own example
    ["9780306406157", "EAN13"], // ISBN-13
    ["0000000000000", "EAN13"],
    ["036000291452", "UPCA"], // the textbook UPC-A
    ["012345678905", "UPCA"],
    ["042100005264", "UPCA"],
  ])("%s is a valid %s", (code, kind) => {
    expect(barcodeKind(code)).toBe(kind);
    expect(barcodeProblem(code)).toBeNull();
    expect(isValidBarcode(code)).toBe(true);
  });

  it.each([
    ["4006381333932", 1],
    ["4006381333930", 1],
    ["5901234123450", 7],
    ["036000291453", 2],
    ["012345678900", 5],
  ])("%s has a wrong check digit (expected %i)", (code, expected) => {
    expect(isValidBarcode(code)).toBe(false);
    expect(barcodeProblem(code)).toContain(`expected ${expected}`);
  });

  it.each([
    ["", "empty"],
    ["96385074", "8 digits (EAN-8 is not accepted)"],
    ["40063813339", "11 digits"],
    ["40063813339310", "14 digits (GTIN-14 is not accepted)"],
    ["400638133393100", "15 digits"],
  ])("%s is refused: %s", (code) => {
    expect(barcodeKind(code)).toBeNull();
    expect(barcodeProblem(code)).toMatch(/12 digits \(UPC-A\) or 13 digits \(EAN-13\)/);
  });

  it.each([
    ["400638133393A"],
    ["4006-38133393"],
    [" 4006381333931"],
    ["4006381333931 "],
    ["4.06381333931"],
    ["-036000291452"],
    ["４００６３８１３３３９３１"], // full-width digits
  ])("%j is refused: only ASCII digits", (code) => {
    expect(isValidBarcode(code)).toBe(false);
  });

  it("computes check digits and appends them", () => {
    expect(gs1CheckDigit("400638133393")).toBe(1);
    expect(gs1CheckDigit("03600029145")).toBe(2);
    expect(gs1CheckDigit("00000000000")).toBe(0);
    expect(withCheckDigit("590123412345")).toBe("5901234123457");
    expect(withCheckDigit("01234567890")).toBe("012345678905");
    for (const body of ["123456789012", "999999999999", "10000000000"]) expect(isValidBarcode(withCheckDigit(body))).toBe(true);
  });

  it("a UPC-A code with a leading zero is the same GTIN as its EAN-13 form and both are valid", () => {
    expect(isValidBarcode("036000291452")).toBe(true);
    expect(isValidBarcode("0036000291452")).toBe(true);
  });
});
