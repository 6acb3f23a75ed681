/** GS1 barcodes: EAN-13 (13 digits) and UPC-A (12 digits), with the GS1 mod-10 check digit. */

export function gs1CheckDigit(digitsWithoutCheck: string): number {
  let sum = 0;
  // Weights alternate 3,1,3,… starting from the rightmost digit of the body.
  for (let i = digitsWithoutCheck.length - 1, weight = 3; i >= 0; i--, weight = weight === 3 ? 1 : 3) {
    sum += Number(digitsWithoutCheck[i]) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

export type BarcodeKind = "EAN13" | "UPCA";

export function barcodeKind(code: string): BarcodeKind | null {
  if (/^\d{13}$/.test(code)) return "EAN13";
  if (/^\d{12}$/.test(code)) return "UPCA";
  return null;
}

/** Why a barcode is invalid, or null when it is a valid EAN-13 or UPC-A. */
export function barcodeProblem(code: string): string | null {
  if (!barcodeKind(code)) return `Barcode "${code}" must be 12 digits (UPC-A) or 13 digits (EAN-13)`;
  const expected = gs1CheckDigit(code.slice(0, -1));
  if (Number(code[code.length - 1]) !== expected) {
    return `Barcode "${code}" has a wrong GS1 check digit (expected ${expected})`;
  }
  return null;
}

export function isValidBarcode(code: string): boolean {
  return barcodeProblem(code) === null;
}

/** Appends the check digit to a 11- or 12-digit body (used by the demo seed and tests). */
export function withCheckDigit(body: string): string {
  return body + String(gs1CheckDigit(body));
}
