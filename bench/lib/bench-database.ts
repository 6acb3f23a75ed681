import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";

/**
 * One database per benchmark run: a new SQLite file, or a new MariaDB/MySQL database on the server of
 * BENCH_MYSQL_URL (e.g. mysql://selvedge:selvedge@127.0.0.1:3306/x), dropped afterwards. Each catalogue size
 * gets its own, so a second size never meets the first one's rows.
 */
export async function createBenchDatabase(kind: "sqlite" | "mysql", dir: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (kind === "sqlite") return { url: `sqlite:${dir}/bench.sqlite`, drop: async () => {} };
  const base = process.env.BENCH_MYSQL_URL;
  if (!base) throw new Error("BENCH_MYSQL_URL is not set (mysql://user:pass@host:port/any)");
  const name = `selvedge_bench_${randomBytes(4).toString("hex")}`;
  const admin = await mysql.createConnection(base);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    url: `${base.replace(/\/[^/]*$/, "")}/${name}`,
    drop: async () => {
      const conn = await mysql.createConnection(base);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}
