/**
 * v2 `GET /order` semantics: order_type × export_status select index buckets, merged in order id
 * order; sync=1 returns only orders not yet (successfully) exported and marks what it returns as
 * exported; check withholds orders with missing required fields / deleted styles and, with
 * sync=1, records them as Failed with the reasons.
 *
 * Cost: sync=0 pages come from a cached id list (rebuilt only when orders change); sync=1 walks
 * the not-yet-exported buckets from their start, which shrink as orders are exported, so each page
 * costs about its own size.
 */
import { logId } from "../ids";
import type { AccountState } from "../state/account";
import type { SandboxState } from "../state/state";
import type { ExportBucket, Order, OrderStatus } from "../types";
import { mergeAscending } from "../state/sorted-id-set";
import { serializeOrderV2 } from "./orders";

export const ORDER_TYPE_STATUSES: Record<number, OrderStatus[]> = {
  1: ["NOTES"],
  2: ["APPROVED", "SHIPPED"],
  3: ["PENDING"],
  4: ["NOTES", "PENDING", "APPROVED", "SHIPPED"],
  5: ["CANCELLED"],
  6: ["APPROVED"],
  7: ["SHIPPED"],
  8: ["NOTES", "PENDING", "APPROVED", "SHIPPED", "CANCELLED"],
};

export const EXPORT_STATUS_BUCKETS: Record<number, ExportBucket[]> = {
  1: ["NEW", "FAILED", "EXPORTED", "MODIFIED"],
  2: ["NEW", "FAILED"],
  3: ["EXPORTED", "MODIFIED"],
  4: ["MODIFIED"],
  5: ["NEW", "FAILED", "MODIFIED"],
  6: ["NEW"],
  7: ["NEW", "MODIFIED"],
};

export interface V2OrderQuery {
  orderType: number;
  exportStatus: number;
  sync: boolean;
  check: number;
  customerCode?: string;
  customerGroupName?: string;
  dateStart?: number;
  dateEnd?: number;
  startFrom: number;
  count: number;
}

export interface V2OrderPage {
  orders: Order[];
  total: number;
  nextStart: number | null;
  withheld: number;
  logId: string;
}

function residual(q: V2OrderQuery): ((o: Order) => boolean) | null {
  if (q.customerCode === undefined && q.customerGroupName === undefined && q.dateStart === undefined) return null;
  return (o) =>
    (q.customerCode === undefined || o.customer_code === q.customerCode) &&
    (q.customerGroupName === undefined || o.customer_group_name === q.customerGroupName) &&
    (q.dateStart === undefined || (o.date_modified >= q.dateStart && o.date_modified <= (q.dateEnd as number)));
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
}

/** Why `check` withholds an order (empty = it passes). */
export function checkReasons(acct: AccountState, o: Order, check: number): string[] {
  const reasons: string[] = [];
  if (check & 1 && acct.settings.order_required_fields.length) {
    const rec = serializeOrderV2(acct, o);
    for (const f of acct.settings.order_required_fields) if (isEmpty(rec[f])) reasons.push(`missing required field ${f}`);
  }
  if (check & 2) {
    o.lines.forEach((l, i) => {
      if (l.sku_id === null) reasons.push(`line ${i + 1}: style not found (UPC ${l.upc})`);
      else if (!acct.skus.has(l.sku_id)) reasons.push(`line ${i + 1}: style/colour deleted (UPC ${l.upc})`);
    });
  }
  return reasons;
}

function candidates(acct: AccountState, q: V2OrderQuery): { ids: IterableIterator<number>; size: number } {
  const sets = acct.bucketsFor(ORDER_TYPE_STATUSES[q.orderType], EXPORT_STATUS_BUCKETS[q.exportStatus]);
  return { ids: mergeAscending(sets), size: sets.reduce((n, s) => n + s.size, 0) };
}

function readOnly(acct: AccountState, q: V2OrderQuery): V2OrderPage {
  const key = JSON.stringify([q.orderType, q.exportStatus, q.check, q.customerCode, q.customerGroupName, q.dateStart, q.dateEnd]);
  const version = acct.ordersVersion * 1_000_003 + acct.skusVersion;
  let cached = acct.orderQueryCache.get(key);
  if (!cached || cached.version !== version) {
    const pred = residual(q);
    const ids: number[] = [];
    for (const id of candidates(acct, q).ids) {
      const o = acct.orders.get(id) as Order;
      if (pred && !pred(o)) continue;
      if (q.check && checkReasons(acct, o, q.check).length) continue;
      ids.push(id);
    }
    if (acct.orderQueryCache.size > 64) acct.orderQueryCache.clear();
    cached = { version, ids };
    acct.orderQueryCache.set(key, cached);
  }
  const pageIds = cached.ids.slice(q.startFrom, q.startFrom + q.count);
  const end = q.startFrom + pageIds.length;
  return {
    orders: pageIds.map((id) => acct.orders.get(id) as Order),
    total: cached.ids.length,
    nextStart: end < cached.ids.length ? end : null,
    withheld: 0,
    logId: logId(),
  };
}

function synchronising(state: SandboxState, acct: AccountState, q: V2OrderQuery): V2OrderPage {
  const pred = residual(q);
  const cand = candidates(acct, q);
  let total = cand.size;
  if (pred) {
    total = 0;
    for (const id of candidates(acct, q).ids) if (pred(acct.orders.get(id) as Order)) total++;
  }
  const page: Order[] = [];
  const failed: Array<{ o: Order; reasons: string[] }> = [];
  let skipped = 0;
  let more = false;
  for (const id of cand.ids) {
    const o = acct.orders.get(id) as Order;
    if (pred && !pred(o)) continue;
    const reasons = q.check ? checkReasons(acct, o, q.check) : [];
    if (reasons.length) {
      failed.push({ o, reasons });
      continue;
    }
    if (skipped < q.startFrom) {
      skipped++;
      continue;
    }
    if (page.length === q.count) {
      more = true;
      break;
    }
    page.push(o);
  }
  const now = state.now();
  const id = logId();
  for (const f of failed) {
    acct.updateOrder(f.o, (o) => {
      o.export_bucket = "FAILED";
      o.export_description = f.reasons.join("; ");
    });
  }
  for (const o of page) {
    acct.updateOrder(o, (x) => {
      x.export_bucket = "EXPORTED";
      x.exported_on = now;
      x.export_description = `Exported through the API (sync log ${id})`;
    });
  }
  if (failed.length || page.length) state.changed();
  // The returned orders left the result set, so the next page starts where this one did.
  return { orders: page, total, nextStart: more ? q.startFrom : null, withheld: failed.length, logId: id };
}

export function queryOrdersV2(state: SandboxState, acct: AccountState, q: V2OrderQuery): V2OrderPage {
  return q.sync ? synchronising(state, acct, q) : readOnly(acct, q);
}

/** Quantities on orders JOOR still counts as pending (not yet exported to the brand), per SKU. */
export function pendingQuantities(acct: AccountState): Map<string, number> {
  const out = new Map<string, number>();
  for (const id of mergeAscending(acct.bucketsFor(["PENDING", "APPROVED"], ["NEW", "FAILED"]))) {
    const o = acct.orders.get(id) as Order;
    for (const l of o.lines) if (l.sku_id) out.set(l.sku_id, (out.get(l.sku_id) ?? 0) + l.quantity);
  }
  return out;
}
