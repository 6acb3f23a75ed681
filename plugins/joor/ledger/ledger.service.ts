import { type BrandScope, placeholders, selectScoped, upsertScoped } from "../../../src/plugin";
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
const WRITE_COLUMNS: (keyof JoorSyncRecord & string)[] = [
  "connector",
  "kind",
  "recordKey",
  "label",
  "joorId",
  "joorIdsJson",
  "payloadHash",
  "sentAt",
  "status",
  "message",
  "updatedAt",
];
const UPDATE_COLUMNS: (keyof JoorSyncRecord & string)[] = ["label", "joorId", "joorIdsJson", "payloadHash", "sentAt", "status", "message", "updatedAt"];

/**
 * The sync ledger of one brand (ledger/sync-record.entity.ts). Reads and writes are batched per chunk of
 * records (one SELECT for a chunk's keys, one upsert per 400 rows), so an export does no per-record queries.
 */
export class JoorLedger {
  constructor(
    private readonly data: BrandScope,
    readonly connector = JOOR_CONNECTOR,
  ) {}

  get brandId(): number {
    return this.data.brandId;
  }

  /** The ledger rows of these keys (absent = never sent). One plain SELECT per chunk (no query-builder cost). */
  async load(kind: JoorRecordKind, keys: string[]): Promise<Map<string, JoorSyncRecord>> {
    const out = new Map<string, JoorSyncRecord>();
    for (let i = 0; i < keys.length; i += CHUNK) {
      const chunk = keys.slice(i, i + CHUNK);
      const entities = await selectScoped(this.data, JoorSyncRecord, {
        where: `t.brandId = ? AND t.connector = ? AND t.kind = ? AND t.recordKey IN (${placeholders(chunk.length)})`,
        params: [this.connector, kind, ...chunk],
      });
      for (const r of entities) out.set(r.recordKey, r);
    }
    return out;
  }

  /**
   * Only the JOOR ids of these keys (keys without one are absent): two columns, no entities — the price export
   * reads the SKU ids of every variant this way (100,000 rows at P3, which whole entities made a visible share
   * of its CPU and garbage).
   */
  async joorIds(kind: JoorRecordKind, keys: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < keys.length; i += CHUNK) {
      const chunk = keys.slice(i, i + CHUNK);
      const rows = await this.data.sql<{ recordKey: string; joorId: string }>(
        `SELECT recordKey, joorId FROM joor_sync_record WHERE brandId = ? AND connector = ? AND kind = ? AND recordKey IN (${placeholders(chunk.length)}) AND joorId IS NOT NULL`,
        [this.connector, kind, ...chunk],
      );
      for (const r of rows) out.set(String(r.recordKey), String(r.joorId));
    }
    return out;
  }

  /**
   * Writes JOOR's answers. `previous` (from load) keeps what an answer does not change: a FAILED answer keeps
   * the last accepted hash and JOOR id, so an incremental run sends the record again. One multi-row
   * INSERT … ON CONFLICT / ON DUPLICATE KEY UPDATE per 400 rows, in plain SQL: TypeORM's upsert builder
   * spends most of a large export's CPU on parameter bookkeeping.
   */
  async write(kind: JoorRecordKind, writes: LedgerWrite[], previous: Map<string, JoorSyncRecord> = new Map(), sentAt = new Date()): Promise<void> {
    if (!writes.length) return;
    const rows = writes.map((w) => {
      const before = previous.get(w.key);
      return {
        connector: this.connector,
        kind,
        recordKey: w.key,
        label: w.label !== undefined ? w.label : (before?.label ?? null),
        joorId: w.joorId !== undefined && w.joorId !== null ? w.joorId : (before?.joorId ?? null),
        joorIdsJson: w.joorIds ? JSON.stringify(w.joorIds) : (before?.joorIdsJson ?? null),
        payloadHash: w.status === "ACCEPTED" ? (w.hash ?? null) : w.status === "REMOVED" ? null : (before?.payloadHash ?? null),
        sentAt,
        status: w.status,
        message: w.message ?? null,
        updatedAt: sentAt,
      };
    });
    await upsertScoped(this.data, JoorSyncRecord, rows, {
      columns: WRITE_COLUMNS,
      conflict: ["brandId", "connector", "kind", "recordKey"],
      update: UPDATE_COLUMNS,
      chunk: CHUNK,
    });
  }

  /** Rows of a kind, in key-id order, a page at a time (for reconciliation and removals). */
  async *rows(kind: JoorRecordKind, pageSize = 1000): AsyncGenerator<JoorSyncRecord[]> {
    let after = 0;
    for (;;) {
      const page = await this.data
        .repo(JoorSyncRecord)
        .queryBuilder("r")
        .andWhere("r.connector = :c AND r.kind = :k AND r.id > :after", { c: this.connector, k: kind, after })
        .orderBy("r.id", "ASC")
        .limit(pageSize)
        .getMany();
      if (!page.length) return;
      yield page;
      after = page[page.length - 1].id;
    }
  }
}
