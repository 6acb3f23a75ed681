import type { BrandScope } from "../../../../src/plugin";
import { JoorLedger } from "../../ledger/ledger.service";
import { idsOf, ledgerRows } from "./ledger-rows";

/**
 * JOOR ids that export-products recorded in the ledger: the JOOR product of a Selvedge product and the JOOR
 * SKU of a Selvedge variant (kinds and keys as export-products writes them).
 */
export const PRODUCT_KIND = "product";
export const SKU_KIND = "sku";

export async function joorProductIds(data: BrandScope, productIds: readonly number[]): Promise<Map<number, string>> {
  const rows = await ledgerRows(data, PRODUCT_KIND, productIds.map(String));
  const out = new Map<number, string>();
  for (const [key, row] of rows) if (row.joorId) out.set(Number(key), row.joorId);
  return out;
}

export async function joorSkuIds(data: BrandScope, variantIds: readonly number[]): Promise<Map<number, string>> {
  const ids = await new JoorLedger(data).joorIds(SKU_KIND, variantIds.map(String));
  const out = new Map<number, string>();
  for (const [key, joorId] of ids) out.set(Number(key), joorId);
  return out;
}

export { idsOf };
