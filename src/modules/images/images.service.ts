import { createHash } from "node:crypto";
import sharp from "sharp";
import type { FileUpload } from "graphql-upload-minimal";
import { groupByKey } from "../../api/batch";
import { isUniqueViolation } from "../../db/db-errors";
import type { BrandScope } from "../../db/brand-scope";
import { brandTerm, placeholders } from "../../db/hot-rows";
import type { SystemData } from "../../db/system-data";
import { InputProblems, badInput, notFound } from "../../api/errors";
import { exportRuleName, exportSize, ExportSizeRule } from "../../domain/image-export-size";
import { Product } from "../../entities/product.entity";
import { ProductImage } from "../../entities/product-image.entity";
import { MediaStorage } from "../../media/media-storage";
import { inspectImage } from "./image-inspect";
import { fetchImageUrl, readUpload } from "./image-source";
import { AddressPolicy } from "../../net/address-policy";

export const MAX_IMAGE_POSITION = 20;

export interface ImageSource {
  file?: Promise<FileUpload> | null;
  url?: string | null;
}

/** Product images: files in the media storage, metadata in product_image. Position 1 is "Image 1". */
export class ImageService {
  constructor(
    /** Only for the public export URL, whose path names the brand (renderStoredForExport). */
    private readonly system: SystemData,
    private readonly media: MediaStorage,
    private readonly maxBytes: number,
    /** Which addresses image URLs may reach (public only, plus SELVEDGE_IMAGE_FETCH_ALLOW). */
    private readonly fetchPolicy: AddressPolicy = new AddressPolicy(),
    private readonly baseUrl: () => string = () => "",
    /** The renditions served at /media/export/<name>/… (declared by the installed plugins: `exportSizes`). */
    private readonly exportSizes: Readonly<Record<string, ExportSizeRule>> = {},
  ) {}

  /** Renders in progress, so that a burst of fetches of one image renders it once. */
  private readonly rendering = new Map<string, Promise<{ data: Buffer; contentType: string }>>();

  /** Images of many products in one statement, in position order (UQ_product_image_position); `createdAt` only when asked for. */
  async imagesByProduct(scope: BrandScope, productIds: readonly number[], withCreatedAt = true): Promise<ProductImage[][]> {
    const rows = await scope.rows(
      `SELECT i.id, i.productId, i.position, i.width, i.height, i.contentType, i.byteSize, i.storageKey, i.checksum${withCreatedAt ? ", i.createdAt" : ""}` +
        ` FROM product_image i WHERE i.productId IN (${placeholders(productIds.length)}) AND ${brandTerm("i")} ORDER BY i.productId, i.position`,
      [...productIds, scope.brandId],
    );
    const createdAt = withCreatedAt ? scope.hydrator(ProductImage, "createdAt") : undefined;
    const images = rows.map((r) => {
      const image = new ProductImage();
      image.id = r[0] as number;
      image.brandId = scope.brandId;
      image.productId = r[1] as number;
      image.position = r[2] as number;
      image.width = r[3] as number;
      image.height = r[4] as number;
      image.contentType = r[5] as string;
      image.byteSize = r[6] as number;
      image.storageKey = r[7] as string;
      image.checksum = r[8] as string;
      if (createdAt) image.createdAt = createdAt(r[9]) as Date;
      return image;
    });
    return groupByKey(productIds, images, (r) => r.productId);
  }

  async get(scope: BrandScope, id: number): Promise<ProductImage> {
    const image = await scope.repo(ProductImage).findOneBy({ id });
    if (!image) throw notFound("ProductImage", id);
    return image;
  }

  /** Stores an image at a position (replacing what was there). Validated fully before anything is written. */
  async attach(scope: BrandScope, productId: number, position: number, source: ImageSource): Promise<ProductImage> {
    const p = new InputProblems();
    p.check(Number.isInteger(position) && position >= 1 && position <= MAX_IMAGE_POSITION, "position", `must be between 1 and ${MAX_IMAGE_POSITION}`);
    const hasFile = source.file != null;
    const hasUrl = source.url != null;
    if (hasFile === hasUrl) p.add(hasFile ? "url" : "file", "Give exactly one of file (an upload) or url");
    p.throwIfAny();
    if (!(await scope.repo(Product).exists({ id: productId }))) throw notFound("Product", productId, "productId");

    const field = hasFile ? "file" : "url";
    const data = hasFile ? await readUpload(source.file!, this.maxBytes) : await fetchImageUrl(source.url!, this.maxBytes, { policy: this.fetchPolicy });
    if (data.length === 0) throw badInput(field, "The image is empty");
    const info = await inspectImage(data, field);
    const checksum = createHash("sha256").update(data).digest("hex");
    const storageKey = `brand-${scope.brandId}/product-${productId}/${checksum}.${info.extension}`;
    await this.media.put(storageKey, data, info.contentType);

    let replacedKey: string | null = null;
    const store = () =>
      scope.transaction(async (tx) => {
        const repo = tx.repo(ProductImage);
        const existing = await repo.findOneBy({ productId, position });
        replacedKey = existing && existing.storageKey !== storageKey ? existing.storageKey : null;
        const image = existing ?? repo.create({ productId, position });
        Object.assign(image, { width: info.width, height: info.height, contentType: info.contentType, byteSize: data.length, storageKey, checksum });
        return repo.save(image);
      });
    try {
      // Two attaches to the same free position at once: the loser's insert hits the unique key; it then replaces the winner's.
      const saved = await store().catch((error) => (isUniqueViolation(error) ? store() : Promise.reject(error)));
      if (replacedKey) await this.deleteFileIfUnused(scope, replacedKey);
      return saved;
    } catch (error) {
      await this.deleteFileIfUnused(scope, storageKey);
      throw error;
    }
  }

  async remove(scope: BrandScope, id: number): Promise<boolean> {
    const image = await this.get(scope, id);
    await scope.repo(ProductImage).delete({ id: image.id });
    await this.deleteFileIfUnused(scope, image.storageKey);
    return true;
  }

  /** "Image 1" of a product, or null. */
  imageOne(scope: BrandScope, productId: number): Promise<ProductImage | null> {
    return scope.repo(ProductImage).findOneBy({ productId, position: 1 });
  }

  /**
   * The image as a platform wants it: normalised to the rule's ratio (letterboxed on white, never cropped),
   * at most the rule's maximum size, as JPEG (the rule is the caller's, e.g. a connector's 660×900 ratio, at most 1320×1800).
   */
  async renderForExport(
    scope: BrandScope,
    imageId: number,
    rule: ExportSizeRule,
  ): Promise<{ data: Buffer; width: number; height: number; contentType: string }> {
    const image = await this.get(scope, imageId);
    const file = await this.media.get(image.storageKey);
    if (!file) throw new Error(`The file of image ${imageId} is missing from the media storage (${image.storageKey})`);
    const chunks: Buffer[] = [];
    for await (const chunk of file.stream) chunks.push(chunk as Buffer);
    const { width, height } = exportSize(image.width, image.height, rule);
    const source = Buffer.concat(chunks);
    const render = (quality: number) =>
      sharp(source)
        .rotate()
        .resize(width, height, { fit: "contain", background: { r: 255, g: 255, b: 255, alpha: 1 } })
        .flatten({ background: "#ffffff" })
        // libjpeg-turbo rather than mozjpeg: ~4× faster to encode (platforms fetch many of these at once), files ~10 % larger
        .jpeg({ quality, mozjpeg: false })
        .toBuffer();
    let data = await render(88);
    // Within the platform's byte limit (rule.maxBytes): lower the quality step by step.
    for (const quality of [75, 60, 45, 30]) {
      if (!rule.maxBytes || data.length <= rule.maxBytes) break;
      data = await render(quality);
    }
    return { data, width, height, contentType: "image/jpeg" };
  }

  /**
   * The stable public URL of an image's export rendition (see renderStoredForExport). It names the stored
   * file, whose key holds the SHA-256 of its content: the URL changes exactly when the picture does, and a
   * platform that fetches it gets the same bytes every time.
   */
  exportUrl(image: Pick<ProductImage, "storageKey">, rule: ExportSizeRule): string {
    return `${this.baseUrl()}/media/export/${exportRuleName(this.exportSizes, rule)}/${image.storageKey.replace(/\.[a-z0-9]+$/i, "")}.jpg`;
  }

  /**
   * `GET /media/export/<rule>/<storage key without extension>.jpg`: the rendition of a stored image (as
   * renderForExport), cached in the media storage after the first render. Null when there is no such image.
   */
  async renderStoredForExport(ruleName: string, path: string): Promise<{ data: Buffer; contentType: string } | null> {
    const rule = Object.prototype.hasOwnProperty.call(this.exportSizes, ruleName) ? this.exportSizes[ruleName] : undefined;
    const m = /^brand-(\d+)\/product-(\d+)\/([0-9a-f]{64})\.jpg$/.exec(path);
    if (!rule || !m) return null;
    const cacheKey = `export-cache/${ruleName}/${path}`;
    const cached = await this.media.get(cacheKey);
    if (cached) {
      const chunks: Buffer[] = [];
      for await (const chunk of cached.stream) chunks.push(chunk as Buffer);
      return { data: Buffer.concat(chunks), contentType: "image/jpeg" };
    }
    let pending = this.rendering.get(cacheKey);
    if (!pending) {
      pending = (async () => {
        // public and unauthenticated: the brand comes from the path (the file key holds the brand and the content hash)
        const scope = this.system.scopeFor(Number(m[1]));
        const image = await scope.repo(ProductImage).findOneBy({ productId: Number(m[2]), checksum: m[3] });
        if (!image) return { data: Buffer.alloc(0), contentType: "" };
        const rendered = await this.renderForExport(scope, image.id, rule);
        await this.media.put(cacheKey, rendered.data, rendered.contentType);
        return rendered;
      })().finally(() => this.rendering.delete(cacheKey));
      this.rendering.set(cacheKey, pending);
    }
    const result = await pending;
    return result.data.length ? result : null;
  }

  /** Storage keys start with the brand (`brand-<id>/…`): only this brand's rows can name the file. */
  private async deleteFileIfUnused(scope: BrandScope, storageKey: string): Promise<void> {
    if (!(await scope.repo(ProductImage).exists({ storageKey }))) await this.media.delete(storageKey);
  }
}
