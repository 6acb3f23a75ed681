import { pairResults, type ItemResult, type V4ItemError } from "./envelope";
import { JoorPermanentError } from "./errors";
import type { JoorHttp } from "./http";

/**
 * Splits items into bulk requests of at most `size` items, keeping items with the same `groupOf` key in one
 * request (JOOR checks a product's colour × size matrix per request, so a product's SKUs travel together).
 * A group larger than `size` gets a request of its own.
 */
export function batches<T>(items: T[], size: number, groupOf?: (item: T) => string): T[][] {
  if (!groupOf) {
    const out: T[][] = [];
    for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
    return out;
  }
  const groups = new Map<string, T[]>();
  for (const it of items) {
    const k = groupOf(it);
    const g = groups.get(k);
    if (g) g.push(it);
    else groups.set(k, [it]);
  }
  const out: T[][] = [];
  let current: T[] = [];
  for (const g of groups.values()) {
    if (current.length && current.length + g.length > size) {
      out.push(current);
      current = [];
    }
    current.push(...g);
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * POSTs items to a v4 bulk endpoint (`/products/bulk_create` …) in batches, one request at a time, and
 * answers item by item (successes with JOOR's data, failures with JOOR's error). `keyOf` pairs answers to
 * items when JOOR's answer cannot be read positionally.
 */
export async function bulkWrite<I, D>(
  http: JoorHttp,
  path: string,
  items: I[],
  opts: { batchSize: number; groupOf?: (item: I) => string; keyOf?: (x: I | D) => string | undefined; query?: Record<string, string> },
): Promise<ItemResult<I, D>[]> {
  const out: ItemResult<I, D>[] = [];
  for (const batch of batches(items, opts.batchSize, opts.groupOf)) out.push(...(await sendBatch<I, D>(http, path, batch, opts)));
  return out;
}

/** One bulk request; a 413 (more items than JOOR takes) splits the batch in two (groups kept whole) and sends both. */
async function sendBatch<I, D>(
  http: JoorHttp,
  path: string,
  batch: I[],
  opts: { groupOf?: (item: I) => string; keyOf?: (x: I | D) => string | undefined; query?: Record<string, string> },
): Promise<ItemResult<I, D>[]> {
  try {
    return pairResults<I, D>(batch, await http.v4<D>("POST", path, opts.query ?? {}, batch), opts.keyOf);
  } catch (error) {
    if (!(error instanceof JoorPermanentError && error.status === 413)) throw error;
    const halves = batches(batch, Math.ceil(batch.length / 2), opts.groupOf);
    if (halves.length < 2) throw error;
    const out: ItemResult<I, D>[] = [];
    for (const half of halves) out.push(...(await sendBatch<I, D>(http, path, half, opts)));
    return out;
  }
}

/** What upsertBulk needs to know about one kind of v4 record. */
export interface UpsertSpec<P, D> {
  createPath: string;
  updatePath: string;
  batchSize: number;
  /** Items of one group travel in one request (a product's SKUs). */
  groupOf?: (input: P) => string;
  toCreate(input: P): Record<string, unknown>;
  toUpdate(input: P, joorId: string): Record<string, unknown>;
  /** JOOR's id in a success. */
  idOf(data: D): string | undefined;
  /** The existing record's id in a DUPLICATED error (details.product_id, details.sku_id, …). */
  duplicateIdOf?(error: V4ItemError): string | undefined;
  /** The external key of a payload or answer, to pair answers when needed. */
  keyOf?(x: Record<string, unknown> | D): string | undefined;
  /**
   * JOOR's ids of records a create was refused as DUPLICATED without naming the existing id (JOOR's details
   * are undocumented; for products, collections and seasons it names none): the client looks them up.
   */
  lookupExisting?(inputs: P[]): Promise<Map<P, string>>;
}

export type UpsertOutcome<P, D> =
  { input: P; ok: true; joorId: string; action: "created" | "updated"; data: D } | { input: P; ok: false; joorId: string | null; error: V4ItemError };

/**
 * Creates what JOOR does not have yet and updates what it has, in bulk: an input with a `joorId` is updated;
 * one without is created; a create answered `DUPLICATED` becomes an update of the existing JOOR id (never a
 * second record); an update answered `NOT_FOUND` (deleted on JOOR's side) becomes a create, once.
 */
export async function upsertBulk<P extends { joorId: string | null }, D>(http: JoorHttp, inputs: P[], spec: UpsertSpec<P, D>): Promise<UpsertOutcome<P, D>[]> {
  const out: UpsertOutcome<P, D>[] = [];
  const send = async (kind: "create" | "update", list: { input: P; joorId: string | null; retried: boolean }[]) => {
    const byPayload = new Map<Record<string, unknown>, { input: P; joorId: string | null; retried: boolean }>();
    const payloads = list.map((x) => {
      const p = kind === "create" ? spec.toCreate(x.input) : spec.toUpdate(x.input, x.joorId!);
      byPayload.set(p, x);
      return p;
    });
    const group = spec.groupOf ? (p: Record<string, unknown>) => spec.groupOf!(byPayload.get(p)!.input) : undefined;
    const results = await bulkWrite<Record<string, unknown>, D>(http, kind === "create" ? spec.createPath : spec.updatePath, payloads, {
      batchSize: spec.batchSize,
      groupOf: group,
      keyOf: spec.keyOf as ((x: Record<string, unknown> | D) => string | undefined) | undefined,
    });
    const again: { create: typeof list; update: typeof list } = { create: [], update: [] };
    const unnamed =
      kind === "create" && spec.lookupExisting
        ? results.filter((r) => !r.ok && r.error.status === "DUPLICATED" && !byPayload.get(r.item)!.retried).map((r) => byPayload.get(r.item)!.input)
        : [];
    const found = unnamed.length ? await spec.lookupExisting!(unnamed) : new Map<P, string>();
    for (const r of results) {
      const x = byPayload.get(r.item)!;
      if (r.ok) {
        const id = spec.idOf(r.data) ?? x.joorId;
        if (id) out.push({ input: x.input, ok: true, joorId: id, action: kind === "create" ? "created" : "updated", data: r.data });
        else out.push({ input: x.input, ok: false, joorId: null, error: { status: "NO_ID", message: "JOOR accepted the record but answered no id" } });
        continue;
      }
      // a lookup (when the spec has one) is trusted over an id in JOOR's details
      const dupId = r.error.status === "DUPLICATED" ? (spec.lookupExisting ? found.get(x.input) : spec.duplicateIdOf?.(r.error)) : undefined;
      if (kind === "create" && dupId && !x.retried) again.update.push({ input: x.input, joorId: dupId, retried: true });
      else if (kind === "update" && r.error.status === "NOT_FOUND" && !x.retried) again.create.push({ input: x.input, joorId: null, retried: true });
      else out.push({ input: x.input, ok: false, joorId: x.joorId, error: r.error });
    }
    return again;
  };
  const first = inputs.map((input) => ({ input, joorId: input.joorId, retried: false }));
  const a = await send(
    "create",
    first.filter((x) => !x.joorId),
  );
  const b = await send("update", [...first.filter((x) => x.joorId), ...a.update]);
  if (b.create.length) {
    const c = await send("create", b.create);
    for (const x of [...c.update, ...c.create])
      out.push({
        input: x.input,
        ok: false,
        joorId: x.joorId,
        error: { status: "CONFLICT", message: "JOOR reported the record as both existing and missing" },
      });
  }
  return out;
}
