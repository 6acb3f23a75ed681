import type { BrandScope } from "../../db/brand-scope";
import { isUniqueViolation } from "../../db/db-errors";
import { Product } from "../../entities/product.entity";

/**
 * Runs a read-then-write upsert transaction, again when a concurrent request inserted the same unique key
 * first (the retry then finds that row and updates it instead of failing with an internal error). Inside a
 * caller's transaction already, it joins it (no retry: the outer unit of work fails as a whole).
 */
export async function upsertTransaction<T>(scope: BrandScope, work: (tx: BrandScope) => Promise<T>, attempts = 3): Promise<T> {
  if (scope.inTransaction) return work(scope);
  for (let attempt = 1; ; attempt++) {
    try {
      return await scope.transaction(work);
    } catch (error) {
      if (attempt >= attempts || !isUniqueViolation(error)) throw error;
    }
  }
}

/**
 * Locks a product's row until the transaction ends, so that concurrent changes to its size run (new sizes at
 * the end, moves) are serialised on MySQL/MariaDB. SQLite runs one write transaction at a time already.
 */
export async function lockProduct(scope: BrandScope, productId: number): Promise<void> {
  if (scope.dialect !== "mysql" && scope.dialect !== "mariadb") return;
  await scope.repo(Product).queryBuilder("p").select("p.id").setLock("pessimistic_write").andWhere("p.id = :productId", { productId }).getOne();
}
