import { benchDatabases, benchHeaders, stats } from "./lib/bench-options";
import { startBenchServer } from "./lib/bench-process";
import { load, LoadResult } from "./lib/load";

/** The P1/P2 query: a page of products with variants, stock, prices and images. */
export const PRODUCTS_QUERY = `query($first: Int) { products(first: $first) { edges { node {
  id styleNumber sizes
  variants { barcode stock { availableToSell projected availableFrom } }
  prices { currency wholesale retail season { name } }
  images { url }
} } } }`;

export interface ProductsBenchResult {
  database: string;
  catalogue: string;
  products: number;
  variants: number;
  sqlStatementsFirst10: number;
  sqlStatementsFirst100: number;
  selvedgeRps: number[];
  handwrittenRps: number[];
  selvedgeP99Ms: number;
  /** Selvedge ÷ hand-written, per round (interleaved). */
  ratios: number[];
  ratio: { min: number; median: number; max: number };
  /** Server CPU ms per response, per round. */
  selvedgeCpuMsPerRequest: number[];
  handwrittenCpuMsPerRequest: number[];
  /** hand-written CPU ÷ Selvedge CPU per response (the throughput ratio a saturated server would reach). */
  cpuRatios: number[];
}

/**
 * P1 (statements per page) and P2 (throughput vs the hand-written endpoint, same data, same server process):
 * the two endpoints are measured interleaved (Selvedge, hand-written, hand-written, Selvedge, …) so that the
 * machine's load affects both alike; the ratio is per round.
 */
export async function runProductsBench(styles: number, label: string, database: "sqlite" | "mysql", rounds = 3, seconds = 8): Promise<ProductsBenchResult> {
  const server = await startBenchServer({ shape: "demo", size: styles, database, graphqlJit: process.env.SELVEDGE_GRAPHQL_JIT !== "off" });
  const body = (first: number) => JSON.stringify({ query: PRODUCTS_QUERY, variables: { first } });
  try {
    await server.statementsFor(body(100)); // warm-up (the first request also refreshes the token's lastUsedAt)
    const first10 = await server.statementsFor(body(10));
    const first100 = await server.statementsFor(body(100));
    // Server CPU time per response, besides req/s: on a loaded machine it moves much less than throughput.
    const measured = async (run: () => Promise<LoadResult>) => {
      const before = await server.cpuMs();
      const result = await run();
      return { ...result, cpuMsPerRequest: Math.round((((await server.cpuMs()) - before) / Math.max(1, result.requests)) * 100) / 100 };
    };
    const gql = () => measured(() => load({ url: `${server.url}/graphql`, method: "POST", body: body(100), headers: benchHeaders, seconds }));
    const hand = () => measured(() => load({ url: `${server.handwrittenUrl}/products?first=100`, seconds }));
    await load({ url: `${server.url}/graphql`, method: "POST", body: body(100), headers: benchHeaders, seconds: 2 });
    const selvedge: number[] = [],
      handwritten: number[] = [],
      p99: number[] = [],
      selvedgeCpu: number[] = [],
      handwrittenCpu: number[] = [];
    for (let r = 0; r < rounds; r++) {
      let s, b;
      if (r % 2 === 0) {
        s = await gql();
        b = await hand();
      } else {
        b = await hand();
        s = await gql();
      }
      selvedge.push(s.requestsPerSecond);
      selvedgeCpu.push(s.cpuMsPerRequest);
      handwrittenCpu.push(b.cpuMsPerRequest);
      handwritten.push(b.requestsPerSecond);
      p99.push(s.latencyP99Ms);
    }
    const ratios = selvedge.map((s, i) => Math.round((s / handwritten[i]) * 100) / 100);
    return {
      database,
      catalogue: label,
      products: server.products,
      variants: server.variants,
      sqlStatementsFirst10: first10,
      sqlStatementsFirst100: first100,
      selvedgeRps: selvedge,
      handwrittenRps: handwritten,
      selvedgeP99Ms: stats(p99).median,
      ratios,
      ratio: stats(ratios),
      selvedgeCpuMsPerRequest: selvedgeCpu,
      handwrittenCpuMsPerRequest: handwrittenCpu,
      cpuRatios: selvedgeCpu.map((c, i) => Math.round((handwrittenCpu[i] / c) * 100) / 100),
    };
  } finally {
    await server.stop();
  }
}

export async function runAllProductsBenches(): Promise<ProductsBenchResult[]> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const out: ProductsBenchResult[] = [];
  for (const database of benchDatabases()) {
    for (const [styles, label] of [
      [70, "demo (~200 products)"],
      [700, "10x demo (~2,000 products)"],
    ] as const) {
      out.push(await runProductsBench(styles, label, database, rounds));
      console.log(JSON.stringify(out[out.length - 1]));
    }
  }
  return out;
}

if (require.main === module) {
  runAllProductsBenches().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
