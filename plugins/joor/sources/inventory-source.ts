import { type BrandScope, type SeasonStock } from "../../../src/plugin";
import { isoDay, keysetPages, marks, num, rows } from "./keyset";

export interface InventorySourceVariant {
  id: number;
  productId: number;
  barcode: string | null;
  styleNumber: string;
  colourCode: string;
  size: string;
  levels: SeasonStock[];
}

/**
 * Variants of active products, one keyset page at a time, with their stock levels in the selected ATS
 * seasons and each level's date (the product line start date of the season's production docket), in one
 * batched query per page. Brand-scoped throughout. The brand conditions are written `brandId + 0 = ?` so the
 * planner walks the variant primary key from the page's start (SQLite otherwise read and sorted the brand's
 * whole variant table through its (brandId, barcode) index for every page: quadratic at 100,000 variants),
 * and the stock levels through (variantId, seasonId), not the brand's whole (brandId, seasonId) range.
 */
export async function* inventoryPages(
  data: BrandScope,
  atsSeasonIds: readonly number[],
  pageSize = 2000,
  startAfter = 0,
): AsyncGenerator<InventorySourceVariant[]> {
  const pages = keysetPages(
    (after, limit) =>
      rows<{ id: number; productId: number; barcode: string | null; size: string; styleNumber: string; colourCode: string }>(
        data,
        `SELECT v.id AS id, v.productId AS productId, v.barcode AS barcode, v.size AS size, p.styleNumber AS styleNumber, p.colourCode AS colourCode
       FROM variant v INNER JOIN product p ON p.id = v.productId
       WHERE v.brandId + 0 = ? AND p.brandId + 0 = ? AND p.active = 1 AND v.active = 1 AND v.id > ? ORDER BY v.id LIMIT ${Number(limit)}`,
        [data.brandId, after],
      ),
    pageSize,
    startAfter,
  );
  for await (const page of pages) {
    const variants = page.map((v) => ({ ...v, id: num(v.id), productId: num(v.productId), levels: [] as SeasonStock[] }));
    if (atsSeasonIds.length) {
      const ids = variants.map((v) => v.id);
      const levels = await rows<{ variantId: number; seasonId: number; availableToSell: number; projected: number; lineStartDate: unknown }>(
        data,
        `SELECT s.variantId AS variantId, s.seasonId AS seasonId, s.availableToSell AS availableToSell, s.projected AS projected, d.lineStartDate AS lineStartDate
         FROM stock_level s INNER JOIN variant v ON v.id = s.variantId
         LEFT JOIN production_docket_line d ON d.productId = v.productId AND d.seasonId = s.seasonId AND d.brandId = s.brandId
         WHERE s.brandId + 0 = ? AND s.variantId IN (${marks(ids.length)}) AND s.seasonId IN (${marks(atsSeasonIds.length)})`,
        [...ids, ...atsSeasonIds],
      );
      const byId = new Map(variants.map((v) => [v.id, v]));
      for (const l of levels) {
        byId.get(num(l.variantId))?.levels.push({
          seasonId: num(l.seasonId),
          availableToSell: num(l.availableToSell),
          projected: num(l.projected),
          availableFrom: isoDay(l.lineStartDate),
        });
      }
    }
    yield variants;
  }
}
