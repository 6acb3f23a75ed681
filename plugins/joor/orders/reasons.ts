/** Why an inbound JOOR order is held (or what is wrong with it): stable codes, a message, and what is at fault. */
export type ReasonCode =
  | "MISSING_ORDER_ID"
  | "NOT_AN_ORDER"
  | "NOT_APPROVED"
  | "MISSING_FIELD"
  | "INVALID_FIELD"
  | "FIELD_TOO_LONG"
  | "UNKNOWN_CURRENCY"
  | "NO_LINES"
  | "BAD_QUANTITY"
  | "MISSING_BARCODE"
  | "INVALID_PRICE"
  | "INVALID_ADDRESS"
  | "UNKNOWN_CUSTOMER"
  | "INACTIVE_CUSTOMER"
  | "UNKNOWN_BARCODE"
  | "IMPORT_REJECTED"
  /** A warning on an imported order: Selvedge's total differs from JOOR's order_total. */
  | "TOTAL_MISMATCH";

export const REASON_CODES: ReasonCode[] = [
  "MISSING_ORDER_ID",
  "NOT_AN_ORDER",
  "NOT_APPROVED",
  "MISSING_FIELD",
  "INVALID_FIELD",
  "FIELD_TOO_LONG",
  "UNKNOWN_CURRENCY",
  "NO_LINES",
  "BAD_QUANTITY",
  "MISSING_BARCODE",
  "INVALID_PRICE",
  "INVALID_ADDRESS",
  "UNKNOWN_CUSTOMER",
  "INACTIVE_CUSTOMER",
  "UNKNOWN_BARCODE",
  "IMPORT_REJECTED",
  "TOTAL_MISMATCH",
];

export interface InboundReason {
  code: ReasonCode;
  message: string;
  /** The JOOR field at fault (e.g. "customer_code", "line_items[3].item_upc"). */
  field?: string;
  /** 1-based position of the JOOR line at fault. */
  line?: number;
}

export function reason(code: ReasonCode, message: string, field?: string, line?: number): InboundReason {
  return { code, message, ...(field === undefined ? {} : { field }), ...(line === undefined ? {} : { line }) };
}
