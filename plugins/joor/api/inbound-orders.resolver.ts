import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import DataLoader from "dataloader";
import { In } from "typeorm";
import { type RequestContext, dataOf, hostOf, oneByKey, parseId, ConnectionType, Page, PageArgs, Order } from "../../../src/plugin";
import { JoorInboundOrder } from "../entities/joor-inbound-order.entity";
import { ImportDeps } from "../orders/import-staged";
import { resolveImportSettings } from "../orders/import-settings";
import { dismiss, listInbound, retryMany, retryOne, toType } from "../orders/inbound-orders.service";
import { JoorInboundOrderFilter, JoorInboundOrderType, JoorInboundRetryResult } from "./inbound-order.types";

export const JOOR_CONNECTOR = "joor";
const JoorInboundOrderConnection = ConnectionType(JoorInboundOrderType, "JoorInboundOrderConnection");

async function depsOf(ctx: RequestContext): Promise<ImportDeps> {
  const data = dataOf(ctx);
  const host = hostOf(ctx, JOOR_CONNECTOR);
  const raw = await host.settings.raw(data);
  return {
    data,
    host,
    brandId: data.brandId,
    connector: JOOR_CONNECTOR,
    settings: await resolveImportSettings(data, raw),
  };
}

/** Held and staged JOOR orders: see them with their reasons and raw payload, retry them once fixed, dismiss them. */
@Resolver(() => JoorInboundOrderType)
export class JoorInboundOrdersResolver {
  @Authorized()
  @Query(() => JoorInboundOrderConnection, { description: "Orders pulled from JOOR (staged, imported, held, dismissed)" })
  async joorInboundOrders(
    @Args() page: PageArgs,
    @Arg("filter", () => JoorInboundOrderFilter, { nullable: true }) filter: JoorInboundOrderFilter | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<Page<JoorInboundOrderType>> {
    const rows = await listInbound(dataOf(ctx), JOOR_CONNECTOR, filter, page);
    return new Page(
      rows.edges.map((e) => ({ cursor: e.cursor, node: toType(e.node) })),
      rows.pageInfo,
      () => rows.totalCount(),
    );
  }

  @Authorized()
  @Query(() => JoorInboundOrderType, { nullable: true })
  async joorInboundOrder(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<JoorInboundOrderType | null> {
    const row = await dataOf(ctx)
      .repo(JoorInboundOrder)
      .findOneBy({ id: parseId(id), connector: JOOR_CONNECTOR });
    return row ? toType(row) : null;
  }

  @Authorized("EDITOR")
  @Mutation(() => JoorInboundOrderType, { description: "Tries a held order again now (after its customer, barcodes or data were fixed)" })
  async retryJoorInboundOrder(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<JoorInboundOrderType> {
    return toType(await retryOne(await depsOf(ctx), parseId(id)));
  }

  @Authorized("EDITOR")
  @Mutation(() => JoorInboundRetryResult, { description: "Tries every held (default) or staged order matching the filter again" })
  async retryJoorInboundOrders(
    @Arg("filter", () => JoorInboundOrderFilter, { nullable: true }) filter: JoorInboundOrderFilter | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<JoorInboundRetryResult> {
    const s = await retryMany(await depsOf(ctx), filter);
    return { tried: s.tried, imported: s.imported, held: s.held, alreadyPresent: s.alreadyPresent };
  }

  @Authorized("EDITOR")
  @Mutation(() => JoorInboundOrderType, { description: "Gives up on a held order: it is kept with the reason given and never imported" })
  async dismissJoorInboundOrder(@Arg("id", () => ID) id: string, @Arg("reason") why: string, @Ctx() ctx: RequestContext): Promise<JoorInboundOrderType> {
    return toType(await dismiss(dataOf(ctx), JOOR_CONNECTOR, parseId(id), why));
  }

  @FieldResolver(() => Order, { nullable: true, description: "The Selvedge order, once imported" })
  order(@Root() row: JoorInboundOrderType, @Ctx() ctx: RequestContext): Promise<Order | null> | null {
    if (row.orderId === null) return null;
    const data = dataOf(ctx);
    const loader = ctx.loaders.get(
      "joor.orderById",
      () => new DataLoader(async (ids: readonly number[]) => oneByKey(ids, await data.repo(Order).findBy({ id: In([...ids]) }), (o) => o.id)),
    );
    return loader.load(row.orderId);
  }
}
