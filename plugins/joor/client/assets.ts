import { bulkWrite } from "./bulk";
import type { ItemResult } from "./envelope";
import type { JoorHttp } from "./http";
import type { JoorAssetItem } from "../mapping/image-asset";

export interface JoorAsset {
  id: string;
  product?: { id: string };
  product_id?: string;
  filename: string;
  width?: number | null;
  height?: number | null;
}

/**
 * v4 product assets by URL (`POST /v4/assets/products`): JOOR downloads each `source_url`. Sent with
 * `replace_all=true`, so a product's image assets are replaced rather than added to: re-sending Image 1 (a
 * changed picture, or a retry after a crash) never leaves two images on the product. Only `image` assets are
 * sent, so swatches and videos are left alone.
 */
export class AssetsApi {
  constructor(
    private readonly http: JoorHttp,
    private readonly batchSize: number,
  ) {}

  replaceImages(items: JoorAssetItem[]): Promise<ItemResult<JoorAssetItem, JoorAsset>[]> {
    return bulkWrite<JoorAssetItem, JoorAsset>(this.http, "/assets/products", items, {
      batchSize: this.batchSize,
      query: { replace_all: "true" },
      keyOf: (x) => {
        const o = x as unknown as Record<string, unknown>;
        const product = (o.product as { id?: string } | undefined)?.id ?? (o.product_id as string | undefined);
        const filename = (o.asset as { filename?: string } | undefined)?.filename ?? (o.filename as string | undefined);
        return product && filename ? `${product}|${filename}` : undefined;
      },
    });
  }
}
