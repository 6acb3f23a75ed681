import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { RequestContext } from "../../api/context";
import { Season } from "../../entities/season.entity";
import { StockLevel } from "../../entities/stock-level.entity";
import { Variant } from "../../entities/variant.entity";
import { seasonById } from "../season/season.loaders";
import { SetStockLevelInput } from "./catalogue.inputs";
import { variantLoader } from "./catalogue.loaders";

@Resolver(() => StockLevel)
export class StockResolver {
  @FieldResolver(() => Variant)
  async variant(@Root() level: StockLevel, @Ctx() ctx: RequestContext): Promise<Variant> {
    return (await variantLoader(ctx).load(level.variantId))!;
  }

  @FieldResolver(() => Season)
  season(@Root() level: StockLevel, @Ctx() ctx: RequestContext): Season | Promise<Season> {
    return seasonById(ctx, level.seasonId) as Season | Promise<Season>;
  }

  @Authorized("EDITOR")
  @Mutation(() => StockLevel)
  async setStockLevel(@Arg("input") input: SetStockLevelInput, @Ctx() ctx: RequestContext): Promise<StockLevel> {
    return (await ctx.services.stock.setStockLevels(ctx.scope, [input], (_i, f) => f))[0];
  }

  @Authorized("EDITOR")
  @Mutation(() => [StockLevel], { description: "Sets many stock levels at once, all or nothing" })
  setStockLevels(@Arg("inputs", () => [SetStockLevelInput]) inputs: SetStockLevelInput[], @Ctx() ctx: RequestContext): Promise<StockLevel[]> {
    return ctx.services.stock.setStockLevels(ctx.scope, inputs);
  }
}
