import "reflect-metadata";
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { loadConfig } from "../src/config/config";
import { QueryCounter } from "../src/db/database-options";
import { seedDemo } from "../src/demo/seed-demo";
import { startSelvedge } from "../src/server/bootstrap";
import { startHandwrittenEndpoint } from "./lib/handwritten-products-endpoint";
import { load } from "./lib/load";

/** The P1/P2 query: a page of products with variants, stock, prices and images. */
export const PRODUCTS_QUERY = `query($first: Int) { products(first: $first) { edges { node {
  id styleNumber sizes
  variants { barcode stock { availableToSell projected availableFrom } }
  prices { currency wholesale retail season { name } }
  images { url }
} } } }`;

export interface ProductsBenchResult {
  catalogue: string;
  products: number;
  variants: number;
  sqlStatementsFirst10: number;
  sqlStatementsFirst100: number;
  selvedgeRps: number;
  selvedgeP99Ms: number;
  handwrittenRps: number;
  handwrittenP99Ms: number;
  ratio: number;
}

/** Seeds a catalogue (styles × 2-4 colourways), then measures P1 (statements per page) and P2 (throughput). */
export async function runProductsBench(styles: number, label: string, seconds = 8): Promise<ProductsBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selvedge-bench-"));
  const token = "slv_bench_token_0123456789abcdef";
  const config = loadConfig({ ...process.env, LOG_LEVEL: "error" }, {
    port: 0, host: "127.0.0.1", databaseUrl: process.env.BENCH_DATABASE_URL ?? `sqlite:${dir}/bench.sqlite`,
    mediaDir: `${dir}/media`, bootstrapToken: token, redisUrl: undefined, maxQueryCost: 10_000_000, role: "api",
  });
  const counter = new QueryCounter();
  const app = await startSelvedge({ config, queryCounter: counter });
  const brand = await app.services.identity.brandBySlug(config.bootstrapBrand.slug);
  const seeded = await seedDemo(app.ds, brand.id, { styles, customers: 10, orders: 0, mediaDir: config.mediaDir });
  const handwritten = await startHandwrittenEndpoint(app.ds, brand.id);
  const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
  const gql = async (first: number) => {
    const res = await fetch(`${app.url}/graphql`, { method: "POST", headers, body: JSON.stringify({ query: PRODUCTS_QUERY, variables: { first } }) });
    const json = (await res.json()) as { errors?: unknown[] };
    if (json.errors) throw new Error(JSON.stringify(json.errors));
  };
  try {
    await gql(100); // warm-up (first request also refreshes the token's lastUsedAt)
    counter.reset();
    await gql(10);
    const first10 = counter.count;
    counter.reset();
    await gql(100);
    const first100 = counter.count;

    const body = JSON.stringify({ query: PRODUCTS_QUERY, variables: { first: 100 } });
    const selvedge = await load({ url: `${app.url}/graphql`, method: "POST", body, headers, seconds });
    const baseline = await load({ url: `${handwritten.url}/products?first=100`, seconds });
    return {
      catalogue: label, products: seeded.products, variants: seeded.variants,
      sqlStatementsFirst10: first10, sqlStatementsFirst100: first100,
      selvedgeRps: selvedge.requestsPerSecond, selvedgeP99Ms: selvedge.latencyP99Ms,
      handwrittenRps: baseline.requestsPerSecond, handwrittenP99Ms: baseline.latencyP99Ms,
      ratio: Math.round((selvedge.requestsPerSecond / baseline.requestsPerSecond) * 100) / 100,
    };
  } finally {
    await handwritten.close();
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  (async () => {
    for (const [styles, label] of [[70, "demo (~200 products)"], [700, "10x demo (~2,000 products)"]] as const) {
      console.log(JSON.stringify(await runProductsBench(styles, label)));
    }
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
