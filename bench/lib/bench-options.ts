/** What a benchmark server process runs (bench/lib/bench-server.ts). */
export interface BenchServerOptions {
  shape: "demo" | "vendure";
  /** demo: styles (× 2-4 colourways); vendure: products (× 6 sizes). */
  size: number;
  database: "sqlite" | "mysql";
  graphqlJit: boolean;
}

export const BENCH_TOKEN = "slv_bench_token_0123456789abcdef";
export const benchHeaders = { "content-type": "application/json", authorization: `Bearer ${BENCH_TOKEN}` };

/** Databases to run on: SQLite, plus MariaDB/MySQL when BENCH_MYSQL_URL is set (BENCH_DB=sqlite|mysql picks one). */
export function benchDatabases(): ("sqlite" | "mysql")[] {
  if (process.env.BENCH_DB === "sqlite" || process.env.BENCH_DB === "mysql") return [process.env.BENCH_DB];
  return process.env.BENCH_MYSQL_URL ? ["sqlite", "mysql"] : ["sqlite"];
}

export function stats(values: number[]): { min: number; median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return { min: round(sorted[0]), median: round(sorted[Math.floor(sorted.length / 2)]), max: round(sorted[sorted.length - 1]) };
}
