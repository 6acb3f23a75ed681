import { DataSource } from "typeorm";
import { placeholders, selectEntities } from "../../../src/db/hot-rows";
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
const WRITE_COLUMNS = ["brandId", "connector", "kind", "recordKey", "label", "joorId", "joorIdsJson", "payloadHash", "sentAt", "status", "message", "updatedAt"];
const UPDATE_COLUMNS = ["label", "joorId", "joorIdsJson", "payloadHash", "sentAt", "status", "message", "updatedAt"];

/**
 * The sync ledger of one brand (ledger/sync-record.entity.ts). Reads and writes are batched per chunk of
 * records (one SELECT for a chunk's keys, one upsert per 400 rows), so an export does no per-record queries.
 */
export class JoorLedger {
  constructor(private readonly ds: DataSource, readonly brandId: number, readonly connector = JOOR_CONNECTOR) {}

  /** The ledger rows of these keys (absent = never sent). One plain SELECT per chunk (no query-builder cost). */
  async load(kind: JoorRecordKind, keys: string[]): Promise<Map<string, JoorSyncRecord>> {
    const out = new Map<string, JoorSyncRecord>();
    for (let i = 0; i < keys.length; i += CHUNK) {
      const chunk = keys.slice(i, i + CHUNK);
      const { entities } = await selectEntities(this.ds, JoorSyncRecord, {
        where: `t.brandId = ? AND t.connector = ? AND t.kind = ? AND t.recordKey IN (${placeholders(chunk.length)})`,
        params: [this.brandId, this.connector, kind, ...chunk],
      });
      for (const r of entities) out.set(r.recordKey, r);
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
        brandId: this.brandId, connector: this.connector, kind, recordKey: w.key,
        label: w.label !== undefined ? w.label : (before?.label ?? null),
        joorId: w.joorId !== undefined && w.joorId !== null ? w.joorId : (before?.joorId ?? null),
        joorIdsJson: w.joorIds ? JSON.stringify(w.joorIds) : (before?.joorIdsJson ?? null),
        payloadHash: w.status === "ACCEPTED" ? (w.hash ?? null) : w.status === "REMOVED" ? null : (before?.payloadHash ?? null),
        sentAt, status: w.status, message: w.message ?? null, updatedAt: sentAt,
      };
    });
    const meta = this.ds.getMetadata(JoorSyncRecord);
    const driver = this.ds.driver;
    const columns = WRITE_COLUMNS.map((c) => meta.findColumnWithPropertyName(c)!);
    const mysql = driver.options.type === "mysql" || driver.options.type === "mariadb";
    const q = (name: string) => driver.escape(name);
    const updates = UPDATE_COLUMNS.map((c) => (mysql ? `${q(c)} = VALUES(${q(c)})` : `${q(c)} = excluded.${q(c)}`)).join(", ");
    const conflict = mysql ? `ON DUPLICATE KEY UPDATE ${updates}` : `ON CONFLICT (${["brandId", "connector", "kind", "recordKey"].map(q).join(", ")}) DO UPDATE SET ${updates}`;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const params: unknown[] = [];
      for (const row of chunk) for (const col of columns) params.push(driver.preparePersistentValue((row as Record<string, unknown>)[col.propertyName], col));
      const values = chunk.map(() => `(${placeholders(columns.length)})`).join(", ");
      await this.ds.query(`INSERT INTO ${q(meta.tableName)} (${columns.map((c) => q(c.databaseName)).join(", ")}) VALUES ${values} ${conflict}`, params);
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
