import type { JoorHttp } from "./http";

export interface JoorConnectionSummary {
  customerCode: string;
  connectionId: string;
}

/**
 * Every JOOR connection (customer), paged through `GET /v2/connection?start_from=&count=` following
 * `next_start`, one page at a time.
 */
export async function* connectionPages(http: JoorHttp, count = 500): AsyncGenerator<JoorConnectionSummary[]> {
  let start = 0;
  for (;;) {
    const json = await http.v2<Record<string, unknown>>("GET", "/connection", { start_from: start, count });
    const root = (json?.connections ?? json) as Record<string, unknown>;
    const response = (root?.response ?? {}) as Record<string, unknown>;
    const inner = root?.connections as Record<string, unknown> | unknown[] | undefined;
    const raw = (Array.isArray(inner) ? inner : ((inner as Record<string, unknown> | undefined)?.connection ?? root?.connection ?? [])) as Record<
      string,
      unknown
    >[];
    const list = (Array.isArray(raw) ? raw : [raw]).filter((c) => c && c.customer_code !== undefined && c.customer_code !== null && c.customer_code !== "");
    if (list.length)
      yield list.map((c) => ({ customerCode: String(c.customer_code), connectionId: String(c.customer_account_id ?? c.connection_id ?? c.id ?? "") }));
    const next = response.next_start;
    if (next === null || next === undefined || next === "" || Number(next) <= start || raw.length === 0) return;
    start = Number(next);
  }
}
