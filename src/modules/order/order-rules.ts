import { InputProblems } from "../../api/errors";
import { barcodeProblem } from "../../domain/barcode";
import { isIsoDate } from "../../domain/dates";
import { currencyCode, isoDate, optionalText } from "../../domain/input-rules";
import { isDecimalString } from "../../domain/money";
import { AddressType } from "../../entities/address-fields";
import { AddressInput } from "../customer/customer.inputs";
import { validateAddress } from "../customer/address-rules";

/** Pure field rules of an order (no database): problems are collected, never thrown here. */

export const MAX_LINE_QUANTITY = 1_000_000;

export interface HeaderFields {
  number?: string | null;
  poNumber?: string | null;
  currency?: string | null;
  shipStart?: string | null;
  shipEnd?: string | null;
  notes?: string | null;
}

export function validateHeader(p: InputProblems, h: HeaderFields): void {
  if (h.number !== undefined && h.number !== null) {
    if (h.number.trim() === "") p.add("number", "must not be empty (leave it out to generate one)");
    else optionalText(p, "number", h.number.trim(), 40);
  }
  optionalText(p, "poNumber", h.poNumber, 64);
  currencyCode(p, "currency", h.currency);
  isoDate(p, "shipStart", h.shipStart);
  isoDate(p, "shipEnd", h.shipEnd);
  optionalText(p, "notes", h.notes, 10_000);
}

/** shipEnd must not be before shipStart (both already checked as ISO dates; compared as strings). */
export function validateShipWindow(p: InputProblems, shipStart: string | null, shipEnd: string | null): void {
  if (shipStart && shipEnd && isIsoDate(shipStart) && isIsoDate(shipEnd) && shipEnd < shipStart) {
    p.add("shipEnd", `must not be before shipStart (${shipStart})`);
  }
}

export interface LineFields {
  variantId?: string | number | null;
  barcode?: string | null;
  quantity: number;
  unitPrice?: string | null;
  /** An amount ≥ 0 off the whole line. */
  discount?: string | null;
}

export function validateQuantity(p: InputProblems, field: string, quantity: unknown): void {
  if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity < 1) p.add(field, "must be a whole number of 1 or more");
  else if (quantity > MAX_LINE_QUANTITY) p.add(field, `must be at most ${MAX_LINE_QUANTITY}`);
}

export function validateUnitPrice(p: InputProblems, field: string, price: string | null | undefined): void {
  if (price === undefined || price === null) return;
  const text = String(price).trim();
  if (!isDecimalString(text)) p.add(field, `"${price}" is not a decimal amount (up to 4 decimals)`);
  else if (text.startsWith("-")) p.add(field, "must not be negative");
}

export function validateLines(p: InputProblems, prefix: string, lines: LineFields[]): void {
  lines.forEach((line, i) => {
    const at = `${prefix}[${i}]`;
    const hasId = line.variantId !== undefined && line.variantId !== null && line.variantId !== "";
    const hasBarcode = line.barcode !== undefined && line.barcode !== null && line.barcode !== "";
    if (hasId === hasBarcode) p.add(`${at}.variantId`, "give either variantId or barcode (exactly one)");
    if (hasBarcode) {
      const problem = barcodeProblem(line.barcode!.trim());
      if (problem) p.add(`${at}.barcode`, problem);
    }
    validateQuantity(p, `${at}.quantity`, line.quantity);
    validateUnitPrice(p, `${at}.unitPrice`, line.unitPrice);
    validateUnitPrice(p, `${at}.discount`, line.discount);
  });
}

/** An address to snapshot on an order: the postal fields of AddressInput (isDefault is ignored). */
export type OrderAddressData = Omit<AddressInput, "type" | "isDefault"> & { type: AddressType | AddressInput["type"] };

/** Explicit address snapshots: DELIVERY and ACCOUNTS only, at most one of each. */
export function validateOrderAddresses(p: InputProblems, prefix: string, addresses: OrderAddressData[]): void {
  const seen = new Set<string>();
  addresses.forEach((a, i) => {
    const at = `${prefix}[${i}]`;
    if (a.type !== "DELIVERY" && a.type !== "ACCOUNTS") {
      p.add(`${at}.type`, "only DELIVERY and ACCOUNTS can be given; the STORE address always comes from the customer's record");
    } else if (seen.has(a.type)) {
      p.add(`${at}.type`, `${a.type} is given twice`);
    }
    seen.add(a.type);
    validateAddress(p, at, a as AddressInput);
  });
}
