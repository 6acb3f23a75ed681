import { currencyDigits, formatUnits, parseMoney, orderTotalUnits } from "../../../src/plugin";
import { InboundOrder } from "./parse-order";

/**
 * The total Selvedge will show for the imported order (the core's own rule: Σ line totals rounded to the
 * currency − order discount + shipping), compared with JOOR's `order_total` in the currency's minor units.
 * A difference is reported, never rounded away.
 */
export interface TotalCheck {
  selvedge: string;
  joor: string | null;
  matches: boolean;
}

export function checkOrderTotal(order: InboundOrder): TotalCheck {
  const digits = currencyDigits(order.currency);
  const units = orderTotalUnits(
    { currency: order.currency, discount: order.discount, shippingTotal: order.shippingTotal },
    order.lines.map((l) => ({ unitPrice: l.unitPrice, quantity: l.quantity, discount: l.discount })),
  );
  const selvedge = formatUnits(units, digits);
  if (order.total === null) return { selvedge, joor: null, matches: true };
  const joor = formatUnits(parseMoney(order.total), digits);
  return { selvedge, joor, matches: selvedge === joor };
}
