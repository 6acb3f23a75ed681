import { isCountryCode, isCurrencyCode, parseMoney, formatUnits, MAX_LINE_QUANTITY } from "../../../src/plugin";
import { decimal, date, integer, list, read, text, timestamp } from "./raw-values";
import { InboundReason, reason } from "./reasons";
import type { AddressFields } from "../mapping/customer";

/**
 * Pure: one raw JOOR v2 order (as JSON.parse gave it, however messy) → the values Selvedge needs, plus every
 * reason it cannot be imported as it stands. Nothing here looks at the database; customer, barcode and season
 * matching come after (match-order.ts).
 */

export const LIMITS = {
  orderId: 64,
  customerCode: 50,
  poNumber: 64,
  season: 100,
  notes: 10_000,
  lines: 5_000,
  name: 200,
  line: 200,
  city: 100,
  region: 100,
  postalCode: 20,
  phone: 50,
  email: 254,
  upc: 14,
};

export interface InboundAddress extends AddressFields {
  type: "DELIVERY" | "ACCOUNTS";
  /** JOOR's shipping_code / billing_code. */
  code: string | null;
}

export interface InboundLine {
  /** 1-based position in JOOR's line_items. */
  position: number;
  lineId: string | null;
  upc: string;
  quantity: number;
  /** Exact decimal string: JOOR's price per unit before the line's adjustment. */
  unitPrice: string;
  /** Amount off the whole line (exact decimal string), null = none. */
  discount: string | null;
  style: string;
  colour: string;
  size: string;
  comment: string | null;
}

export interface InboundOrder {
  orderId: string;
  /** JOOR's order_status when it sends one (the sandbox does; JOOR's v2 record may not). */
  status: string | null;
  customerCode: string;
  customerName: string;
  poNumber: string | null;
  currency: string;
  seasonName: string | null;
  shipStart: string | null;
  shipEnd: string | null;
  notes: string | null;
  /** Order-level discount amount, shipping, and JOOR's order total (exact decimal strings). */
  discount: string | null;
  shippingTotal: string | null;
  total: string | null;
  dateModified: Date | null;
  delivery: InboundAddress | null;
  accounts: InboundAddress | null;
  lines: InboundLine[];
}

export interface ParseResult {
  /** The JOOR order id ("" when the payload has none). */
  orderId: string;
  /** Null when the payload is too broken to use at all. */
  order: InboundOrder | null;
  reasons: InboundReason[];
}

type Raw = Record<string, unknown>;

class Reader {
  readonly reasons: InboundReason[] = [];
  constructor(private readonly raw: Raw) {}

  text(field: string, max: number, opts: { required?: boolean; source?: Raw; path?: string; line?: number } = {}): string {
    const src = opts.source ?? this.raw;
    const at = opts.path ?? field;
    const r = read(text, src[field]);
    if (!r.ok) {
      this.reasons.push(reason("INVALID_FIELD", `${at} ${r.message}`, at, opts.line));
      return "";
    }
    if (r.value.length > max) {
      this.reasons.push(reason("FIELD_TOO_LONG", `${at} has ${r.value.length} characters (at most ${max})`, at, opts.line));
      return "";
    }
    if (opts.required && r.value === "") this.reasons.push(reason("MISSING_FIELD", `${at} is missing`, at, opts.line));
    return r.value;
  }

  value<T>(schema: Parameters<typeof read<T>>[0], field: string, opts: { source?: Raw; path?: string; line?: number } = {}): T | null {
    const at = opts.path ?? field;
    const r = read(schema, (opts.source ?? this.raw)[field]);
    if (!r.ok) {
      this.reasons.push(reason("INVALID_FIELD", `${at} ${r.message}`, at, opts.line));
      return null;
    }
    return r.value;
  }

  add(r: InboundReason): void {
    this.reasons.push(r);
  }
}

export function parseInboundOrder(raw: unknown): ParseResult {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return { orderId: "", order: null, reasons: [reason("NOT_AN_ORDER", "the payload is not an order object")] };
  }
  const r = new Reader(raw as Raw);
  const orderId = r.text("order_id", LIMITS.orderId);
  if (orderId === "") {
    const idReason = r.reasons.find((x) => x.field === "order_id");
    return { orderId: "", order: null, reasons: idReason ? r.reasons : [reason("MISSING_ORDER_ID", "order_id is missing", "order_id")] };
  }
  const status = r.text("order_status", 40) || null;
  if (status !== null && status.toUpperCase() !== "APPROVED") r.add(reason("NOT_APPROVED", `the order is ${status}, not APPROVED`, "order_status"));

  const customerCode = r.text("customer_code", LIMITS.customerCode, { required: true });
  const customerName = r.text("customer_name", LIMITS.name);
  const currency = r.text("order_currency", 3, { required: true }).toUpperCase();
  if (currency !== "" && !isCurrencyCode(currency))
    r.add(reason("UNKNOWN_CURRENCY", `order_currency "${currency}" is not an ISO 4217 currency`, "order_currency"));
  const poNumber = r.text("customer_purchase_order", LIMITS.poNumber) || null;
  const seasonName = r.text("order_season_name", LIMITS.season) || r.text("order_season_code", LIMITS.season) || null;
  const shipStart = r.value(date, "date_ship_start");
  const shipEnd = r.value(date, "date_ship_end");
  if (shipStart && shipEnd && shipEnd < shipStart)
    r.add(reason("INVALID_FIELD", `date_ship_end ${shipEnd} is before date_ship_start ${shipStart}`, "date_ship_end"));
  const notes = joinNotes(r.text("order_comments", LIMITS.notes), r.text("order_internal_comments", LIMITS.notes));
  if (notes !== null && notes.length > LIMITS.notes)
    r.add(reason("FIELD_TOO_LONG", `the comments have ${notes.length} characters (at most ${LIMITS.notes})`, "order_comments"));
  const shippingTotal = nonNegative(r, "order_shipping_total", r.value(decimal, "order_shipping_total"));
  const total = r.value(decimal, "order_total");
  const dateModified = r.value(timestamp, "date_modified");
  const delivery = readAddress(r, "shipping", "DELIVERY");
  const accounts = readAddress(r, "billing", "ACCOUNTS");

  const rawLines = r.value(list, "line_items") ?? [];
  if (rawLines.length > LIMITS.lines) r.add(reason("INVALID_FIELD", `line_items has ${rawLines.length} lines (at most ${LIMITS.lines})`, "line_items"));
  const lines = rawLines
    .slice(0, LIMITS.lines)
    .map((l, i) => readLine(r, l, i + 1))
    .filter((l): l is InboundLine => l !== null);
  if (rawLines.length === 0) r.add(reason("NO_LINES", "the order has no lines", "line_items"));
  const discount = orderDiscount(r, lines);

  const order: InboundOrder = {
    orderId,
    status,
    customerCode,
    customerName,
    poNumber,
    currency,
    seasonName,
    shipStart,
    shipEnd,
    notes: notes !== null && notes.length <= LIMITS.notes ? notes : null,
    discount,
    shippingTotal,
    total,
    dateModified,
    delivery,
    accounts,
    lines,
  };
  return { orderId, order, reasons: r.reasons };
}

function joinNotes(comments: string, internal: string): string | null {
  const parts = [comments, internal ? `Internal: ${internal}` : ""].filter((p) => p !== "");
  return parts.length ? parts.join("\n\n") : null;
}

function nonNegative(r: Reader, field: string, amount: string | null, line?: number): string | null {
  if (amount !== null && amount.startsWith("-")) {
    r.add(reason("INVALID_PRICE", `${field} is negative (${amount})`, field, line));
    return null;
  }
  return amount;
}

function readAddress(r: Reader, prefix: "shipping" | "billing", type: "DELIVERY" | "ACCOUNTS"): InboundAddress | null {
  const f = (name: string, max: number) => r.text(`${prefix}_${name}`, max);
  const line1 = f("address_1", LIMITS.line);
  const city = f("city", LIMITS.city);
  const iso2 = f("country_iso_two", 2).toUpperCase();
  const country = f("country", 100);
  const countryCode = iso2 || (/^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : "");
  const name = f("name", LIMITS.name) || null;
  const company = f("company", LIMITS.name) || null;
  const line2 = f("address_2", LIMITS.line) || null;
  const region = f("region", LIMITS.region) || null;
  const postalCode = f("postal_code", LIMITS.postalCode) || null;
  const phone = f("phone", LIMITS.phone) || null;
  const emailRaw = f("email", LIMITS.email);
  const code = f("code", 50) || null;
  if (line1 === "" && city === "" && countryCode === "") return null; // no address sent: the customer's is used
  const problems: string[] = [];
  if (line1 === "") problems.push(`${prefix}_address_1 is missing`);
  if (city === "") problems.push(`${prefix}_city is missing`);
  if (!isCountryCode(countryCode)) problems.push(`the country "${iso2 || country}" is not an ISO 3166-1 country`);
  if (problems.length) {
    r.add(
      reason("INVALID_ADDRESS", `the ${type === "DELIVERY" ? "shipping" : "billing"} address is incomplete: ${problems.join("; ")}`, `${prefix}_address_1`),
    );
    return null;
  }
  // A malformed e-mail on an address does not hold an order: it is left off the snapshot.
  const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(emailRaw) ? emailRaw : null;
  return { type, code, name, company, line1, line2, city, region, postalCode, countryCode, phone, email };
}

function readLine(r: Reader, raw: unknown, position: number): InboundLine | null {
  const path = (f: string) => `line_items[${position - 1}].${f}`;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    r.add(reason("INVALID_FIELD", `line ${position} is not a line object`, `line_items[${position - 1}]`, position));
    return null;
  }
  const src = raw as Raw;
  const opts = (f: string) => ({ source: src, path: path(f), line: position });
  const before = r.reasons.length;
  const upc = r.text("item_upc", 64, opts("item_upc"));
  if (upc === "") r.add(reason("MISSING_BARCODE", `line ${position} has no UPC`, path("item_upc"), position));
  const quantity = r.value(integer, "item_quantity", opts("item_quantity"));
  if (quantity === null) {
    if (!r.reasons.some((x, i) => i >= before && x.field === path("item_quantity")))
      r.add(reason("BAD_QUANTITY", `line ${position} has no quantity`, path("item_quantity"), position));
  } else if (quantity < 1) r.add(reason("BAD_QUANTITY", `line ${position} has quantity ${quantity} (must be 1 or more)`, path("item_quantity"), position));
  else if (quantity > MAX_LINE_QUANTITY)
    r.add(reason("BAD_QUANTITY", `line ${position} has quantity ${quantity} (at most ${MAX_LINE_QUANTITY})`, path("item_quantity"), position));
  const price = r.value(decimal, "item_price", opts("item_price")) ?? r.value(decimal, "item_unit_price", opts("item_unit_price"));
  if (price === null) r.add(reason("INVALID_PRICE", `line ${position} has no price`, path("item_price"), position));
  else nonNegative(r, path("item_price"), price, position);
  const style = r.text("item_number", 100, opts("item_number"));
  const colour = r.text("item_color", 100, opts("item_color"));
  const size = r.text("item_size", 100, opts("item_size"));
  const comment = r.text("item_comment", 2_000, opts("item_comment")) || null;
  const lineId = r.text("line_id", 64, opts("line_id")) || null;
  if (r.reasons.length > before || price === null || quantity === null) return null;
  const discount = lineDiscount(r, src, position, quantity, price);
  return { position, lineId, upc, quantity, unitPrice: price, discount, style, colour, size, comment };
}

/**
 * The amount off a line. `item_price` is the list unit price; `item_price_extended`, when sent, is the line's net
 * total and wins (the order total must equal JOOR's); else `item_unit_price` (the discounted unit price); else
 * `item_price_adjustment` as entered — a percentage ("-10%", or with `item_price_adjustment_type` PERCENT) or a
 * signed amount per unit. A discount larger than the line is bad data.
 */
export function lineDiscount(r: Reader, src: Raw, position: number, quantity: number, price: string): string | null {
  const gross = parseMoney(price) * BigInt(quantity);
  const extended = r.value(decimal, "item_price_extended", { source: src, path: `line_items[${position - 1}].item_price_extended`, line: position });
  let off: bigint | null = null;
  const unitNet = extended === null ? read(decimal, src.item_unit_price) : null;
  if (extended !== null) off = gross - parseMoney(extended);
  else if (unitNet?.ok && unitNet.value !== null && unitNet.value !== price) off = gross - parseMoney(unitNet.value) * BigInt(quantity);
  else {
    const adj = read(text, src.item_price_adjustment);
    const kind = read(text, src.item_price_adjustment_type);
    const t = adj.ok ? adj.value : "";
    if (t !== "") {
      const percent = t.endsWith("%") || (kind.ok && /^perc/i.test(kind.value));
      const amount = read(decimal, t.replace(/%$/, "").trim());
      if (!amount.ok || amount.value === null) {
        r.add(
          reason(
            "INVALID_PRICE",
            `line ${position} has an unreadable price adjustment "${t.slice(0, 40)}"`,
            `line_items[${position - 1}].item_price_adjustment`,
            position,
          ),
        );
        return null;
      }
      const a = parseMoney(amount.value);
      const abs = a < 0n ? -a : a;
      off = percent ? percentOf(gross, abs) : abs * BigInt(quantity);
    }
  }
  if (off === null || off === 0n) return null;
  if (off < 0n || off > gross) {
    r.add(
      reason(
        "INVALID_PRICE",
        `line ${position}: the discount (${formatUnits(off, 4)}) is not between 0 and the line's value`,
        `line_items[${position - 1}].item_price_adjustment`,
        position,
      ),
    );
    return null;
  }
  return formatUnits(off, 4);
}

/** `order_discount` (an amount) or, without it, `order_discount_percent` of the lines' net value. */
function orderDiscount(r: Reader, lines: InboundLine[]): string | null {
  const amount = nonNegative(r, "order_discount", r.value(decimal, "order_discount"));
  if (amount !== null) return parseMoney(amount) === 0n ? null : amount;
  const percent = nonNegative(r, "order_discount_percent", r.value(decimal, "order_discount_percent"));
  if (percent === null || parseMoney(percent) === 0n) return null;
  const net = lines.reduce((s, l) => s + parseMoney(l.unitPrice) * BigInt(l.quantity) - (l.discount ? parseMoney(l.discount) : 0n), 0n);
  return formatUnits(percentOf(net, parseMoney(percent)), 4);
}

/** `percent` (in 1/10,000 units, like every parsed amount) of `units`, rounded half up to 1/10,000. */
function percentOf(units: bigint, percent: bigint): bigint {
  return (units * percent + 500_000n) / 1_000_000n;
}
