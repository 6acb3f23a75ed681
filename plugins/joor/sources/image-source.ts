import type { BrandScope } from "../../../src/plugin";
import { keysetPages, num, rows } from "./keyset";

export interface ImageSourceProduct {
  id: number;
  styleNumber: string;
  colourCode: string;
  /** "Image 1" (position 1), or null when the product has none. */
  image: { id: number; width: number; height: number; checksum: string; storageKey: string } | null;
}

/** Active products with their Image 1 (position 1 only), one keyset page at a time. Brand-scoped. */
export async function* imagePages(data: BrandScope, pageSize = 500): AsyncGenerator<ImageSourceProduct[]> {
  const pages = keysetPages(
    (after, limit) =>
      rows<Record<string, unknown> & { id: number }>(
        data,
        `SELECT p.id AS id, p.styleNumber AS styleNumber, p.colourCode AS colourCode, i.id AS imageId, i.width AS width, i.height AS height, i.checksum AS checksum, i.storageKey AS storageKey
       FROM product p LEFT JOIN product_image i ON i.productId = p.id AND i.position = 1 AND i.brandId = p.brandId
       WHERE p.brandId = ? AND p.active = 1 AND p.id > ? ORDER BY p.id LIMIT ${Number(limit)}`,
        [after],
      ),
    pageSize,
  );
  for await (const page of pages) {
    yield page.map((r) => ({
      id: num(r.id),
      styleNumber: String(r.styleNumber),
      colourCode: String(r.colourCode),
      image:
        r.imageId === null || r.imageId === undefined
          ? null
          : { id: num(r.imageId), width: num(r.width), height: num(r.height), checksum: String(r.checksum), storageKey: String(r.storageKey) },
    }));
  }
}
