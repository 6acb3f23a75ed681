import { COLOR_TRAIT_ID, SIZE_TRAIT_ID, skuExternalId } from "./ids";
import type { ProductRecord } from "./product";

export interface VariantRecord {
  id: number;
  productId: number;
  size: string;
  position: number;
  barcode: string | null;
  active: boolean;
}

/** JOOR's identifier type for a GS1 barcode: 12 digits UPC, 13 (and 8) EAN, 14 GTIN. */
export function identifierType(barcode: string): "UPC" | "EAN" | "GTIN" {
  return barcode.length === 12 ? "UPC" : barcode.length === 14 ? "GTIN" : "EAN";
}

/**
 * A variant as a JOOR v4 SKU of its product: the Color trait (colour name, colour code as external_id), the
 * Size trait (size as written — JOOR sizes are case-sensitive) and the barcode as its UPC/EAN identifier.
 * Never sends `status` (setting a colour or size INACTIVE removes it from JOOR's existing orders).
 */
export function mapSku(p: ProductRecord, v: VariantRecord & { barcode: string }, joorProductId: string): Record<string, unknown> & { product_id: string } {
  return {
    product_id: joorProductId,
    external_id: skuExternalId(p, v.size),
    sku_identifier: v.barcode,
    trait_values: [
      { trait_id: COLOR_TRAIT_ID, value: p.colourName, external_id: p.colourCode },
      { trait_id: SIZE_TRAIT_ID, value: v.size, external_id: v.size },
    ],
    identifiers: [{ type: identifierType(v.barcode), value: v.barcode }],
  };
}
