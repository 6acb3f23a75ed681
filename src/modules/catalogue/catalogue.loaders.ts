import DataLoader from "dataloader";
import { RequestContext } from "../../api/context";
import type { BrandScope } from "../../db/brand-scope";
import { Product } from "../../entities/product.entity";
import { ProductionDocketLine } from "../../entities/production-docket-line.entity";
import { ProductSeason } from "../../entities/product-season.entity";
import { SeasonPrice } from "../../entities/season-price.entity";
import { StockLevel } from "../../entities/stock-level.entity";
import { Variant } from "../../entities/variant.entity";
import { FULL_STOCK_READ, StockRead } from "./stock.service";

/** Per-request DataLoaders of the catalogue: one batched query per relation, whatever the page size. */
function loader<K, V>(ctx: RequestContext, name: string, batch: (scope: BrandScope, keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  return ctx.loaders.get(name, () => {
    const scope = ctx.scope;
    return new DataLoader<K, V>((keys) => batch(scope, keys));
  });
}

export const productLoader = (ctx: RequestContext) =>
  loader<number, Product | null>(ctx, "catalogue.productById", (b, ids) => ctx.services.products.byIds(b, ids));
export const variantLoader = (ctx: RequestContext) =>
  loader<number, Variant | null>(ctx, "catalogue.variantById", (b, ids) => ctx.services.variants.byIds(b, ids));
/**
 * Size runs by product. When the query also wants the variants' stock (wantStockWithVariants, called by the
 * `variants` field before it loads), the same batch reads the stock of all those variants in one more
 * statement and hands it to each variant, so `Variant.stock` needs no loader call, promise or batch per variant.
 */
export const variantsByProductLoader = (ctx: RequestContext) =>
  loader<number, Variant[]>(ctx, "catalogue.variantsByProduct", async (b, ids) => {
    const groups = await ctx.services.products.variantsByProduct(b, ids);
    const read = stockWish(ctx).read;
    if (read) {
      const variants = groups.flat();
      if (variants.length) {
        const levels = await ctx.services.stock.stockByVariant(
          b,
          variants.map((v) => v.id),
          read,
        );
        variants.forEach((v, i) => (v.prefetchedStock = { read, levels: levels[i] }));
      }
    }
    return groups;
  });

const stockWish = (ctx: RequestContext) => ctx.loaders.memo("catalogue.stockWithVariants", () => ({ read: null as StockRead | null }));

export function wantStockWithVariants(ctx: RequestContext, read: StockRead): void {
  stockWish(ctx).read ??= read;
}

/** The stock read a `stock { … }` selection needs: one object per shape, so reads compare by identity. */
export function stockReadFor(fields: ReadonlySet<string>): StockRead {
  // Selections are cached per field (src/api/selection.ts): a variant's stock field asks with the same set each time.
  let read = readsBySelection.get(fields);
  if (read) return read;
  const availableFrom = fields.has("availableFrom"),
    updatedAt = fields.has("updatedAt");
  const key = `${availableFrom}:${updatedAt}`;
  read = stockReads.get(key);
  if (!read) stockReads.set(key, (read = { availableFrom, updatedAt }));
  readsBySelection.set(fields, read);
  return read;
}
const stockReads = new Map<string, StockRead>();
const readsBySelection = new WeakMap<ReadonlySet<string>, StockRead>();
/** One loader per read shape (joins and columns depend on the fields the query selects). */
export const stockByVariantLoader = (ctx: RequestContext, read: StockRead = FULL_STOCK_READ) =>
  loader<number, StockLevel[]>(ctx, `catalogue.stockByVariant:${read.availableFrom}:${read.updatedAt}`, (b, ids) =>
    ctx.services.stock.stockByVariant(b, ids, read),
  );
export const pricesByProductLoader = (ctx: RequestContext, withUpdatedAt = true) =>
  loader<number, SeasonPrice[]>(ctx, withUpdatedAt ? "catalogue.pricesByProduct:true" : "catalogue.pricesByProduct:false", (b, ids) =>
    ctx.services.prices.pricesByProduct(b, ids, withUpdatedAt),
  );
export const visibilityByProductLoader = (ctx: RequestContext) =>
  loader<number, ProductSeason[]>(ctx, "catalogue.visibilityByProduct", (b, ids) => ctx.services.prices.visibilityByProduct(b, ids));
export const docketLinesByProductLoader = (ctx: RequestContext) =>
  loader<number, ProductionDocketLine[]>(ctx, "catalogue.docketLinesByProduct", (b, ids) => ctx.services.stock.docketLinesByProduct(b, ids));
