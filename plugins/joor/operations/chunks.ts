import type { EntityTarget, SelectQueryBuilder } from "typeorm";
import type { BrandOwned, BrandScope } from "../../../src/plugin";

/**
 * Streams a brand's rows in keyset-paged chunks (`id > last ORDER BY id LIMIT size`): memory stays flat
 * whatever the table size, and every chunk is one query.
 */
export async function* chunksOf<T extends BrandOwned & { id: number }>(
  data: BrandScope,
  entity: EntityTarget<T>,
  size: number,
  where: (qb: SelectQueryBuilder<T>) => void = () => {},
): AsyncGenerator<T[]> {
  let after = 0;
  for (;;) {
    const qb = data.repo(entity).queryBuilder("x").andWhere("x.id > :after", { after });
    where(qb);
    const rows = await qb.orderBy("x.id", "ASC").limit(size).getMany();
    if (!rows.length) return;
    yield rows;
    if (rows.length < size) return;
    after = rows[rows.length - 1].id;
  }
}

/** Keeps the first `max` details for a summary (the rest is counted, not listed). */
export class Sample<T> {
  readonly items: T[] = [];
  count = 0;
  constructor(private readonly max = 100) {}
  add(x: T): void {
    this.count++;
    if (this.items.length < this.max) this.items.push(x);
  }
}
