import type { EntityTarget, ObjectLiteral } from "typeorm";
import { TenancyViolation, type BrandScope } from "../db/brand-scope";
import { placeholders } from "../db/hot-rows";

/**
 * Plain-SQL batch reads and writes of brand-owned entities for a plugin's hot paths (e.g. JOOR's ledger),
 * always within one `BrandScope`: reads must filter on the scope's brand first, writes are stamped with it.
 * They run in the scope's unit of work (inside `scope.transaction`, in that transaction).
 */

/**
 * Whole entities from one table: `where` must start with `<alias>.brandId = ?`, whose value the scope supplies
 * (pass the other parameters only). Hydrated through the driver's per-column conversion.
 */
export async function selectScoped<T extends ObjectLiteral>(
  scope: BrandScope,
  target: EntityTarget<T>,
  sql: { where: string; params: unknown[]; orderBy?: string; alias?: string },
): Promise<T[]> {
  const alias = sql.alias ?? "t";
  // `brandId + 0 = ?` is the same filter, written so that SQLite's planner cannot read the brand's whole (brandId, …) index range
  if (!new RegExp(`^${alias}\\.brandId( \\+ 0)? = \\?`).test(sql.where.trimStart()))
    throw new TenancyViolation(`selectScoped: where must start with "${alias}.brandId = ?"`);
  const m = scope.unitOfWork;
  const meta = m.connection.getMetadata(target);
  const driver = m.connection.driver;
  const columns = meta.columns.map((c) => `${alias}.${c.databaseName} AS ${c.databaseName}`).join(", ");
  const text = `SELECT ${columns} FROM ${driver.escape(meta.tableName)} ${alias} WHERE ${sql.where}${sql.orderBy ? ` ORDER BY ${sql.orderBy}` : ""}`;
  const raw = (await m.query(text, [scope.brandId, ...sql.params])) as Record<string, unknown>[];
  return raw.map((row) => {
    const entity = Object.create(meta.target instanceof Function ? meta.target.prototype : Object.prototype) as T;
    for (const column of meta.columns) {
      const value = row[column.databaseName];
      (entity as Record<string, unknown>)[column.propertyName] = value === null || value === undefined ? value : driver.prepareHydratedValue(value, column);
    }
    return entity;
  });
}

/**
 * Multi-row INSERT … ON CONFLICT DO UPDATE (SQLite) / ON DUPLICATE KEY UPDATE (MySQL/MariaDB) of brand-owned rows,
 * `chunk` rows per statement. Every row is stamped with the scope's brand (`brandId` is always a written column);
 * `conflict` names the unique key's properties (brandId included), `update` the properties a conflict overwrites.
 */
export async function upsertScoped<T extends ObjectLiteral>(
  scope: BrandScope,
  target: EntityTarget<T>,
  rows: Omit<T, "brandId" | "id">[],
  options: { columns: (keyof T & string)[]; conflict: (keyof T & string)[]; update: (keyof T & string)[]; chunk?: number },
): Promise<void> {
  if (!rows.length) return;
  const m = scope.unitOfWork;
  const meta = m.connection.getMetadata(target);
  const driver = m.connection.driver;
  const props = ["brandId", ...options.columns.filter((c) => c !== "brandId")];
  const columns = props.map((p) => {
    const c = meta.findColumnWithPropertyName(p);
    if (!c) throw new Error(`${meta.name} has no column ${p}`);
    return c;
  });
  const mysql = driver.options.type === "mysql" || driver.options.type === "mariadb";
  const q = (name: string) => driver.escape(name);
  const col = (p: string) => meta.findColumnWithPropertyName(p)!.databaseName;
  const updates = options.update.map((p) => (mysql ? `${q(col(p))} = VALUES(${q(col(p))})` : `${q(col(p))} = excluded.${q(col(p))}`)).join(", ");
  const conflict = mysql ? `ON DUPLICATE KEY UPDATE ${updates}` : `ON CONFLICT (${options.conflict.map((p) => q(col(p))).join(", ")}) DO UPDATE SET ${updates}`;
  const size = options.chunk ?? 400;
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const params: unknown[] = [];
    for (const row of chunk) {
      const stamped = { ...row, brandId: scope.brandId } as Record<string, unknown>;
      for (const c of columns) params.push(driver.preparePersistentValue(stamped[c.propertyName], c));
    }
    const values = chunk.map(() => `(${placeholders(columns.length)})`).join(", ");
    await m.query(`INSERT INTO ${q(meta.tableName)} (${columns.map((c) => q(c.databaseName)).join(", ")}) VALUES ${values} ${conflict}`, params);
  }
}

/** INSERT … OR IGNORE / INSERT IGNORE of brand-owned rows (a row whose unique key exists is skipped), stamped with the brand. */
export async function insertIgnoringScoped<T extends ObjectLiteral>(scope: BrandScope, target: EntityTarget<T>, rows: Partial<T>[]): Promise<void> {
  if (!rows.length) return;
  for (const r of rows) {
    const b = (r as { brandId?: number }).brandId;
    if (b !== undefined && b !== scope.brandId) throw new TenancyViolation("insertIgnoringScoped cannot write another brand's row");
  }
  const stamped = rows.map((r) => ({ ...r, brandId: scope.brandId }));
  await scope.unitOfWork
    .createQueryBuilder()
    .insert()
    .into(target)
    .values(stamped as never)
    .orIgnore()
    .execute();
}
