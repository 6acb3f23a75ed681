/**
 * JOOR v2 orders (`GET /v2/order`), on the connector's HTTP layer (auth, credit budget, retries are its job).
 * The answer is read defensively: `orders` may be "" instead of a list, `next_start` a string.
 */

/** JOOR's order_type filter: 6 = Approved. */
export const ORDER_TYPE_APPROVED = 6;
/** export_status: 5 = not yet exported (incl. failed) + modified since the last export; 3 = already exported. */
export const EXPORT_STATUS_NEW_AND_MODIFIED = 5;
export const EXPORT_STATUS_EXPORTED = 3;

export interface OrderPageQuery {
  orderType: number;
  exportStatus: number;
  /** 1: JOOR marks the returned orders exported (and returns each once); 0: read only. */
  sync: 0 | 1;
  /** 0: JOOR withholds nothing — Selvedge holds what it cannot import, with the reasons. */
  check: number;
  startFrom: number;
  count: number;
}

export interface OrderPage {
  orders: unknown[];
  /** Where the next page starts, or null when there is none. */
  nextStart: number | null;
  total: number | null;
}

/** The v2 GET of the connector's HTTP layer: path under /v2, query, parsed JSON body. */
export type V2Get = (path: string, query: Record<string, string | number>, signal?: AbortSignal) => Promise<unknown>;

export class MalformedOrderPageError extends Error {
  readonly transient = true;
}

export async function getOrderPage(get: V2Get, q: OrderPageQuery, signal?: AbortSignal): Promise<OrderPage> {
  const body = await get(
    "/order",
    {
      order_type: q.orderType,
      export_status: q.exportStatus,
      sync: q.sync,
      check: q.check,
      start_from: q.startFrom,
      count: q.count,
    },
    signal,
  );
  return readOrderPage(body);
}

export function readOrderPage(body: unknown): OrderPage {
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new MalformedOrderPageError("JOOR answered the order list with something that is not an object");
  const b = body as Record<string, unknown>;
  const raw = b.orders;
  const orders = Array.isArray(raw)
    ? raw
    : raw === "" || raw === null || raw === undefined
      ? []
      : Array.isArray((raw as Record<string, unknown>).order)
        ? ((raw as Record<string, unknown>).order as unknown[])
        : null;
  if (orders === null) throw new MalformedOrderPageError("JOOR's order list has no readable `orders`");
  const response = (b.response && typeof b.response === "object" ? b.response : {}) as Record<string, unknown>;
  return { orders, nextStart: toInt(response.next_start), total: toInt(response.total) };
}

function toInt(v: unknown): number | null {
  if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return v;
  if (typeof v === "string" && /^\d+$/.test(v.trim())) return Number(v.trim());
  return null;
}
