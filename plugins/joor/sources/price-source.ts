import { type BrandScope, type SeasonPriceCandidate } from "../../../src/plugin";
import { isoDay, keysetPages, marks, num, rows } from "./keyset";

export interface PriceSourceProduct {
  id: number;
  styleNumber: string;
  colourCode: string;
  variants: { variantId: number; barcode: string | null }[];
  visibleSeasonIds: number[];
  prices: SeasonPriceCandidate[];
}

/**
 * The catalogue as the price export reads it, one keyset page of products at a time with three batched
 * lookups per page (variants, visibility in the selected seasons, their prices). Brand-scoped throughout;
 * variants and visibility are read through their product key — `brandId + 0` keeps SQLite off the
 * (brandId, barcode) and (brandId, seasonId) indexes, which read the whole brand for each page.
 */
export async function* pricePages(
  data: BrandScope,
  selectedSeasonIds: readonly number[],
  pageSize = 500,
  productFilter?: (ids: number[]) => Promise<Set<number>>,
): AsyncGenerator<PriceSourceProduct[]> {
  const seasons = selectedSeasonIds.length
    ? await rows<{ id: number; startDate: unknown }>(
        data,
        `SELECT id, startDate FROM season WHERE brandId = ? AND id IN (${marks(selectedSeasonIds.length)})`,
        [...selectedSeasonIds],
      )
    : [];
  const startDates = new Map(seasons.map((s) => [num(s.id), isoDay(s.startDate)!]));
  const seasonIds = [...startDates.keys()];
  const pages = keysetPages(
    (after, limit) =>
      rows<{ id: number; styleNumber: string; colourCode: string }>(
        data,
        `SELECT id, styleNumber, colourCode FROM product WHERE brandId = ? AND active = 1 AND id > ? ORDER BY id LIMIT ${Number(limit)}`,
        [after],
      ),
    pageSize,
  );
  for await (const page of pages) {
    let products = page.map((p) => ({ ...p, id: num(p.id) }));
    if (productFilter) {
      const keep = await productFilter(products.map((p) => p.id));
      products = products.filter((p) => keep.has(p.id));
      if (!products.length) continue;
    }
    const ids = products.map((p) => p.id);
    const variants = await rows<{ id: number; productId: number; barcode: string | null }>(
      data,
      `SELECT id, productId, barcode FROM variant WHERE brandId + 0 = ? AND active = 1 AND productId IN (${marks(ids.length)}) ORDER BY productId, position, id`,
      [...ids],
    );
    const visible = seasonIds.length
      ? await rows<{ productId: number; seasonId: number }>(
          data,
          `SELECT productId, seasonId FROM product_season WHERE brandId + 0 = ? AND productId IN (${marks(ids.length)}) AND seasonId IN (${marks(seasonIds.length)})`,
          [...ids, ...seasonIds],
        )
      : [];
    const prices = seasonIds.length
      ? await rows<{ productId: number; seasonId: number; currency: string; wholesale: unknown; retail: unknown }>(
          data,
          `SELECT productId, seasonId, currency, wholesale, retail FROM season_price WHERE brandId = ? AND productId IN (${marks(ids.length)}) AND seasonId IN (${marks(seasonIds.length)})`,
          [...ids, ...seasonIds],
        )
      : [];
    const byId = new Map<number, PriceSourceProduct>(products.map((p) => [p.id, { ...p, variants: [], visibleSeasonIds: [], prices: [] }]));
    for (const v of variants) byId.get(num(v.productId))?.variants.push({ variantId: num(v.id), barcode: v.barcode });
    for (const v of visible) byId.get(num(v.productId))?.visibleSeasonIds.push(num(v.seasonId));
    for (const p of prices) {
      byId.get(num(p.productId))?.prices.push({
        seasonId: num(p.seasonId),
        startDate: startDates.get(num(p.seasonId))!,
        currency: p.currency,
        wholesale: String(p.wholesale),
        retail: p.retail === null || p.retail === undefined ? null : String(p.retail),
      });
    }
    yield [...byId.values()];
  }
}
