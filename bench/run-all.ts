import fs from "node:fs";
import path from "node:path";
import { runProductsBench } from "./products.bench";

/**
 * `npm run bench`: every benchmark of CONTRACT §7 that exists so far, printed as a table and written to
 * bench/results/latest.json. Loopback only; each run is bounded in time.
 */
async function main(): Promise<void> {
  const results: Record<string, unknown> = {};
  results.products = [await runProductsBench(70, "demo (~200 products)"), await runProductsBench(700, "10x demo (~2,000 products)")];
  console.table(results.products);
  const optional: [string, string][] = [["subscribers", "./subscribers.bench"], ["importOrders", "./import-orders.bench"], ["joorExport", "./joor-export.bench"]];
  for (const [name, module] of optional) {
    const file = path.resolve(__dirname, `${module}.ts`);
    if (!fs.existsSync(file)) continue;
    const mod = (await import(module)) as { run(): Promise<unknown> };
    results[name] = await mod.run();
    console.log(name, JSON.stringify(results[name], null, 2));
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
