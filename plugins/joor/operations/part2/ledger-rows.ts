import { createHash } from "node:crypto";
import { In, type DataSource, type EntityManager } from "typeorm";
import { JoorSyncRecord } from "../../ledger/sync-record.entity";

export const CONNECTOR = "joor";

/** sha256 of a JSON-able payload (stable key order is the caller's: payloads are built in a fixed order). */
export const hashOf = (value: unknown): string => createHash("sha256").update(JSON.stringify(value)).digest("hex");

export interface LedgerRow {
  recordKey: string;
  label: string | null;
  joorId: string | null;
  joorIds: Record<string, unknown> | null;
  payloadHash: string | null;
  status: "ACCEPTED" | "FAILED";
  message: string | null;
}

/** The ledger rows of one kind for many keys, in one query (IN list, chunked). */
export async function ledgerRows(ds: DataSource | EntityManager, brandId: number, kind: string, keys: readonly string[]): Promise<Map<string, JoorSyncRecord>> {
  const out = new Map<string, JoorSyncRecord>();
  const repo = ds.getRepository(JoorSyncRecord);
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    if (!chunk.length) continue;
    for (const row of await repo.find({ where: { brandId, connector: CONNECTOR, kind, recordKey: In(chunk) } })) out.set(row.recordKey, row);
  }
  return out;
}

export const idsOf = <T = Record<string, string>>(row: JoorSyncRecord | undefined): T | null => (row?.joorIdsJson ? (JSON.parse(row.joorIdsJson) as T) : null);

/**
 * Writes what JOOR answered for many records of one kind, in one transaction: existing rows updated, new ones
 * inserted in chunks. A FAILED answer clears the hash (the record is sent again next time) but keeps the JOOR
 * ids known so far (so it is sent as an update of what JOOR already has).
 */
export async function writeLedger(ds: DataSource, brandId: number, kind: string, entries: readonly LedgerRow[]): Promise<void> {
  if (!entries.length) return;
  await ds.transaction(async (m) => {
    const existing = await ledgerRows(m, brandId, kind, entries.map((e) => e.recordKey));
    const now = new Date();
    const inserts: Partial<JoorSyncRecord>[] = [];
    for (const e of entries) {
      const row = existing.get(e.recordKey);
      const values: Partial<JoorSyncRecord> = {
        label: e.label?.slice(0, 255) ?? null, sentAt: now, status: e.status, message: e.message?.slice(0, 10_000) ?? null,
        payloadHash: e.status === "ACCEPTED" ? e.payloadHash : null,
        ...(e.joorId !== null || !row ? { joorId: e.joorId } : {}),
        ...(e.joorIds !== null || !row ? { joorIdsJson: e.joorIds ? JSON.stringify(e.joorIds) : null } : {}),
      };
      if (row) await m.getRepository(JoorSyncRecord).update({ id: row.id }, values);
      else inserts.push({ brandId, connector: CONNECTOR, kind, recordKey: e.recordKey, ...values });
    }
    for (let i = 0; i < inserts.length; i += 200) {
      await m.createQueryBuilder().insert().into(JoorSyncRecord).values(inserts.slice(i, i + 200) as never).updateEntity(false).execute();
    }
  });
}
