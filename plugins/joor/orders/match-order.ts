import { ImportedOrderData } from "../../../src/plugin";
import { InboundAddress, InboundOrder } from "./parse-order";
import { InboundReason, reason } from "./reasons";

/**
 * Pure: a parsed JOOR order + what the brand has (customers by account code, variants by barcode, seasons by
 * name, the settings) → the order to import, or every reason it cannot be. The seed's rules:
 * - "Only customers with a valid Account Code will be recognised": the JOOR customer code, trimmed, is looked up
 *   ignoring case (as account codes are unique); an unknown code holds the order. A customer that is INACTIVE in
 *   Selvedge also holds it (decision: an inactive customer is not sent to JOOR, so an order for one needs a person).
 * - "Only products with matching barcode numbers will be recognised": each line's UPC must be a barcode of one of
 *   the brand's variants (a 12-digit UPC-A also matches the same code as a 13-digit EAN with a leading 0); any
 *   unmatched line holds the whole order — never a partial import. Lines are kept as JOOR sends them (the same
 *   variant twice stays two lines: each keeps its own price, discount and comment, and the total stays JOOR's).
 * - Season by name (case and spacing only), else the settings' import order season.
 * - approved = the settings' "import order approved"; owner = the settings' "order owner".
 */

export interface MatchCustomer {
  id: number;
  status: string;
}

export interface MatchContext {
  customerByCode(code: string): MatchCustomer | undefined;
  variantByBarcode(barcode: string): { id: number } | undefined;
  seasonByName(name: string | null): { id: number } | null;
  fallbackSeasonId: number | null;
  approved: boolean;
  ownerId: number | null;
  source: string;
}

export type MatchResult =
  { ok: true; data: ImportedOrderData; customerId: number; addresses: InboundAddress[]; seasonMatched: boolean } | { ok: false; reasons: InboundReason[] };

/** The barcode spellings that denote the same GTIN: as sent, and UPC-A ⇄ EAN-13 with a leading zero. */
export function barcodeCandidates(upc: string): string[] {
  const t = upc.trim();
  if (/^\d{12}$/.test(t)) return [t, `0${t}`];
  if (/^0\d{12}$/.test(t)) return [t, t.slice(1)];
  return [t];
}

export function findVariant(ctx: Pick<MatchContext, "variantByBarcode">, upc: string): { id: number } | undefined {
  for (const b of barcodeCandidates(upc)) {
    const v = ctx.variantByBarcode(b);
    if (v) return v;
  }
  return undefined;
}

export function matchOrder(order: InboundOrder, ctx: MatchContext): MatchResult {
  const reasons: InboundReason[] = [];
  const customer = order.customerCode ? ctx.customerByCode(order.customerCode) : undefined;
  if (order.customerCode && !customer) {
    reasons.push(reason("UNKNOWN_CUSTOMER", `no customer has the account code "${order.customerCode}"`, "customer_code"));
  } else if (customer && customer.status !== "ACTIVE") {
    reasons.push(reason("INACTIVE_CUSTOMER", `the customer with account code "${order.customerCode}" is ${customer.status}`, "customer_code"));
  }
  const lines: ImportedOrderData["lines"] = [];
  for (const l of order.lines) {
    const variant = findVariant(ctx, l.upc);
    if (!variant) {
      reasons.push(
        reason(
          "UNKNOWN_BARCODE",
          `line ${l.position}: no product has the barcode ${l.upc}${describeLine(l)}`,
          `line_items[${l.position - 1}].item_upc`,
          l.position,
        ),
      );
      continue;
    }
    lines.push({ variantId: variant.id, quantity: l.quantity, unitPrice: l.unitPrice, discount: l.discount });
  }
  if (reasons.length || !customer) return { ok: false, reasons };
  const season = ctx.seasonByName(order.seasonName);
  const addresses = [order.delivery, order.accounts].filter((a): a is InboundAddress => a !== null);
  const data: ImportedOrderData = {
    source: ctx.source,
    externalId: order.orderId,
    poNumber: order.poNumber,
    customerId: customer.id,
    seasonId: season?.id ?? ctx.fallbackSeasonId,
    ownerId: ctx.ownerId,
    approved: ctx.approved,
    currency: order.currency,
    shipStart: order.shipStart,
    shipEnd: order.shipEnd,
    notes: order.notes,
    discount: order.discount,
    shippingTotal: order.shippingTotal,
    lines,
    deliveryAddress: order.delivery ? snapshot(order.delivery) : null,
    accountsAddress: order.accounts ? snapshot(order.accounts) : null,
  };
  return { ok: true, data, customerId: customer.id, addresses, seasonMatched: season !== null };
}

function describeLine(l: { style: string; colour: string; size: string }): string {
  const parts = [l.style, l.colour, l.size].filter((p) => p !== "");
  return parts.length ? ` (${parts.join(" / ")})` : "";
}

export function snapshot(a: InboundAddress) {
  return {
    type: a.type,
    name: a.name,
    company: a.company,
    line1: a.line1,
    line2: a.line2,
    city: a.city,
    region: a.region,
    postalCode: a.postalCode,
    countryCode: a.countryCode,
    phone: a.phone,
    email: a.email,
  };
}
