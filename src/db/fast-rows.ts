import { DataSource, EntityTarget, ObjectLiteral } from "typeorm";

/**
 * Hot-path reads for DataLoaders: plain SQL (one table, `?` placeholders, valid on SQLite and MySQL) and a
 * light hydration through the driver's own per-column conversion (dates, booleans, decimals, transformers),
 * without TypeORM's alias machinery, which costs several microseconds per row.
 */
export async function selectEntities<T extends ObjectLiteral>(
  ds: DataSource,
  target: EntityTarget<T>,
  sql: { where: string; params: unknown[]; orderBy?: string; extraColumns?: string; joins?: string; alias?: string },
): Promise<{ entities: T[]; raw: Record<string, unknown>[] }> {
  const meta = ds.getMetadata(target);
  const alias = sql.alias ?? "t";
  const columns = meta.columns.map((c) => `${alias}.${c.databaseName} AS ${c.databaseName}`).join(", ");
  const text = `SELECT ${columns}${sql.extraColumns ? `, ${sql.extraColumns}` : ""} FROM ${ds.driver.escape(meta.tableName)} ${alias}` +
    `${sql.joins ? ` ${sql.joins}` : ""} WHERE ${sql.where}${sql.orderBy ? ` ORDER BY ${sql.orderBy}` : ""}`;
  const raw = (await ds.query(text, sql.params)) as Record<string, unknown>[];
  const driver = ds.driver;
  const entities = raw.map((row) => {
    const entity = Object.create(meta.target instanceof Function ? meta.target.prototype : Object.prototype) as T;
    for (const column of meta.columns) {
      const value = row[column.databaseName];
      (entity as Record<string, unknown>)[column.propertyName] = value === null || value === undefined ? value : driver.prepareHydratedValue(value, column);
    }
    return entity;
  });
  return { entities, raw };
}

export function placeholders(count: number): string {
  return new Array(count).fill("?").join(", ");
}
