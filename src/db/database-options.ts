import path from "node:path";
import fs from "node:fs";
import { DataSourceOptions, Logger } from "typeorm";
import mysql from "mysql2/promise";

/**
 * TypeORM reads column defaults differently on MariaDB and MySQL, so a `mysql://` URL is probed once
 * for the server flavour and mapped to TypeORM's "mariadb" type when it is MariaDB.
 */
export async function detectMysqlFlavour(url: string): Promise<"mysql" | "mariadb"> {
  const conn = await mysql.createConnection(url.replace(/^mariadb:/, "mysql:"));
  try {
    const [rows] = await conn.query("SELECT VERSION() AS v");
    return /mariadb/i.test(String((rows as { v: string }[])[0].v)) ? "mariadb" : "mysql";
  } finally {
    await conn.end();
  }
}

/** Turns DATABASE_URL into TypeORM options: `sqlite:<path>`, `sqlite::memory:`, or `mysql://user:pass@host:port/db`. */
export function databaseOptionsFromUrl(url: string, mysqlFlavour: "mysql" | "mariadb" = "mysql"): DataSourceOptions {
  if (url.startsWith("sqlite:")) {
    const file = url.slice("sqlite:".length);
    if (!file) throw new Error("DATABASE_URL sqlite: needs a path, e.g. sqlite:./data/selvedge.sqlite or sqlite::memory:");
    if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    return {
      type: "better-sqlite3",
      database: file,
      enableWAL: file !== ":memory:",
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma("busy_timeout = 5000");
        db.pragma("synchronous = NORMAL");
      },
    };
  }
  if (url.startsWith("mysql://") || url.startsWith("mariadb://")) {
    return {
      type: mysqlFlavour,
      url: url.replace(/^mariadb:/, "mysql:"),
      timezone: "Z",
      charset: "utf8mb4_unicode_ci",
      supportBigNumbers: true,
      bigNumberStrings: false,
      extra: { connectionLimit: 10 },
    };
  }
  throw new Error(`Unsupported DATABASE_URL "${url}": use sqlite:<path> or mysql://user:pass@host:port/db`);
}

export function isMysql(options: DataSourceOptions): boolean {
  return options.type === "mysql" || options.type === "mariadb";
}

/** Counts SQL statements; tests and benchmarks read it to prove queries do not grow with page size. */
export class QueryCounter implements Logger {
  count = 0;
  statements: string[] = [];
  /** The parameters of each recorded statement (same order as `statements`). */
  parameters: unknown[][] = [];
  record = false;
  logQuery(query: string, parameters?: unknown[]): void {
    this.count++;
    if (this.record) {
      this.statements.push(query);
      this.parameters.push(parameters ?? []);
    }
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
  reset(): void {
    this.count = 0;
    this.statements = [];
    this.parameters = [];
  }
}
