import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { RequestContext } from "../../api/context";
import { Product } from "../../entities/product.entity";
import { ProductionDocketLine } from "../../entities/production-docket-line.entity";
import { Season } from "../../entities/season.entity";
import { seasonLoader } from "../season/season.loaders";
import { SetProductionDocketLineInput } from "./catalogue.inputs";
import { productLoader } from "./catalogue.loaders";

/** Production docket lines: when a product's production line starts in a season (= availableFrom of its projected stock). */
@Resolver(() => ProductionDocketLine)
export class DocketLineResolver {
  @FieldResolver(() => Season)
  async season(@Root() line: ProductionDocketLine, @Ctx() ctx: RequestContext): Promise<Season> {
    return (await seasonLoader(ctx).load(line.seasonId))!;
  }

  @FieldResolver(() => Product)
  async product(@Root() line: ProductionDocketLine, @Ctx() ctx: RequestContext): Promise<Product> {
    return (await productLoader(ctx).load(line.productId))!;
  }

  @Authorized("EDITOR")
  @Mutation(() => ProductionDocketLine, { description: "Sets the product line start date (and quantity) of a product in a season" })
  setProductionDocketLine(@Arg("input") input: SetProductionDocketLineInput, @Ctx() ctx: RequestContext): Promise<ProductionDocketLine> {
    return ctx.services.stock.setDocketLine(ctx.scope, input);
  }
}
