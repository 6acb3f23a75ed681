import { DataSource } from "typeorm";

/**
 * Columns whose values must compare case-sensitively (sizes are: "S" and "s" are two sizes on the platforms
 * we sync with). SQLite compares text as BINARY already; MySQL/MariaDB's default collation ignores case, so these
 * columns get a binary collation there (migration 1764500000000, which keeps its own frozen copy of this list: a
 * column added here needs a new migration) and the entity metadata is told so after initialisation, which keeps
 * the schema diff empty on both.
 */
export const CASE_SENSITIVE_COLUMNS: { table: string; column: string }[] = [{ table: "variant", column: "size" }];

export const MYSQL_BINARY_COLLATION = "utf8mb4_bin";

export function isMysqlFamily(ds: DataSource): boolean {
  return ds.options.type === "mysql" || ds.options.type === "mariadb";
}

export function applyCaseSensitiveCollations(ds: DataSource): void {
  if (!isMysqlFamily(ds)) return;
  for (const { table, column } of CASE_SENSITIVE_COLUMNS) {
    const meta = ds.entityMetadatas.find((m) => m.tableName === table);
    const col = meta?.columns.find((c) => c.databaseName === column);
    if (col) col.collation = MYSQL_BINARY_COLLATION;
  }
}
