import { DataSource, EntityManager } from "typeorm";

/**
 * TypeORM's better-sqlite3 driver shares ONE connection between all callers, so two `ds.transaction()`
 * calls that overlap in time interleave on it: the second BEGIN fails ("cannot start a transaction within a
 * transaction") or becomes a savepoint of the first and commits or rolls back with it. On SQLite every
 * top-level transaction of the DataSource therefore waits for the previous one (a promise queue).
 * Nested transactions use the manager they were given (`m.transaction`), which is not queued.
 * MySQL/MariaDB use a connection pool and are left alone.
 */
export function serializeSqliteTransactions(ds: DataSource): void {
  if (ds.options.type !== "better-sqlite3") return;
  const manager = ds.manager;
  const original = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  const queued = (...args: unknown[]): Promise<unknown> => {
    const run = tail.then(() => original(...args));
    tail = run.catch(() => undefined);
    return run;
  };
  (manager as unknown as { transaction: EntityManager["transaction"] }).transaction = queued as EntityManager["transaction"];
}
