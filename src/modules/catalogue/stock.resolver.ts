import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { RequestContext, brandOf } from "../../api/context";
import { ProductionDocketLine } from "../../entities/production-docket-line.entity";
import { Season } from "../../entities/season.entity";
import { StockLevel } from "../../entities/stock-level.entity";
import { Variant } from "../../entities/variant.entity";
import { seasonLoader } from "../season/season.resolver";
import { SetProductionDocketLineInput, SetStockLevelInput } from "./catalogue.inputs";
import { variantLoader } from "./catalogue.loaders";

@Resolver(() => StockLevel)
export class StockResolver {
  @FieldResolver(() => Variant)
  async variant(@Root() level: StockLevel, @Ctx() ctx: RequestContext): Promise<Variant> {
    return (await variantLoader(ctx).load(level.variantId))!;
  }

  @FieldResolver(() => Season)
  async season(@Root() level: StockLevel, @Ctx() ctx: RequestContext): Promise<Season> {
    return (await seasonLoader(ctx).load(level.seasonId))!;
  }

  @Authorized("EDITOR")
  @Mutation(() => StockLevel)
  async setStockLevel(@Arg("input") input: SetStockLevelInput, @Ctx() ctx: RequestContext): Promise<StockLevel> {
    return (await ctx.services.stock.setStockLevels(brandOf(ctx), [input], (_i, f) => f))[0];
  }

  @Authorized("EDITOR")
  @Mutation(() => [StockLevel], { description: "Sets many stock levels at once, all or nothing" })
  setStockLevels(@Arg("levels", () => [SetStockLevelInput]) levels: SetStockLevelInput[], @Ctx() ctx: RequestContext): Promise<StockLevel[]> {
    return ctx.services.stock.setStockLevels(brandOf(ctx), levels);
  }

  @Authorized("EDITOR")
  @Mutation(() => ProductionDocketLine, { description: "Sets the product line start date (and quantity) of a product in a season" })
  setProductionDocketLine(@Arg("input") input: SetProductionDocketLineInput, @Ctx() ctx: RequestContext): Promise<ProductionDocketLine> {
    return ctx.services.stock.setDocketLine(brandOf(ctx), input);
  }
}
