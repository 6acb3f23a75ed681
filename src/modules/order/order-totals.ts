import { parseMoney } from "../../domain/money";
import { OrderLine } from "../../entities/order-line.entity";
import { Order } from "../../entities/order.entity";
import { lineTotalUnits } from "./order-line.resolver";

/** Σ line totals (each rounded to the currency) − the order discount + shipping, in units of 1/10,000. */
export function orderTotalUnits(
  order: Pick<Order, "currency" | "discount" | "shippingTotal">,
  lines: Pick<OrderLine, "unitPrice" | "quantity" | "discount">[],
): bigint {
  const lineSum = lines.reduce((sum, l) => sum + lineTotalUnits(l, order.currency), 0n);
  return lineSum - (order.discount ? parseMoney(order.discount) : 0n) + (order.shippingTotal ? parseMoney(order.shippingTotal) : 0n);
}
