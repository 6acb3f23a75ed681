import DataLoader from "dataloader";
import { In, ObjectLiteral, EntityTarget } from "typeorm";
import { oneByKey } from "../../api/batch";
import { RequestContext, brandOf } from "../../api/context";
import { OrderAddress } from "../../entities/order-address.entity";
import { OrderLine } from "../../entities/order-line.entity";
import { Season } from "../../entities/season.entity";
import { User } from "../../entities/user.entity";
import { Variant } from "../../entities/variant.entity";

/** Per-request DataLoaders for the relations of orders: one statement per relation whatever the page size. */

export function orderLinesLoader(ctx: RequestContext): DataLoader<number, OrderLine[]> {
  const brandId = brandOf(ctx);
  return ctx.loaders.get("order.linesByOrder", () => new DataLoader((ids: readonly number[]) => ctx.services.orders.linesByOrder(brandId, ids)));
}

export function orderAddressesLoader(ctx: RequestContext): DataLoader<number, OrderAddress[]> {
  const brandId = brandOf(ctx);
  return ctx.loaders.get("order.addressesByOrder", () => new DataLoader((ids: readonly number[]) => ctx.services.orders.addressesByOrder(brandId, ids)));
}

/** Rows of a brand-scoped entity by id (null for ids of other brands). */
function byIdLoader<T extends ObjectLiteral & { id: number; brandId: number }>(ctx: RequestContext, name: string, entity: EntityTarget<T>) {
  const brandId = brandOf(ctx);
  return ctx.loaders.get(name, () =>
    new DataLoader(async (ids: readonly number[]) => {
      const rows = await ctx.ds.getRepository(entity).findBy({ brandId, id: In([...ids]) } as never);
      return oneByKey(ids, rows, (r) => r.id);
    }),
  ) as DataLoader<number, T | null>;
}

export const seasonLoader = (ctx: RequestContext) => byIdLoader(ctx, "order.seasonById", Season);
export const userLoader = (ctx: RequestContext) => byIdLoader(ctx, "order.userById", User);
export const variantLoader = (ctx: RequestContext) => byIdLoader(ctx, "order.variantById", Variant);
