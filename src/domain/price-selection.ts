import { formatMoney } from "./money";

/** One stored price of a product: its season (with the season's start date), currency and amounts. */
export interface SeasonPriceCandidate {
  seasonId: number;
  /** The season's start date (ISO 8601): "most recent" means the latest start date. */
  startDate: string;
  currency: string;
  wholesale: string;
  retail: string | null;
}

export interface SelectedPrice {
  /** Decimal strings in the currency's minor units ("49.50" EUR, "7200" JPY, "0.000" KWD). */
  wholesale: string;
  retail: string;
  /** The season the price was taken from; null when the product is exported at zero. */
  seasonId: number | null;
}

/**
 * The price a platform export sends for a product (the wholesale platforms' rule):
 * - amongst the selected price seasons the product is visible in, the price of the most recent one
 *   (latest start date; on equal start dates the later-created season, i.e. the higher id, as in the
 *   `seasons` list) that has a price in the currency;
 * - a product visible in none of the selected seasons (or without a price in the currency there) is
 *   still exported, at zero: "0.00" in the currency's minor units.
 * A missing retail price is sent as zero too.
 */
export function selectSeasonPrice(
  prices: readonly SeasonPriceCandidate[],
  visibleSeasonIds: Iterable<number>,
  selectedSeasonIds: Iterable<number>,
  currency: string,
): SelectedPrice {
  const visible = new Set(visibleSeasonIds);
  const selected = new Set(selectedSeasonIds);
  let best: SeasonPriceCandidate | undefined;
  for (const price of prices) {
    if (price.currency !== currency || !visible.has(price.seasonId) || !selected.has(price.seasonId)) continue;
    if (!best || isMoreRecent(price, best)) best = price;
  }
  if (!best) {
    const zero = formatMoney("0", currency);
    return { wholesale: zero, retail: zero, seasonId: null };
  }
  return {
    wholesale: formatMoney(best.wholesale, currency),
    retail: formatMoney(best.retail ?? "0", currency),
    seasonId: best.seasonId,
  };
}

function isMoreRecent(a: SeasonPriceCandidate, b: SeasonPriceCandidate): boolean {
  if (a.startDate !== b.startDate) return a.startDate > b.startDate;
  return a.seasonId > b.seasonId;
}
