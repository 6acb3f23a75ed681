import { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, ObjectType, Field, Query, Resolver, Root } from "type-graphql";
import { selectedAt, selectedFields, selectedSubfields } from "../../api/selection";
import { RequestContext } from "../../api/context";
import { parseId } from "../../api/ids";
import { ConnectionType, Page, PageArgs } from "../../api/pagination";
import { Product } from "../../entities/product.entity";
import { ProductionDocketLine } from "../../entities/production-docket-line.entity";
import { Season } from "../../entities/season.entity";
import { SeasonPrice } from "../../entities/season-price.entity";
import { Variant } from "../../entities/variant.entity";
import { seasonLoader } from "../season/season.loaders";
import { CreateProductInput, ProductFilter, UpdateProductInput } from "./catalogue.inputs";
import {
  docketLinesByProductLoader,
  pricesByProductLoader,
  stockReadFor,
  variantsByProductLoader,
  visibilityByProductLoader,
  wantStockWithVariants,
} from "./catalogue.loaders";

export const ProductConnection = ConnectionType(Product);
const PRODUCT_NODE = ["edges", "node"];

@ObjectType({ description: "A season the product is visible in, with its prices there" })
export class ProductSeasonVisibility {
  @Field(() => Season) season: Season;
  @Field(() => [SeasonPrice]) prices: SeasonPrice[];
}

@Resolver(() => Product)
export class ProductResolver {
  @Authorized()
  @Query(() => ProductConnection)
  products(
    @Args() page: PageArgs,
    @Arg("filter", () => ProductFilter, { nullable: true }) filter: ProductFilter | undefined,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Product>> {
    return ctx.services.products.list(ctx.scope, filter, page, selectedAt(info, PRODUCT_NODE));
  }

  @Authorized()
  @Query(() => Product)
  product(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Product> {
    return ctx.services.products.get(ctx.scope, parseId(id));
  }

  @FieldResolver(() => [String], { description: "Size labels in size-run order" })
  async sizes(@Root() product: Product, @Ctx() ctx: RequestContext): Promise<string[]> {
    return (await variantsByProductLoader(ctx).load(product.id)).map((v) => v.size);
  }

  @FieldResolver(() => [Variant], { description: "Variants (SKUs) in size-run order" })
  variants(@Root() product: Product, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Variant[]> {
    if (selectedFields(info).has("stock")) wantStockWithVariants(ctx, stockReadFor(selectedSubfields(info, "stock")));
    return variantsByProductLoader(ctx).load(product.id);
  }

  @FieldResolver(() => [ProductSeasonVisibility], { description: "Seasons the product is visible in, most recent (latest startDate) first, with prices" })
  async seasons(@Root() product: Product, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ProductSeasonVisibility[]> {
    const [visibility, prices] = await Promise.all([
      visibilityByProductLoader(ctx).load(product.id),
      pricesByProductLoader(ctx, selectedSubfields(info, "prices").has("updatedAt")).load(product.id),
    ]);
    const seasons = await seasonLoader(ctx).loadMany(visibility.map((v) => v.seasonId));
    return visibility
      .map((v, i) => ({ season: seasons[i] as Season, prices: prices.filter((p) => p.seasonId === v.seasonId) }))
      .sort((a, b) => mostRecentFirst(a.season, b.season));
  }

  @FieldResolver(() => [SeasonPrice], { description: "Prices, optionally of one season and/or currency" })
  async prices(
    @Root() product: Product,
    @Arg("seasonId", () => ID, { nullable: true }) seasonId: string | undefined,
    @Arg("currency", () => String, { nullable: true }) currency: string | undefined,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SeasonPrice[]> {
    const season = seasonId ? parseId(seasonId, "seasonId") : undefined;
    const prices = await pricesByProductLoader(ctx, selectedFields(info).has("updatedAt")).load(product.id);
    return season === undefined && !currency
      ? prices
      : prices.filter((p) => (season === undefined || p.seasonId === season) && (!currency || p.currency === currency));
  }

  @FieldResolver(() => [ProductionDocketLine], { description: "Production docket lines (product line start dates), most recent season first" })
  async productionDocket(@Root() product: Product, @Ctx() ctx: RequestContext): Promise<ProductionDocketLine[]> {
    const lines = await docketLinesByProductLoader(ctx).load(product.id);
    const seasons = await seasonLoader(ctx).loadMany(lines.map((l) => l.seasonId));
    return lines
      .map((line, i) => ({ line, season: seasons[i] as Season }))
      .sort((a, b) => mostRecentFirst(a.season, b.season))
      .map((x) => x.line);
  }

  @Authorized("EDITOR")
  @Mutation(() => Product)
  createProduct(@Arg("input") input: CreateProductInput, @Ctx() ctx: RequestContext): Promise<Product> {
    return ctx.services.products.create(ctx.scope, input);
  }

  @Authorized("EDITOR")
  @Mutation(() => Product)
  updateProduct(@Arg("input") input: UpdateProductInput, @Ctx() ctx: RequestContext): Promise<Product> {
    return ctx.services.products.update(ctx.scope, input, parseId(input.id));
  }

  @Authorized("EDITOR")
  @Mutation(() => Product, { description: "Marks the product inactive (it is no longer exported)" })
  deactivateProduct(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Product> {
    return ctx.services.products.deactivate(ctx.scope, parseId(id));
  }
}

/** The order of the `seasons` list: latest startDate first, then the later-created season. */
function mostRecentFirst(a: Season, b: Season): number {
  if (a.startDate !== b.startDate) return a.startDate < b.startDate ? 1 : -1;
  return b.id - a.id;
}
