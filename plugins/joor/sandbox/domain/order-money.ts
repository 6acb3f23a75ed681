/**
 * Order money, in integer cents, so the v2/v4 records always add up:
 *   line:  item_price (list unit price) − per-unit discount = item_unit_price;
 *          item_price_extended = item_unit_price × quantity
 *          (a percentage discount is rounded to the cent per unit, half away from zero)
 *   order: subtotal = Σ item_price_extended of the lines JOOR still shows;
 *          order_discount = subtotal × percent (rounded) or the amount (capped at the subtotal);
 *          order_total = subtotal − order_discount + order_shipping_total
 */
import type { Order, OrderLine } from "../types";
import { toCents } from "../validation";

export interface LineAmounts {
  /** List unit price (item_price). */
  list: number;
  /** Discount per unit (≥ 0). */
  perUnitDiscount: number;
  /** Discounted unit price (item_unit_price). */
  unit: number;
  /** unit × quantity (item_price_extended). */
  extended: number;
}

/** Percent given as "12.50" → the share of `cents` it represents, rounded to a cent. */
export function percentOf(cents: number, percent: string): number {
  return Math.round((cents * toCents(percent)) / 10000);
}

export function lineAmounts(l: OrderLine): LineAmounts {
  const list = toCents(l.unit_price);
  let perUnitDiscount = 0;
  if (l.discount_percent) perUnitDiscount = percentOf(list, l.discount_percent);
  else if (l.discount_amount) perUnitDiscount = toCents(l.discount_amount);
  perUnitDiscount = Math.min(perUnitDiscount, list);
  const unit = list - perUnitDiscount;
  return { list, perUnitDiscount, unit, extended: unit * l.quantity };
}

export interface OrderTotals {
  units: number;
  subtotal: number;
  discount: number;
  total: number;
}

export function orderTotals(lines: OrderLine[], o: Order): OrderTotals {
  let units = 0;
  let subtotal = 0;
  for (const l of lines) {
    units += l.quantity;
    subtotal += lineAmounts(l).extended;
  }
  const discount = o.discount_amount ? Math.min(toCents(o.discount_amount), subtotal) : percentOf(subtotal, o.discount_percent);
  return { units, subtotal, discount, total: subtotal - discount + toCents(o.shipping_total) };
}
