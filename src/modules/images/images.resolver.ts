import type { FileUpload } from "graphql-upload-minimal";
import { GraphQLUpload } from "graphql-upload-minimal";
import { GraphQLResolveInfo } from "graphql";
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Resolver, Root } from "type-graphql";
import { selectedFields } from "../../api/selection";
import { RequestContext } from "../../api/context";
import { parseId } from "../../api/ids";
import { Product } from "../../entities/product.entity";
import { ProductImage } from "../../entities/product-image.entity";
import { imagesByProductLoader } from "./images.loaders";

@Resolver(() => Product)
export class ProductImagesResolver {
  @FieldResolver(() => [ProductImage], { description: 'Images by position; position 1 is "Image 1" (the one sent to platforms)' })
  images(@Root() product: Product, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ProductImage[]> {
    return imagesByProductLoader(ctx, selectedFields(info).has("createdAt")).load(product.id);
  }
}

@Resolver(() => ProductImage)
export class ImageResolver {
  @FieldResolver(() => String, { description: "Absolute URL of the file, served by Selvedge" })
  url(@Root() image: ProductImage, @Ctx() ctx: RequestContext): string {
    return `${ctx.baseUrl}/media/${image.storageKey}`;
  }

  @Authorized("EDITOR")
  @Mutation(() => ProductImage, {
    description:
      "Stores an image of a product at a position (1-20), from a multipart upload (`file`) or a URL (`url`): https:, http: or data:. " +
      "http(s) URLs are fetched only from public addresses (loopback, private, link-local and metadata addresses are refused, also after a redirect, " +
      "unless the deployment allows them with SELVEDGE_IMAGE_FETCH_ALLOW); every fetch failure gets the same message. Replaces the image at that position",
  })
  attachProductImage(
    @Arg("productId", () => ID) productId: string,
    @Arg("position", () => Int) position: number,
    @Arg("file", () => GraphQLUpload, { nullable: true }) file: Promise<FileUpload> | null,
    @Arg("url", () => String, { nullable: true }) url: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ProductImage> {
    return ctx.services.images.attach(ctx.scope, parseId(productId, "productId"), position, { file, url });
  }

  @Authorized("EDITOR")
  @Mutation(() => Boolean)
  removeProductImage(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return ctx.services.images.remove(ctx.scope, parseId(id));
  }
}
