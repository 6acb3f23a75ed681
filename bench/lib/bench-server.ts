import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../src/config/config";
import { QueryCounter } from "../../src/db/database-options";
import { seedDemo } from "../../src/demo/seed-demo";
import { startSelvedge } from "../../src/server/bootstrap";
import { createBenchDatabase } from "./bench-database";
import { startHandwrittenEndpoint } from "./handwritten-products-endpoint";
import { seedVendureShape } from "./vendure-shape-seed";
import { BENCH_TOKEN, BenchServerOptions } from "./bench-options";

/**
 * The server side of a benchmark, in its own process (so the load generator does not share its CPU and its
 * RSS is the server's): a fresh database, Selvedge (API only), a seeded catalogue and the hand-written
 * endpoint, driven by the parent over IPC (bench/lib/bench-process.ts).
 */
async function main(): Promise<void> {
  const options = JSON.parse(process.env.SELVEDGE_BENCH_SERVER!) as BenchServerOptions;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selvedge-bench-"));
  const db = await createBenchDatabase(options.database, dir);
  const config = loadConfig(
    { ...process.env, LOG_LEVEL: "error" },
    {
      port: 0,
      host: "127.0.0.1",
      databaseUrl: db.url,
      mediaDir: `${dir}/media`,
      bootstrapToken: BENCH_TOKEN,
      redisUrl: undefined,
      maxQueryCost: 10_000_000,
      role: "api",
      graphqlJit: options.graphqlJit,
    },
  );
  const counter = new QueryCounter();
  const t0 = process.hrtime.bigint();
  const app = await startSelvedge({ config, queryCounter: counter });
  const startMs = Number(process.hrtime.bigint() - t0) / 1e6;
  global.gc?.();
  const idleRssMb = Math.round(process.memoryUsage().rss / 1e5) / 10;
  const brand = await app.services.identity.brandBySlug(config.bootstrapBrand.slug);
  const seeded =
    options.shape === "demo"
      ? await seedDemo(app.ds, brand.id, { styles: options.size, customers: 10, orders: 0, mediaDir: config.mediaDir })
      : await seedVendureShape(app.ds, brand.id, options.size);
  if (options.database === "mysql")
    await app.ds.query("ANALYZE TABLE product, variant, stock_level, season_price, product_season, product_image, production_docket_line");
  const handwritten = await startHandwrittenEndpoint(app.ds, brand.id);
  const reply = (msg: object) => process.send!(msg);
  process.on("message", async (msg: { type: string; id: number }) => {
    if (msg.type === "reset") counter.reset();
    if (msg.type === "count") return reply({ id: msg.id, value: counter.count });
    if (msg.type === "cpu") {
      const u = process.cpuUsage();
      return reply({ id: msg.id, value: (u.user + u.system) / 1000 });
    }
    if (msg.type === "rss") return reply({ id: msg.id, value: Math.round(process.memoryUsage().rss / 1e5) / 10 });
    if (msg.type === "stop") {
      await handwritten.close();
      await app.stop();
      await db.drop();
      fs.rmSync(dir, { recursive: true, force: true });
      reply({ id: msg.id, value: true });
      process.exit(0);
    }
    reply({ id: msg.id, value: true });
  });
  reply({
    type: "ready",
    url: app.url,
    handwrittenUrl: handwritten.url,
    products: seeded.products,
    variants: seeded.variants,
    startMs: Math.round(startMs),
    idleRssMb,
  });
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
