import { Product, Variant } from "../../../src/plugin";
import { joorClientFor } from "../client";
import { JoorLedger } from "../ledger/ledger.service";
import type { JoorOperation, JoorOperationContext } from "./types";
import { exportCatalogue } from "./products/catalogue-pass";
import { exportLinesheets } from "./products/linesheet-pass";
import { ProductsReport } from "./products/report";
import type { JoorClient } from "../client";

const CATEGORIES_STATE = "categories";

/** JOOR's categories by lower-case name. A real run reads them (1 credit) and remembers them for dry runs. */
async function categoryMap(ctx: JoorOperationContext, client: JoorClient | null): Promise<Map<string, string>> {
  if (!client) return new Map(Object.entries((await ctx.state.get<Record<string, string>>(CATEGORIES_STATE)) ?? {}));
  const map = new Map<string, string>();
  for (const c of await client.reference.categories()) map.set(c.name.trim().toLowerCase(), String(c.id));
  await ctx.state.set(CATEGORIES_STATE, Object.fromEntries(map));
  return map;
}

/**
 * export-products (seed: "all products will be exported with barcodes"; "now you are ready to create your
 * catalogue"): every active product with its colour and barcoded sizes (JOOR products and SKUs), then the
 * linesheets (JOOR seasons and collections). Incremental by payload hash; `full` sends everything; a dry run
 * makes no request at all and reports what it would send.
 */
export const exportProducts: JoorOperation = {
  description: "Sends active products with their barcoded sizes, then the linesheets (seasons, delivery windows, order) to JOOR; incremental",
  attempts: 3,
  backoffMs: 2_000,
  async run(ctx) {
    const ledger = new JoorLedger(ctx.data);
    const client = ctx.dryRun ? null : joorClientFor(ctx);
    const report = new ProductsReport();
    const total = await ctx.data.repo(Product).count({ brandId: ctx.brand.id, active: true });
    // progress counts products, and the variants that will be reported (no barcode) as failed records
    const noBarcode = await ctx.data
      .repo(Variant)
      .queryBuilder("v")
      .innerJoin(Product, "p", "p.id = v.productId AND p.active = :active", { active: true })
      .andWhere("v.active = :active AND v.barcode IS NULL")
      .getCount();
    ctx.progress.setTotal(total + noBarcode);
    ctx.logger.info(`Exporting ${total} active products to JOOR${ctx.full ? " (full)" : ""}${ctx.dryRun ? " (dry run: nothing is sent)" : ""}`);
    const categories = await categoryMap(ctx, client);
    await exportCatalogue(ctx, client, ledger, categories, report);
    ctx.logger.info(`Products: ${JSON.stringify(report.products)}; SKUs: ${JSON.stringify(report.skus)}`);
    await exportLinesheets(ctx, client, ledger, report);
    if (report.notOrderable.count) {
      ctx.logger.warn(
        `${report.notOrderable.count} exported products are on no linesheet: JOOR cannot take orders for them (${report.notOrderable.items.slice(0, 10).join(", ")}${report.notOrderable.count > 10 ? ", …" : ""})`,
      );
    }
    if (report.unknownCategories.size) ctx.logger.warn(`Categories JOOR does not have (sent without a category): ${[...report.unknownCategories].join(", ")}`);
    return report.summary(ctx.dryRun);
  },
};
