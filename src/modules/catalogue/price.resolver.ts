import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { RequestContext } from "../../api/context";
import { Season } from "../../entities/season.entity";
import { SeasonPrice } from "../../entities/season-price.entity";
import { seasonById } from "../season/season.loaders";
import { SetProductPriceInput } from "./catalogue.inputs";

@Resolver(() => SeasonPrice)
export class PriceResolver {
  @FieldResolver(() => Season)
  season(@Root() price: SeasonPrice, @Ctx() ctx: RequestContext): Season | Promise<Season> {
    return seasonById(ctx, price.seasonId) as Season | Promise<Season>;
  }

  @Authorized("EDITOR")
  @Mutation(() => SeasonPrice, { description: "Sets a season price (the product becomes visible in that season)" })
  setProductPrice(@Arg("input") input: SetProductPriceInput, @Ctx() ctx: RequestContext): Promise<SeasonPrice> {
    return ctx.services.prices.setPrice(ctx.scope, input);
  }

  @Authorized("EDITOR")
  @Mutation(() => Boolean)
  removeProductPrice(
    @Arg("productId", () => ID) productId: string,
    @Arg("seasonId", () => ID) seasonId: string,
    @Arg("currency") currency: string,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    return ctx.services.prices.removePrice(ctx.scope, productId, seasonId, currency);
  }

  @Authorized("EDITOR")
  @Mutation(() => Boolean, { description: "Shows or hides a product in a season; hiding also removes its prices there" })
  setProductSeasonVisibility(
    @Arg("productId", () => ID) productId: string,
    @Arg("seasonId", () => ID) seasonId: string,
    @Arg("visible") visible: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    return ctx.services.prices.setVisibility(ctx.scope, productId, seasonId, visible);
  }
}
