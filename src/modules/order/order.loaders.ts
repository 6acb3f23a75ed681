import DataLoader from "dataloader";
import { In, EntityTarget } from "typeorm";
import { oneByKey } from "../../api/batch";
import { RequestContext } from "../../api/context";
import type { BrandOwned } from "../../db/brand-scope";
import { OrderAddress } from "../../entities/order-address.entity";
import { OrderLine } from "../../entities/order-line.entity";
import { User } from "../../entities/user.entity";

/** Per-request DataLoaders for the relations of orders: one statement per relation whatever the page size. */

export function orderLinesLoader(ctx: RequestContext): DataLoader<number, OrderLine[]> {
  return ctx.loaders.get("order.linesByOrder", () => {
    const scope = ctx.scope;
    return new DataLoader((ids: readonly number[]) => ctx.services.orders.linesByOrder(scope, ids));
  });
}

export function orderAddressesLoader(ctx: RequestContext): DataLoader<number, OrderAddress[]> {
  return ctx.loaders.get("order.addressesByOrder", () => {
    const scope = ctx.scope;
    return new DataLoader((ids: readonly number[]) => ctx.services.orders.addressesByOrder(scope, ids));
  });
}

/** Rows of a brand-scoped entity by id (null for ids of other brands). */
function byIdLoader<T extends BrandOwned & { id: number }>(ctx: RequestContext, name: string, entity: EntityTarget<T>) {
  return ctx.loaders.get(
    name,
    () =>
      new DataLoader(async (ids: readonly number[]) => {
        const rows = await ctx.scope.repo(entity).findBy({ id: In([...ids]) } as never);
        return oneByKey(ids, rows, (r) => r.id);
      }),
  ) as DataLoader<number, T | null>;
}

export const userLoader = (ctx: RequestContext) => byIdLoader(ctx, "order.userById", User);
// seasons and variants: the one loader of each (season.loaders.ts, catalogue.loaders.ts)
