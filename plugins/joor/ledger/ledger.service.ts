import { DataSource, In } from "typeorm";
import { JoorSyncRecord, type JoorSyncStatus } from "./sync-record.entity";
import type { JoorRecordKind } from "./kinds";

export const JOOR_CONNECTOR = "joor";

/** An answer from JOOR for one record, to be written to the ledger. */
export interface LedgerWrite {
  key: string;
  label?: string | null;
  joorId?: string | null;
  joorIds?: Record<string, unknown> | null;
  /** The hash of the payload JOOR accepted (ACCEPTED) — kept from before on FAILED. */
  hash?: string | null;
  status: JoorSyncStatus;
  message?: string | null;
}

const CHUNK = 900;

/**
 * The sync ledger of one brand (ledger/sync-record.entity.ts). Reads and writes are batched per chunk of
 * records (one SELECT for a chunk's keys, one upsert per 400 rows), so an export does no per-record queries.
 */
export class JoorLedger {
  constructor(private readonly ds: DataSource, readonly brandId: number, readonly connector = JOOR_CONNECTOR) {}

  /** The ledger rows of these keys (absent = never sent). */
  async load(kind: JoorRecordKind, keys: string[]): Promise<Map<string, JoorSyncRecord>> {
    const out = new Map<string, JoorSyncRecord>();
    const repo = this.ds.getRepository(JoorSyncRecord);
    for (let i = 0; i < keys.length; i += CHUNK) {
      const rows = await repo.findBy({ brandId: this.brandId, connector: this.connector, kind, recordKey: In(keys.slice(i, i + CHUNK)) });
      for (const r of rows) out.set(r.recordKey, r);
    }
    return out;
  }

  /**
   * Writes JOOR's answers. `previous` (from load) keeps what an answer does not change: a FAILED answer keeps
   * the last accepted hash and JOOR id, so an incremental run sends the record again.
   */
  async write(kind: JoorRecordKind, writes: LedgerWrite[], previous: Map<string, JoorSyncRecord> = new Map(), sentAt = new Date()): Promise<void> {
    if (!writes.length) return;
    const rows = writes.map((w) => {
      const before = previous.get(w.key);
      return {
        brandId: this.brandId, connector: this.connector, kind, recordKey: w.key,
        label: w.label !== undefined ? w.label : (before?.label ?? null),
        joorId: w.joorId !== undefined && w.joorId !== null ? w.joorId : (before?.joorId ?? null),
        joorIdsJson: w.joorIds ? JSON.stringify(w.joorIds) : (before?.joorIdsJson ?? null),
        payloadHash: w.status === "ACCEPTED" ? (w.hash ?? null) : w.status === "REMOVED" ? null : (before?.payloadHash ?? null),
        sentAt, status: w.status, message: w.message ?? null,
      };
    });
    const repo = this.ds.getRepository(JoorSyncRecord);
    for (let i = 0; i < rows.length; i += CHUNK) {
      await repo.upsert(rows.slice(i, i + CHUNK), { conflictPaths: ["brandId", "connector", "kind", "recordKey"], skipUpdateIfNoValuesChanged: false });
    }
  }

  /** Rows of a kind, in key-id order, a page at a time (for reconciliation and removals). */
  async *rows(kind: JoorRecordKind, pageSize = 1000): AsyncGenerator<JoorSyncRecord[]> {
    let after = 0;
    for (;;) {
      const page = await this.ds.getRepository(JoorSyncRecord).createQueryBuilder("r")
        .where("r.brandId = :b AND r.connector = :c AND r.kind = :k AND r.id > :after", { b: this.brandId, c: this.connector, k: kind, after })
        .orderBy("r.id", "ASC").limit(pageSize).getMany();
      if (!page.length) return;
      yield page;
      after = page[page.length - 1].id;
    }
  }
}
