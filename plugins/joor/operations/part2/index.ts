import type { JoorOperation } from "../types";
import { joorClientFor } from "../../client";
import { exportCustomers } from "../export-customers";
import { exportProducts } from "../export-products";
import { countRows, exportAllOperation, operationPhase } from "./export-all";
import { exportImagesPhase } from "./export-images";
import { exportInventoryPhase, requireInventoryModule } from "./export-inventory";
import { exportPricesPhase } from "./export-prices";
import { runAlone } from "./phase";
import { runReconcile } from "./reconcile";

/** The part-2 operations (issue 10): prices, images, inventory, export-all and reconcile. */
export const exportPrices: JoorOperation = {
  description:
    "Sends catalogue prices from the selected price seasons (most recent visible wins; 0.00 when visible in none), one JOOR price type per currency; incremental",
  attempts: 3,
  backoffMs: 2_000,
  run: async (ctx) => runAlone(exportPricesPhase, ctx, joorClientFor(ctx)),
};

export const exportImages: JoorOperation = {
  description: "Sends Image 1 of each product (660×900 ratio, at most 1320×1800, JPEG) by URL; only changed pictures",
  attempts: 3,
  backoffMs: 2_000,
  run: async (ctx) => runAlone(exportImagesPhase, ctx, joorClientFor(ctx)),
};

export const exportInventory: JoorOperation = {
  description: "Sends available to sell (summed over the ATS seasons) and, optionally, future stock with its date; inventory module only; update mode",
  attempts: 3,
  backoffMs: 2_000,
  run: async (ctx) => {
    await requireInventoryModule(ctx);
    return runAlone(exportInventoryPhase, ctx, joorClientFor(ctx));
  },
};

export const exportAll: JoorOperation = exportAllOperation({
  customers: operationPhase("customers", exportCustomers, (ctx) => countRows(ctx, `SELECT COUNT(*) AS n FROM customer WHERE brandId = ?`)),
  products: operationPhase("products", exportProducts, (ctx) => countRows(ctx, `SELECT COUNT(*) AS n FROM product WHERE brandId = ? AND active = 1`)),
});

export const reconcile: JoorOperation = {
  description: "Existing JOOR system: compares account codes and barcodes on both sides, reports every mismatch, records the matches",
  attempts: 3,
  backoffMs: 2_000,
  run: async (ctx) => runReconcile(ctx, joorClientFor(ctx)),
};
