import { DataSource, EntityManager } from "typeorm";

/**
 * TypeORM's better-sqlite3 driver shares ONE query runner (one connection) between all callers, so two
 * `ds.transaction()` calls that overlap in time interleave on it: the second BEGIN fails with "cannot start a
 * transaction within a transaction", or becomes a savepoint of the first and commits or rolls back with it.
 * On SQLite this runs transactions one after another (per DataSource); MySQL/MariaDB use a pool and need nothing.
 * Do not call it again from inside `work` (it would wait for itself).
 */
const tails = new WeakMap<DataSource, Promise<unknown>>();

export function serialTransaction<T>(ds: DataSource, work: (m: EntityManager) => Promise<T>): Promise<T> {
  if (ds.options.type !== "better-sqlite3") return ds.transaction(work);
  const previous = tails.get(ds) ?? Promise.resolve();
  const run = previous.then(() => ds.transaction(work));
  tails.set(ds, run.catch(() => undefined));
  return run;
}
