import { DataSource, Like } from "typeorm";
import { isUniqueViolation } from "../db/db-errors";
import { SyncStateStore } from "../plugin/define-plugin";
import { SyncState } from "./entities/sync-state.entity";

/** The sync_state rows of one brand + connector. In a dry run writes are ignored (a dry run changes nothing). */
export class DbSyncStateStore implements SyncStateStore {
  constructor(
    private readonly ds: DataSource,
    private readonly brandId: number,
    private readonly connector: string,
    private readonly readOnly = false,
  ) {}

  private where(key: string) {
    if (key.length === 0 || key.length > 191) throw new Error(`Sync state key must be 1-191 characters: "${key.slice(0, 40)}…"`);
    return { brandId: this.brandId, connector: this.connector, key };
  }

  async get<T = unknown>(key: string): Promise<T | undefined> {
    const row = await this.ds.getRepository(SyncState).findOneBy(this.where(key));
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  async set(key: string, value: unknown): Promise<void> {
    if (this.readOnly) return;
    const repo = this.ds.getRepository(SyncState);
    const where = this.where(key);
    const json = JSON.stringify(value ?? null);
    const updated = await repo.update(where, { value: json });
    if (updated.affected) return;
    try {
      await repo.insert({ ...where, value: json });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await repo.update(where, { value: json });
    }
  }

  async delete(key: string): Promise<void> {
    if (this.readOnly) return;
    await this.ds.getRepository(SyncState).delete(this.where(key));
  }

  async list<T = unknown>(prefix = ""): Promise<{ key: string; value: T }[]> {
    const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
    const rows = await this.ds.getRepository(SyncState).find({
      where: { brandId: this.brandId, connector: this.connector, ...(prefix ? { key: Like(`${escaped}%`) } : {}) },
      order: { key: "ASC" },
    });
    return rows.filter((r) => r.key.startsWith(prefix)).map((r) => ({ key: r.key, value: JSON.parse(r.value) as T }));
  }
}
