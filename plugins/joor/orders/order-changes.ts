import { addressKey } from "./address-match";
import { InboundOrder } from "./parse-order";

/**
 * Pure: what changed on JOOR's side between the order as imported and as JOOR now sends it (lines, quantities,
 * addresses, ship window), in words a person reads on the job issue. Nothing is applied to the Selvedge order.
 */
export function describeChanges(before: InboundOrder, after: InboundOrder): string[] {
  const out: string[] = [];
  const qty = (o: InboundOrder) => {
    const m = new Map<string, number>();
    for (const l of o.lines) m.set(l.upc, (m.get(l.upc) ?? 0) + l.quantity);
    return m;
  };
  const a = qty(before);
  const b = qty(after);
  for (const [upc, q] of b) {
    if (!a.has(upc)) out.push(`line added: ${upc} × ${q}`);
    else if (a.get(upc) !== q) out.push(`quantity of ${upc}: ${a.get(upc)} → ${q}`);
  }
  for (const [upc, q] of a) if (!b.has(upc)) out.push(`line removed: ${upc} × ${q}`);
  if (before.shipStart !== after.shipStart || before.shipEnd !== after.shipEnd) {
    out.push(`ship window: ${before.shipStart ?? "—"}..${before.shipEnd ?? "—"} → ${after.shipStart ?? "—"}..${after.shipEnd ?? "—"}`);
  }
  for (const [label, x, y] of [
    ["delivery address", before.delivery, after.delivery],
    ["accounts address", before.accounts, after.accounts],
  ] as const) {
    const kx = x ? addressKey(x) : "";
    const ky = y ? addressKey(y) : "";
    if (kx !== ky) out.push(`${label}: ${y ? [y.line1, y.city, y.postalCode, y.countryCode].filter(Boolean).join(", ") : "removed"}`);
  }
  if (before.poNumber !== after.poNumber) out.push(`PO number: ${before.poNumber ?? "—"} → ${after.poNumber ?? "—"}`);
  if (before.total !== after.total) out.push(`total: ${before.total ?? "—"} → ${after.total ?? "—"}`);
  return out;
}
