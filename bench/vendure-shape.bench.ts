import { benchDatabases, benchHeaders } from "./lib/bench-options";
import { startBenchServer } from "./lib/bench-process";
import { load } from "./lib/load";

/** Vendure's product-list benchmark query, in Selvedge's schema. */
export const VENDURE_SHAPED_QUERY = `query($first: Int) { products(first: $first) { edges { node {
  id name styleNumber prices { wholesale } variants { id barcode stock { availableToSell } }
} } } }`;

export interface VendureShapeResult {
  database: string;
  products: number;
  variants: number;
  first: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Server CPU time per response. */
  cpuMsPerRequest: number;
  sqlStatementsPerRequest: number;
  rssMb: number;
  idleRssMb: number;
  startMs: number;
}

/**
 * The product page on Vendure's own benchmark shape (N products × 6 sizes, one price and one stock level per
 * variant): 10 connections, 5 s warm-up, 15 s measured. Run at 1,000 products (first: 100 and first: 10) and
 * at 10,000 and 100,000 products (first: 100) to show the page does not slow down as the catalogue grows.
 */
export async function runVendureShape(products: number, firsts: number[], database: "sqlite" | "mysql", seconds = 15): Promise<VendureShapeResult[]> {
  const server = await startBenchServer({ shape: "vendure", size: products, database, graphqlJit: process.env.SELVEDGE_GRAPHQL_JIT !== "off" });
  try {
    const out: VendureShapeResult[] = [];
    const bodyOf = (first: number) => JSON.stringify({ query: VENDURE_SHAPED_QUERY, variables: { first } });
    // Statement counts first: after a warm-up (the first request also refreshes the token's lastUsedAt) and
    // before any load run (requests still in flight when autocannon stops would be counted too).
    await server.statementsFor(bodyOf(firsts[0]));
    const statementsByFirst = new Map<number, number>();
    for (const first of firsts) statementsByFirst.set(first, await server.statementsFor(bodyOf(first)));
    for (const first of firsts) {
      const body = bodyOf(first);
      const statements = statementsByFirst.get(first)!;
      const run = (s: number) => load({ url: `${server.url}/graphql`, method: "POST", body, headers: benchHeaders, seconds: s, connections: 10 });
      await run(5);
      const cpuBefore = await server.cpuMs();
      const r = await run(seconds);
      const cpuMsPerRequest = Math.round((((await server.cpuMs()) - cpuBefore) / Math.max(1, r.requests)) * 100) / 100;
      if (r.errors || r.non2xx) throw new Error(`load errors: ${r.errors} errors, ${r.non2xx} non-2xx`);
      out.push({
        database,
        products: server.products,
        variants: server.variants,
        first,
        requestsPerSecond: r.requestsPerSecond,
        p50Ms: r.latencyP50Ms,
        p99Ms: r.latencyP99Ms,
        cpuMsPerRequest,
        sqlStatementsPerRequest: statements,
        rssMb: await server.rssMb(),
        idleRssMb: server.idleRssMb,
        startMs: server.startMs,
      });
      console.log(JSON.stringify(out[out.length - 1]));
    }
    return out;
  } finally {
    await server.stop();
  }
}

export async function runAllVendureShape(): Promise<VendureShapeResult[]> {
  const sizes = (process.env.BENCH_SCALE_SIZES ?? "1000,10000,100000").split(",").map(Number);
  const out: VendureShapeResult[] = [];
  for (const database of benchDatabases()) {
    for (const size of sizes) out.push(...(await runVendureShape(size, size === sizes[0] ? [100, 10] : [100], database)));
  }
  return out;
}

if (require.main === module) {
  runAllVendureShape().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
