import { GraphQLResolveInfo } from "graphql";
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import { selectedFields } from "../../api/selection";
import { RequestContext } from "../../api/context";
import { parseId } from "../../api/ids";
import { Product } from "../../entities/product.entity";
import { StockLevel } from "../../entities/stock-level.entity";
import { Variant } from "../../entities/variant.entity";
import { UpdateVariantInput } from "./catalogue.inputs";
import { productLoader, stockByVariantLoader, stockReadFor } from "./catalogue.loaders";

@Resolver(() => Variant)
export class VariantResolver {
  @Authorized()
  @Query(() => Variant, { nullable: true, description: "The brand's variant with this EAN-13/UPC-A barcode" })
  variantByBarcode(@Arg("barcode") barcode: string, @Ctx() ctx: RequestContext): Promise<Variant | null> {
    return ctx.services.variants.findByBarcode(ctx.scope, barcode);
  }

  @Authorized()
  @Query(() => Variant)
  variant(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Variant> {
    return ctx.services.variants.get(ctx.scope, parseId(id));
  }

  @FieldResolver(() => Product)
  async product(@Root() variant: Variant, @Ctx() ctx: RequestContext): Promise<Product> {
    return (await productLoader(ctx).load(variant.productId))!;
  }

  @FieldResolver(() => [StockLevel], { description: "Stock per season" })
  stock(@Root() variant: Variant, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): StockLevel[] | Promise<StockLevel[]> {
    const read = stockReadFor(selectedFields(info));
    const prefetched = variant.prefetchedStock;
    if (prefetched && prefetched.read === read) return prefetched.levels;
    return stockByVariantLoader(ctx, read).load(variant.id);
  }

  @Authorized("EDITOR")
  @Mutation(() => Variant, { description: "Adds a size at the end of the product's size run" })
  addVariant(
    @Arg("productId", () => ID) productId: string,
    @Arg("size") size: string,
    @Arg("barcode", () => String, { nullable: true }) barcode: string | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<Variant> {
    return ctx.services.variants.add(ctx.scope, parseId(productId, "productId"), size, barcode);
  }

  @Authorized("EDITOR")
  @Mutation(() => Variant)
  updateVariant(@Arg("input") input: UpdateVariantInput, @Ctx() ctx: RequestContext): Promise<Variant> {
    return ctx.services.variants.update(ctx.scope, input, parseId(input.id));
  }

  @Authorized("EDITOR")
  @Mutation(() => Variant)
  deactivateVariant(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Variant> {
    return ctx.services.variants.deactivate(ctx.scope, parseId(id));
  }
}
