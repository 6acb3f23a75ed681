import type { JoorOperation } from "./types";
import { exportCustomers } from "./export-customers";
import { exportProducts } from "./export-products";
import { importOrders } from "./import-orders";

/**
 * The JOOR connector's operations (names used by startSync). One file per operation; add yours with one
 * import and one line here.
 */
export const joorOperations: Record<string, JoorOperation> = {
  "export-customers": exportCustomers,
  "export-products": exportProducts,
  "import-orders": importOrders,
};
