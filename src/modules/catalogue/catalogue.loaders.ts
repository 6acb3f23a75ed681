import DataLoader from "dataloader";
import { RequestContext, brandOf } from "../../api/context";
import { Product } from "../../entities/product.entity";
import { ProductionDocketLine } from "../../entities/production-docket-line.entity";
import { ProductSeason } from "../../entities/product-season.entity";
import { SeasonPrice } from "../../entities/season-price.entity";
import { StockLevel } from "../../entities/stock-level.entity";
import { Variant } from "../../entities/variant.entity";
import { FULL_STOCK_READ, StockRead } from "./stock.service";

/** Per-request DataLoaders of the catalogue: one batched query per relation, whatever the page size. */
function loader<K, V>(ctx: RequestContext, name: string, batch: (brandId: number, keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  const brandId = brandOf(ctx);
  return ctx.loaders.get(name, () => new DataLoader<K, V>((keys) => batch(brandId, keys)));
}

export const productLoader = (ctx: RequestContext) =>
  loader<number, Product | null>(ctx, "catalogue.productById", (b, ids) => ctx.services.products.byIds(b, ids));
export const variantLoader = (ctx: RequestContext) =>
  loader<number, Variant | null>(ctx, "catalogue.variantById", (b, ids) => ctx.services.variants.byIds(b, ids));
export const variantsByProductLoader = (ctx: RequestContext) =>
  loader<number, Variant[]>(ctx, "catalogue.variantsByProduct", (b, ids) => ctx.services.products.variantsByProduct(b, ids));
/** One loader per read shape (joins and columns depend on the fields the query selects). */
export const stockByVariantLoader = (ctx: RequestContext, read: StockRead = FULL_STOCK_READ) =>
  loader<number, StockLevel[]>(ctx, `catalogue.stockByVariant:${read.availableFrom}:${read.updatedAt}`, (b, ids) => ctx.services.stock.stockByVariant(b, ids, read));
export const pricesByProductLoader = (ctx: RequestContext, withUpdatedAt = true) =>
  loader<number, SeasonPrice[]>(ctx, `catalogue.pricesByProduct:${withUpdatedAt}`, (b, ids) => ctx.services.prices.pricesByProduct(b, ids, withUpdatedAt));
export const visibilityByProductLoader = (ctx: RequestContext) =>
  loader<number, ProductSeason[]>(ctx, "catalogue.visibilityByProduct", (b, ids) => ctx.services.prices.visibilityByProduct(b, ids));
export const docketLinesByProductLoader = (ctx: RequestContext) =>
  loader<number, ProductionDocketLine[]>(ctx, "catalogue.docketLinesByProduct", (b, ids) => ctx.services.stock.docketLinesByProduct(b, ids));
