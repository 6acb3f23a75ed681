/**
 * "Messy orders": the v2 order record as real JOOR is seen to send it (joor-api.md §2.6, §7a —
 * a production importer guards lists against arriving as "" and parses ids and multipliers from
 * strings [CODE → INFERRED]). Applied on top of the clean record when the account's
 * `messy_orders` switch is on:
 *   - empty lists are "" (order_divisions, order_doors, line_items, style_tags);
 *   - numbers are strings (order_id, order_type, order_total_units, item_quantity, item_multiplier);
 *   - order_type_name / order_type_code are the brand's own order type, "" when none (set by the
 *     caller), item_price_adjustment is "-10%" / "-5.00" / "" (set by the caller);
 *   - order_discount_percent is "" when the discount was entered as an amount (set by the caller).
 * The admin `overrides` are merged last, as in clean mode.
 */
import type { OrderLine } from "../types";

const ORDER_NUMBERS = ["order_id", "order_type", "order_total_units"];
const LINE_NUMBERS = ["item_quantity", "item_multiplier"];
const ORDER_LISTS = ["order_divisions", "order_doors"];

function stringify(rec: Record<string, unknown>, keys: string[]): void {
  for (const k of keys) if (typeof rec[k] === "number") rec[k] = String(rec[k]);
}

function blankIfEmpty(rec: Record<string, unknown>, keys: string[]): void {
  for (const k of keys) if (Array.isArray(rec[k]) && (rec[k] as unknown[]).length === 0) rec[k] = "";
}

export function messyOrderV2(rec: Record<string, unknown>, lines: OrderLine[], orderOverrides: Record<string, unknown>): Record<string, unknown> {
  const out = { ...rec };
  stringify(out, ORDER_NUMBERS);
  blankIfEmpty(out, ORDER_LISTS);
  const items = (rec.line_items as Array<Record<string, unknown>>).map((li, i) => {
    const x = { ...li };
    stringify(x, LINE_NUMBERS);
    blankIfEmpty(x, ["style_tags"]);
    return { ...x, ...(lines[i]?.overrides ?? {}) };
  });
  out.line_items = items.length ? items : "";
  return { ...out, ...orderOverrides };
}
