import { QueryRunner, TableColumnOptions, TableForeignKeyOptions, TableIndexOptions } from "typeorm";

/**
 * Driver-neutral column builders for migrations. They mirror src/entities/columns.ts; the drift test
 * (test/db/migration-drift.test.ts) proves that the migrated schema equals the entities on SQLite and MySQL.
 */
export const id = (): TableColumnOptions => ({
  name: "id",
  type: "integer",
  isPrimary: true,
  isGenerated: true,
  generationStrategy: "increment",
});
export const int = (name: string, nullable = false, defaultValue?: number): TableColumnOptions => ({
  name,
  type: "integer",
  isNullable: nullable,
  ...(defaultValue === undefined ? {} : { default: defaultValue }),
});
export const varchar = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: "varchar",
  length: String(length),
  isNullable: nullable,
});
export const text = (name: string, nullable = true): TableColumnOptions => ({ name, type: "text", isNullable: nullable });
/** A text column of any length (src/db/long-text-columns.ts): LONGTEXT on MySQL/MariaDB, TEXT on SQLite. */
export function longText(qr: QueryRunner, name: string, nullable = true): TableColumnOptions {
  const t = qr.connection.driver.options.type;
  return { name, type: t === "mysql" || t === "mariadb" ? "longtext" : "text", isNullable: nullable };
}
export const bool = (name: string, defaultValue: boolean): TableColumnOptions => ({
  name,
  type: "boolean",
  default: defaultValue ? 1 : 0,
});
export const money = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: "decimal",
  precision: 19,
  scale: 4,
  isNullable: nullable,
});
export const date = (name: string, nullable = false): TableColumnOptions => ({ name, type: "date", isNullable: nullable });
export const datetime = (name: string, nullable = true): TableColumnOptions => ({ name, type: "datetime", isNullable: nullable });

export function simpleJson(qr: QueryRunner, name: string, nullable = false): TableColumnOptions {
  return { name, type: qr.connection.driver.normalizeType({ type: "simple-json" }), isNullable: nullable };
}

/** createdAt as @CreateDateColumn makes it, per driver (precision and default differ between SQLite and MySQL). */
export function createdAt(qr: QueryRunner, name = "createdAt"): TableColumnOptions {
  const dt = qr.connection.driver.mappedDataTypes;
  return {
    name,
    type: qr.connection.driver.normalizeType({ type: dt.createDate }),
    precision: dt.createDatePrecision,
    default: dt.createDateDefault,
  };
}

/** updatedAt as @UpdateDateColumn makes it, per driver (MySQL also refreshes it on update). */
export function updatedAt(qr: QueryRunner, name = "updatedAt"): TableColumnOptions {
  const dt = qr.connection.driver.mappedDataTypes;
  const isMysql = qr.connection.driver.options.type === "mysql" || qr.connection.driver.options.type === "mariadb";
  return {
    name,
    type: qr.connection.driver.normalizeType({ type: dt.updateDate }),
    precision: dt.updateDatePrecision,
    default: dt.updateDateDefault,
    ...(isMysql ? { onUpdate: dt.updateDateDefault } : {}),
  };
}

export const fk = (
  name: string,
  column: string,
  referencedTableName: string,
  onDelete: "CASCADE" | "RESTRICT" | "SET NULL" | "NO ACTION" = "CASCADE",
): TableForeignKeyOptions => ({
  name,
  columnNames: [column],
  referencedTableName,
  referencedColumnNames: ["id"],
  onDelete,
  onUpdate: "NO ACTION",
});

export const index = (name: string, columnNames: string[]): TableIndexOptions => ({ name, columnNames });
export const unique = (name: string, columnNames: string[]): TableIndexOptions => ({ name, columnNames, isUnique: true });

/** Address columns shared by customer addresses and order snapshots (src/entities/address-fields.ts). */
export const addressColumns = (): TableColumnOptions[] => [
  varchar("type", 16),
  varchar("name", 200, true),
  varchar("company", 200, true),
  varchar("line1", 200),
  varchar("line2", 200, true),
  varchar("city", 100),
  varchar("region", 100, true),
  varchar("postalCode", 20, true),
  varchar("countryCode", 2),
  varchar("phone", 50, true),
  varchar("email", 254, true),
];
