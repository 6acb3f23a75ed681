import type { JoorOperation } from "./types";
import { exportCustomers } from "./export-customers";
import { exportProducts } from "./export-products";
import { importOrders } from "./import-orders";
import { exportAll, exportImages, exportInventory, exportPrices, reconcile } from "./part2";

/**
 * The JOOR connector's operations (names used by startSync). One file per operation; add yours with one
 * import and one line here.
 */
export const joorOperations: Record<string, JoorOperation> = {
  "export-customers": exportCustomers,
  "export-products": exportProducts,
  "export-prices": exportPrices,
  "export-images": exportImages,
  "export-inventory": exportInventory,
  "export-all": exportAll,
  "import-orders": importOrders,
  reconcile,
};
