import { createHash } from "node:crypto";
import { In } from "typeorm";
import { type BrandScope, type HostServices, insertIgnoringScoped } from "../../../src/plugin";
import { JoorInboundOrder } from "../entities/joor-inbound-order.entity";
import { describeChanges } from "./order-changes";
import { parseInboundOrder } from "./parse-order";

/**
 * Staging: the raw orders of one JOOR page are written to joor_inbound_order in one transaction, before anything
 * else happens to them (JOOR has already marked them exported). New orders are STAGED; an order staged or held
 * before is replaced by JOOR's newer version; an order already IMPORTED is never overwritten: the change is kept
 * beside it (latestPayload, changes) and flagged on the Selvedge order (platformModifiedAt) for a person.
 */

export interface ModifiedOrder {
  externalOrderId: string;
  orderId: number | null;
  changes: string[];
}

export interface StageResult {
  staged: number;
  /** Orders already staged with the same payload (a duplicated page, a re-read). */
  unchanged: number;
  /** Not-yet-imported orders replaced by JOOR's newer version. */
  replaced: number;
  modified: ModifiedOrder[];
}

/** The stage key of a raw order: its order_id, or (no usable id) a digest of the payload, so it is held, not lost. */
export function stageKey(raw: unknown, json: string): string {
  const id = raw && typeof raw === "object" ? (raw as Record<string, unknown>).order_id : undefined;
  const text = typeof id === "number" && Number.isFinite(id) ? String(id) : typeof id === "string" ? id.trim() : "";
  if (text !== "" && text.length <= 64) return text;
  return `invalid:${createHash("sha256").update(json).digest("hex").slice(0, 40)}`;
}

const MAX_STATEMENT_BYTES = 4 * 1024 * 1024;

/** `onlyNew`: stage only orders Selvedge has never seen (the recovery sweep reads exported orders, whose payload differs). */
export async function stageOrders(
  data: BrandScope,
  host: HostServices,
  connector: string,
  raws: unknown[],
  now = new Date(),
  onlyNew = false,
): Promise<StageResult> {
  const items = new Map<string, { raw: unknown; json: string }>();
  for (const raw of raws) {
    const json = JSON.stringify(raw) ?? "null";
    items.set(stageKey(raw, json), { raw, json });
  }
  if (!items.size) return { staged: 0, unchanged: 0, replaced: 0, modified: [] };
  for (let attempt = 1; ; attempt++) {
    try {
      return await stageOnce(data, host, connector, items, now, onlyNew);
    } catch (error) {
      // The import runs beside the pull on MariaDB: a deadlock with it rolls this page's staging back whole, and the
      // page (already exported by JOOR) must still be staged: run the transaction again.
      if (attempt >= STAGE_ATTEMPTS || !isLockConflict(error)) throw error;
    }
  }
}

const STAGE_ATTEMPTS = 5;

/** MariaDB/MySQL's deadlock (1213) or lock wait timeout (1205): the transaction was rolled back and can run again. */
export function isLockConflict(error: unknown): boolean {
  const e = error as { errno?: number; driverError?: { errno?: number } } | null;
  const errno = e?.errno ?? e?.driverError?.errno;
  return errno === 1213 || errno === 1205;
}

async function stageOnce(
  data: BrandScope,
  host: HostServices,
  connector: string,
  items: Map<string, { raw: unknown; json: string }>,
  now: Date,
  onlyNew: boolean,
): Promise<StageResult> {
  const brandId = data.brandId;
  const result: StageResult = { staged: 0, unchanged: 0, replaced: 0, modified: [] };
  await data.transaction(async (tx) => {
    const repo = tx.repo(JoorInboundOrder);
    const existing = await repo.findBy({ brandId, connector, externalOrderId: In([...items.keys()]) });
    const byKey = new Map(existing.map((r) => [r.externalOrderId, r]));
    const fresh: Partial<JoorInboundOrder>[] = [];
    for (const [key, item] of items) {
      const row = byKey.get(key);
      if (!row) {
        fresh.push(newRow(brandId, connector, key, item.raw, item.json, now));
        continue;
      }
      if (onlyNew) {
        result.unchanged++;
        continue;
      }
      await restage(tx, host, row, item, now, result);
    }
    await insertIgnoringDuplicates(tx, fresh);
    result.staged += fresh.length;
  });
  return result;
}

function newRow(brandId: number, connector: string, key: string, raw: unknown, json: string, now: Date): Partial<JoorInboundOrder> {
  const code =
    (raw && typeof raw === "object" && typeof (raw as Record<string, unknown>).customer_code === "string"
      ? ((raw as Record<string, unknown>).customer_code as string).trim().slice(0, 50)
      : null) || null;
  return {
    brandId,
    connector,
    externalOrderId: key,
    state: "STAGED",
    payload: json,
    latestPayload: null,
    reasons: null,
    reasonCodes: null,
    customerCode: code,
    orderId: null,
    attempts: 0,
    pulledAt: now,
    importedAt: null,
    heldAt: null,
    dismissedAt: null,
    dismissReason: null,
    platformModifiedAt: null,
    changes: null,
  };
}

async function restage(tx: BrandScope, host: HostServices, row: JoorInboundOrder, item: { raw: unknown; json: string }, now: Date, result: StageResult) {
  const repo = tx.repo(JoorInboundOrder);
  const current = row.latestPayload ?? row.payload;
  if (current === item.json) {
    result.unchanged++;
    return;
  }
  if (row.state === "STAGED" || row.state === "HELD") {
    // Not imported yet: JOOR's newer version is the one to import.
    await repo.update({ id: row.id }, { payload: item.json, latestPayload: null, state: "STAGED", pulledAt: now, version: () => "version + 1" });
    result.replaced++;
    return;
  }
  if (row.state === "DISMISSED") {
    await repo.update({ id: row.id }, { latestPayload: item.json, pulledAt: now });
    result.replaced++;
    return;
  }
  // IMPORTED: flag, never overwrite.
  const before = parseInboundOrder(JSON.parse(row.payload)).order;
  const after = parseInboundOrder(item.raw).order;
  const changes = before && after ? describeChanges(before, after) : ["the order's data changed (it can no longer be read)"];
  const at = after?.dateModified ?? now;
  const all = [...(row.changes ? (JSON.parse(row.changes) as string[]) : []), ...changes];
  await repo.update({ id: row.id }, { latestPayload: item.json, platformModifiedAt: at, changes: JSON.stringify(all), pulledAt: now });
  if (row.orderId !== null) await host.orders.flagPlatformModified(tx, row.orderId, at);
  result.modified.push({
    externalOrderId: row.externalOrderId,
    orderId: row.orderId,
    changes: changes.length ? changes : ["JOOR reports a change (no line, quantity, address or ship-window difference)"],
  });
}

/** Bulk insert in statements of bounded size; a row another run staged meanwhile is skipped (unique key). */
async function insertIgnoringDuplicates(tx: BrandScope, rows: Partial<JoorInboundOrder>[]): Promise<void> {
  let chunk: Partial<JoorInboundOrder>[] = [];
  let bytes = 0;
  const flush = async () => {
    if (!chunk.length) return;
    await insertIgnoringScoped(tx, JoorInboundOrder, chunk);
    chunk = [];
    bytes = 0;
  };
  for (const r of rows) {
    const size = (r.payload?.length ?? 0) * 2;
    if (chunk.length && (bytes + size > MAX_STATEMENT_BYTES || chunk.length >= 200)) await flush();
    chunk.push(r);
    bytes += size;
  }
  await flush();
}
