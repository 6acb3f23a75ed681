import { selectSeasonPrice, SeasonPriceCandidate } from "../../../src/plugin";

/** One catalogue product as the price export sees it: its SKUs on JOOR, where it is visible, its stored prices. */
export interface PriceProduct {
  productId: number;
  /** Variants with their JOOR SKU id (null when the SKU is not on JOOR yet). */
  variants: { variantId: number; barcode: string | null; skuId: string | null }[];
  visibleSeasonIds: readonly number[];
  prices: readonly SeasonPriceCandidate[];
}

/** One JOOR v4 price: per SKU and price type. Values are in the currency's minor units (selectSeasonPrice). */
export interface JoorPriceItem {
  variantId: number;
  sku_id: string;
  price_type_id: string;
  currency: string;
  wholesale_value: string;
  retail_value: string;
  /** The Selvedge season the price came from; null = exported at zero (visible in no selected season). */
  seasonId: number | null;
}

export interface ProductPrices {
  items: JoorPriceItem[];
  /** Currencies the product has a price in (in a selected season it is visible in) that map to no JOOR price type. */
  unmappedCurrencies: string[];
  /** Variants that are not on JOOR yet (export-products first). */
  variantsWithoutSku: number;
}

/**
 * The JOOR prices of one product (the seed's rule, through the core's selectSeasonPrice): for every mapped
 * currency (→ its JOOR price type) and every SKU, the price of the most recent selected season the product is
 * visible in; a product visible in none of them goes at zero. Wholesale → wholesale, retail → suggested retail.
 */
export function mapProductPrices(product: PriceProduct, selectedSeasonIds: readonly number[], priceTypeByCurrency: ReadonlyMap<string, string>): ProductPrices {
  const selected = new Set(selectedSeasonIds);
  const visible = new Set(product.visibleSeasonIds);
  const unmapped = new Set<string>();
  for (const price of product.prices) {
    if (selected.has(price.seasonId) && visible.has(price.seasonId) && !priceTypeByCurrency.has(price.currency)) unmapped.add(price.currency);
  }
  const items: JoorPriceItem[] = [];
  let variantsWithoutSku = 0;
  const perCurrency = [...priceTypeByCurrency]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, priceTypeId]) => ({ currency, priceTypeId, price: selectSeasonPrice(product.prices, visible, selected, currency) }));
  for (const variant of product.variants) {
    if (!variant.skuId) {
      variantsWithoutSku++;
      continue;
    }
    for (const { currency, priceTypeId, price } of perCurrency) {
      items.push({
        variantId: variant.variantId,
        sku_id: variant.skuId,
        price_type_id: priceTypeId,
        currency,
        wholesale_value: price.wholesale,
        retail_value: price.retail,
        seasonId: price.seasonId,
      });
    }
  }
  return { items, unmappedCurrencies: [...unmapped].sort(), variantsWithoutSku };
}

/** Collects the products per unmapped currency over a whole run, for one job issue per currency. */
export class UnmappedCurrencies {
  private readonly byCurrency = new Map<string, string[]>();
  private readonly counts = new Map<string, number>();

  add(currencies: readonly string[], productKey: string, keep = 20): void {
    for (const currency of currencies) {
      const list = this.byCurrency.get(currency) ?? [];
      if (list.length < keep) list.push(productKey);
      this.byCurrency.set(currency, list);
      this.counts.set(currency, (this.counts.get(currency) ?? 0) + 1);
    }
  }

  /** One message per currency: the currency, how many products, and the first of them. */
  issues(): { currency: string; count: number; message: string }[] {
    return [...this.byCurrency]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, products]) => {
        const count = this.counts.get(currency)!;
        const more = count > products.length ? ` and ${count - products.length} more` : "";
        return {
          currency,
          count,
          message: `Currency ${currency} has no JOOR price type in the settings (price type per currency): its prices were not sent for ${count} product(s): ${products.join(", ")}${more}`,
        };
      });
  }
}
