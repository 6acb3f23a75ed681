import { DataSource, EntityManager } from "typeorm";
import { isMysqlFamily } from "../../db/case-sensitive-columns";
import { isUniqueViolation } from "../../db/db-errors";
import { Product } from "../../entities/product.entity";

/**
 * Runs a read-then-write upsert transaction, again when a concurrent request inserted the same unique key
 * first (the retry then finds that row and updates it instead of failing with an internal error).
 */
export async function upsertTransaction<T>(ds: DataSource, work: (m: EntityManager) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ds.transaction(work);
    } catch (error) {
      if (attempt >= attempts || !isUniqueViolation(error)) throw error;
    }
  }
}

/**
 * Locks a product's row until the transaction ends, so that concurrent changes to its size run (new sizes at
 * the end, moves) are serialised on MySQL/MariaDB. SQLite runs one write transaction at a time already.
 */
export async function lockProduct(m: EntityManager, productId: number): Promise<void> {
  if (!isMysqlFamily(m.connection)) return;
  await m.getRepository(Product).createQueryBuilder("p").select("p.id").setLock("pessimistic_write").where("p.id = :productId", { productId }).getOne();
}
