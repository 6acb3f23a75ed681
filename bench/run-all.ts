import fs from "node:fs";
import path from "node:path";
import { runAllProductsBenches } from "./products.bench";
import { runAllVendureShape } from "./vendure-shape.bench";
import { run as runSubscribers } from "./subscribers.bench";
import { run as runImportOrders } from "./import-orders.bench";
import { run as runJoorExport } from "./joor-export.bench";

/**
 * `npm run bench`: every benchmark of CONTRACT §7 that exists so far, printed as tables and written to
 * bench/results/latest.json. Loopback only; each run is bounded in time. SQLite always; MariaDB/MySQL as well
 * when BENCH_MYSQL_URL is set (each catalogue size in its own database). BENCH_ONLY=products,vendure,subscribers
 * picks benchmarks; BENCH_ROUNDS (default 3) sets the interleaved P2 rounds; BENCH_SCALE_SIZES the catalogue sizes.
 */
async function main(): Promise<void> {
  const only = new Set((process.env.BENCH_ONLY ?? "products,vendure,subscribers,orders,joor").split(","));
  const results: Record<string, unknown> = {};
  if (only.has("products")) {
    const products = await runAllProductsBenches();
    results.products = products;
    console.table(
      products.map(({ selvedgeRps, handwrittenRps, ratios, ratio, ...rest }) => ({
        ...rest,
        selvedgeRps: selvedgeRps.join("/"),
        handwrittenRps: handwrittenRps.join("/"),
        ratios: ratios.join("/"),
        ratioMedian: ratio.median,
      })),
    );
  }
  if (only.has("vendure")) {
    results.vendureShape = await runAllVendureShape();
    console.table(results.vendureShape);
  }
  if (only.has("subscribers")) {
    results.subscribers = await runSubscribers();
    console.log("subscribers", JSON.stringify(results.subscribers, null, 2));
  }
  if (only.has("orders")) {
    results.importOrders = await runImportOrders();
    console.log("importOrders", JSON.stringify(results.importOrders, null, 2));
  }
  if (only.has("joor")) {
    results.joorExport = await runJoorExport();
    console.log("joorExport", JSON.stringify(results.joorExport, null, 2));
  }
  const out = path.resolve(__dirname, "results/latest.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
  console.log(`results written to ${path.relative(process.cwd(), out)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
