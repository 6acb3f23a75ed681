import DataLoader from "dataloader";
import { RequestContext } from "../../api/context";
import { ProductImage } from "../../entities/product-image.entity";

/** Images by product, one statement per batch; one loader per read shape (with or without createdAt). */
export function imagesByProductLoader(ctx: RequestContext, withCreatedAt = true): DataLoader<number, ProductImage[]> {
  return ctx.loaders.get(withCreatedAt ? "images.byProduct:true" : "images.byProduct:false", () => {
    const scope = ctx.scope;
    return new DataLoader((ids: readonly number[]) => ctx.services.images.imagesByProduct(scope, ids, withCreatedAt));
  });
}
