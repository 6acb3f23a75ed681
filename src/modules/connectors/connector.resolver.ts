import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { RequestContext, brandOf } from "../../api/context";
import { Connector, ConnectorSetting, ConnectorSettingInput } from "./connector.types";

/** Installed connectors: which the brand enabled, their operations and (ADMIN only) their settings. */
@Resolver(() => Connector)
export class ConnectorResolver {
  @Authorized()
  @Query(() => [Connector], { description: "Installed connector plugins, as this brand sees them" })
  async connectors(@Ctx() ctx: RequestContext): Promise<Connector[]> {
    return (await ctx.services.connectors.list(brandOf(ctx))).map(Connector.from);
  }

  @Authorized()
  @Query(() => Connector)
  async connector(@Arg("name") name: string, @Ctx() ctx: RequestContext): Promise<Connector> {
    return Connector.from((await ctx.services.connectors.list(brandOf(ctx), name))[0]);
  }

  @Authorized("ADMIN")
  @FieldResolver(() => [ConnectorSetting], { description: "ADMIN only. Secrets are write-only: isSet, never the value" })
  settings(@Root() connector: Connector, @Ctx() ctx: RequestContext): ConnectorSetting[] {
    return ctx.services.connectors.describeSettings(connector.info);
  }

  @Authorized("ADMIN")
  @Mutation(() => Connector, {
    description: "Enables the connector for this brand (adds its module to Brand.modules) and creates its operations' default schedules",
  })
  async enableConnector(@Arg("name") name: string, @Ctx() ctx: RequestContext): Promise<Connector> {
    const info = await ctx.services.connectors.setEnabled(brandOf(ctx), name, true);
    await ctx.services.schedules.ensureDefaults(brandOf(ctx), name);
    return Connector.from(info);
  }

  @Authorized("ADMIN")
  @Mutation(() => Connector, { description: "Disables the connector for this brand; its jobs are refused until enabled again" })
  async disableConnector(@Arg("name") name: string, @Ctx() ctx: RequestContext): Promise<Connector> {
    return Connector.from(await ctx.services.connectors.setEnabled(brandOf(ctx), name, false));
  }

  @Authorized("ADMIN")
  @Mutation(() => Connector, { description: "Sets (or with a null value clears) settings; others stay. All are validated first" })
  async updateConnectorSettings(
    @Arg("connector") connector: string,
    @Arg("values", () => [ConnectorSettingInput]) values: ConnectorSettingInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<Connector> {
    const merged: Record<string, unknown> = {};
    for (const v of values) merged[v.key] = v.value === undefined ? null : v.value;
    return Connector.from(await ctx.services.connectors.updateSettings(brandOf(ctx), connector, merged));
  }
}
