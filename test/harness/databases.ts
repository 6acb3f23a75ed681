import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";

/**
 * Which databases the suite runs on. SQLite always; MariaDB/MySQL too when TEST_MYSQL_URL is set
 * (e.g. mysql://selvedge:selvedge@127.0.0.1:3306). Each test file gets a throw-away database.
 */
export const testDatabaseKinds: ("sqlite" | "mysql")[] = process.env.TEST_MYSQL_URL ? ["sqlite", "mysql"] : ["sqlite"];

/** `TEST_DB=mysql` runs the whole suite on MySQL only; default SQLite. */
export function suiteDatabaseKind(): "sqlite" | "mysql" {
  return process.env.TEST_DB === "mysql" ? "mysql" : "sqlite";
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(kind: "sqlite" | "mysql"): Promise<TestDatabase> {
  if (kind === "sqlite") return { url: "sqlite::memory:", drop: async () => {} };
  const base = process.env.TEST_MYSQL_URL;
  if (!base) throw new Error("TEST_MYSQL_URL is not set: cannot create a MySQL test database");
  const name = `selvedge_test_${randomBytes(5).toString("hex")}`;
  const admin = await mysql.createConnection(base);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = `${base.replace(/\/[^/]*$/, "")}/${name}`;
  return {
    url,
    drop: async () => {
      const conn = await mysql.createConnection(base);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}
