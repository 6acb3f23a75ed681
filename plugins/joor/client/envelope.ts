/** One of JOOR's per-item errors in a v4 `{data, errors}` envelope (joor-api.md §1.5). */
export interface V4ItemError {
  status: string;
  message: string;
  details?: Record<string, unknown> & { index?: number };
}

export interface V4Envelope<T> {
  data: T[];
  errors: V4ItemError[];
  meta?: { page?: number; page_size?: number; total?: number; next_page?: number | null };
}

/** The answer for one item of a bulk write. */
export type ItemResult<I, D> = { item: I; ok: true; data: D } | { item: I; ok: false; error: V4ItemError };

/** Reads an envelope defensively: missing lists become [], anything else that is not an envelope is refused. */
export function parseV4Envelope<T>(json: unknown): V4Envelope<T> | null {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return null;
  const o = json as Record<string, unknown>;
  if (!("data" in o) && !("errors" in o)) return null;
  const data = Array.isArray(o.data) ? (o.data as T[]) : o.data && typeof o.data === "object" ? [o.data as T] : [];
  const errors = (Array.isArray(o.errors) ? o.errors : []).map((e): V4ItemError => {
    const x = (e ?? {}) as Record<string, unknown>;
    const details = x.details && typeof x.details === "object" ? (x.details as V4ItemError["details"]) : undefined;
    return { status: String(x.status ?? "ERROR"), message: String(x.message ?? "JOOR refused the item"), details };
  });
  return { data, errors, meta: (o.meta as V4Envelope<T>["meta"]) ?? undefined };
}

/**
 * Pairs a bulk request's items with JOOR's answer, item by item. Errors carry the item's `details.index`;
 * successes come in `data` in request order. When JOOR's answer cannot be paired positionally, data is matched
 * by `keyOf` (e.g. external_id or id); an item with no answer at all gets a NO_ANSWER error.
 */
export function pairResults<I, D>(items: I[], env: V4Envelope<D>, keyOf?: (x: I | D) => string | undefined): ItemResult<I, D>[] {
  const byIndex = new Map<number, V4ItemError>();
  const loose: V4ItemError[] = [];
  for (const e of env.errors) {
    const i = e.details?.index;
    if (typeof i === "number" && i >= 0 && i < items.length && !byIndex.has(i)) byIndex.set(i, e);
    else loose.push(e);
  }
  const positional = loose.length === 0 && env.data.length === items.length - byIndex.size;
  const out: ItemResult<I, D>[] = [];
  if (positional) {
    let k = 0;
    items.forEach((item, i) => {
      const error = byIndex.get(i);
      out.push(error ? { item, ok: false, error } : { item, ok: true, data: env.data[k++] });
    });
    return out;
  }
  const dataByKey = new Map<string, D>();
  if (keyOf)
    for (const d of env.data) {
      const k = keyOf(d);
      if (k) dataByKey.set(k, d);
    }
  items.forEach((item, i) => {
    const error = byIndex.get(i);
    if (error) return void out.push({ item, ok: false, error });
    const k = keyOf?.(item);
    const data = k ? dataByKey.get(k) : undefined;
    if (data !== undefined) out.push({ item, ok: true, data });
    else out.push({ item, ok: false, error: loose[0] ?? { status: "NO_ANSWER", message: "JOOR's answer did not mention this item" } });
  });
  return out;
}
