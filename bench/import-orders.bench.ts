import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mysql from "mysql2/promise";
import { startJoorSandbox } from "../plugins/joor/sandbox";
import { loadConfig } from "../src/config/config";
import { startSelvedge } from "../src/server/bootstrap";
import { QueryCounter } from "../src/db/database-options";
import { GraphQLClient } from "../test/harness/graphql-client";
import { CONFIGURE, serviceSeeder, mirrorCatalogue, mirrorCustomers, placeMany, sandboxSettings } from "../test/joor/orders/scale-world";
import { scopeFor } from "../test/harness/scope";

/**
 * CONTRACT §7 P5: import-orders of 10,000 approved orders × 20 lines from the JOOR sandbox (real HTTP on
 * loopback) into SQLite and, with BENCH_MYSQL_URL (mysql://user:pass@127.0.0.1:3306/any), MariaDB/MySQL.
 * Measures orders/s of the whole job and of its import phase, then runs the job again and proves it adds 0 rows.
 * `BENCH_ORDERS` / `BENCH_LINES` change the size; `BENCH_SKIP_SQLITE=1` runs MariaDB only.
 */
export interface ImportOrdersBenchResult {
  database: string;
  orders: number;
  linesPerOrder: number;
  jobSeconds: number;
  ordersPerSecond: number;
  /** Seconds and orders/s of the import phase alone (from the "Pulled …" log line to the end of the job). */
  importSeconds: number;
  importOrdersPerSecond: number;
  imported: number;
  held: number;
  /** CPU of this process (Selvedge and the sandbox) during the first run, and orders per CPU-second: the rate on an idle machine is bounded by it. */
  cpuSeconds: number;
  ordersPerCpuSecond: number;
  loadAverage: number;
  secondRunRowsAdded: number;
  secondRunSeconds: number;
}

const TABLES = ["sales_order", "order_line", "order_address", "address", "joor_inbound_order"];

async function one(databaseUrl: string, label: string, orders: number, lines: number): Promise<ImportOrdersBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selvedge-bench-orders-"));
  const token = "slv_bench_token_0123456789abcdef";
  const sb = await startJoorSandbox({ port: 0, rateLimit: { enabled: false }, maxBulkItems: 0 });
  const config = loadConfig(
    { ...process.env, LOG_LEVEL: "error" },
    {
      port: 0,
      host: "127.0.0.1",
      databaseUrl,
      mediaDir: `${dir}/media`,
      bootstrapToken: token,
      redisUrl: undefined,
      plugins: ["joor"],
      maxQueryCost: 10_000_000,
    },
  );
  config.jobs = { ...config.jobs, pollMs: 50, heartbeatMs: 500 };
  const counter = process.env.BENCH_COUNT_SQL ? new QueryCounter() : undefined;
  const app = await startSelvedge({ config, queryCounter: counter });
  const client = new GraphQLClient(app.url!, token);
  try {
    const brand = await app.services.identity.brandBySlug(config.bootstrapBrand.slug);
    await mirrorCatalogue(sb, serviceSeeder(app.services, scopeFor(app, brand.id)), 100);
    const codes = await mirrorCustomers(sb, serviceSeeder(app.services, scopeFor(app, brand.id)), 50);
    placeMany(sb, orders, lines, codes);
    const cfg = await client.ok(CONFIGURE, { v: sandboxSettings(sb) });
    if (!cfg.updateConnectorSettings.settingsComplete) throw new Error(`settings incomplete: ${cfg.updateConnectorSettings.missingSettings}`);
    if (counter) {
      counter.reset();
      counter.record = true;
    }
    const cpu0 = process.cpuUsage();
    const first = await runJob(client);
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    if (counter) {
      const kinds = new Map<string, number>();
      for (const q of counter.statements) {
        const k = q.replace(/\s+/g, " ").slice(0, 90);
        kinds.set(k, (kinds.get(k) ?? 0) + 1);
      }
      console.log(`statements per order: ${counter.count / orders}`);
      console.log(
        [...kinds.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 30)
          .map(([k, n]) => `${(n / orders).toFixed(2)}  ${k}`)
          .join("\n"),
      );
    }
    const before = await rowCounts(app.ds);
    const second = await runJob(client);
    const after = await rowCounts(app.ds);
    return {
      database: label,
      orders,
      linesPerOrder: lines,
      jobSeconds: round((first.finishedAt - first.startedAt) / 1000),
      ordersPerSecond: round(orders / ((first.finishedAt - first.startedAt) / 1000)),
      importSeconds: first.pullAt ? round((first.finishedAt - first.pullAt) / 1000) : NaN,
      importOrdersPerSecond: first.pullAt ? round(orders / ((first.finishedAt - first.pullAt) / 1000)) : NaN,
      imported: first.summary.imported,
      held: first.summary.held,
      cpuSeconds: round(cpuSeconds),
      ordersPerCpuSecond: round(orders / cpuSeconds),
      loadAverage: round(os.loadavg()[0]),
      secondRunRowsAdded: TABLES.reduce((n, t) => n + (after[t] - before[t]), 0),
      secondRunSeconds: round((second.finishedAt - second.startedAt) / 1000),
    };
  } finally {
    await app.stop();
    await sb.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A read that a reused keep-alive socket can fail on a loaded machine: tried again. */
async function patient<T>(f: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await f();
    } catch (error) {
      if (i >= 10 || !/fetch failed/.test(String((error as Error).message))) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

async function rowCounts(ds: import("typeorm").DataSource): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await ds.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n);
  return out;
}

async function runJob(client: GraphQLClient) {
  const { startSync } = await client.ok(
    `mutation { startSync(input: { connector: "joor", operation: "import-orders" }) { __typename ... on Job { id } ... on ErrorResult { message } } }`,
  );
  if (startSync.__typename !== "Job") throw new Error(startSync.message);
  for (;;) {
    const { job } = await patient(() =>
      client.ok(`query($id: ID!) { job(id: $id) { state error summary startedAt finishedAt logs(first: 500) { edges { node { message createdAt } } } } }`, {
        id: startSync.id,
      }),
    );
    if (job.state === "FAILED" || job.state === "CANCELLED") throw new Error(`import-orders ${job.state}: ${job.error}`);
    if (job.state === "SUCCEEDED") {
      const logs = job.logs.edges.map((e: { node: { message: string; createdAt: string } }) => e.node);
      const pulled = logs.find((l: { message: string }) => l.message.startsWith("Pulled "));
      return {
        summary: job.summary,
        logs: logs.map((l: { message: string }) => l.message) as string[],
        startedAt: Date.parse(job.startedAt),
        finishedAt: Date.parse(job.finishedAt),
        pullAt: pulled ? Date.parse(pulled.createdAt) : null,
      };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function run(): Promise<ImportOrdersBenchResult[]> {
  const orders = Number(process.env.BENCH_ORDERS ?? 10_000);
  const lines = Number(process.env.BENCH_LINES ?? 20);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selvedge-bench-orders-db-"));
  const results = process.env.BENCH_SKIP_SQLITE ? [] : [await one(`sqlite:${dir}/bench.sqlite`, "SQLite", orders, lines)];
  fs.rmSync(dir, { recursive: true, force: true });
  const base = process.env.BENCH_MYSQL_URL;
  if (base) {
    const name = `selvedge_bench_${Date.now()}`;
    const admin = await mysql.createConnection(base);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    try {
      results.push(await one(`${base.replace(/\/[^/]*$/, "")}/${name}`, "MariaDB", orders, lines));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    }
  }
  return results;
}

if (require.main === module) {
  run()
    .then((r) => console.table(r))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
