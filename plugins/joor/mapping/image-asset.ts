import { JOOR_IMAGE_RULE } from "./image-rule";

/** JOOR v4 product asset item (`POST /v4/assets/products`). */
export interface JoorAssetItem {
  product: { id: string };
  asset: { type: "image"; filename: string; source_url: string };
  display_order: number;
}

/**
 * A stable asset filename (≤ 100 characters, .jpg): style, colour and the first 16 hex digits of the
 * image's SHA-256, so the same picture always has the same name and a changed picture a new one.
 */
export function assetFilename(styleNumber: string, colourCode: string, checksum: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "_");
  return `${safe(styleNumber).slice(0, 40)}-${safe(colourCode).slice(0, 30)}-${checksum.slice(0, 16)}.jpg`;
}

export function imageOneAsset(joorProductId: string, styleNumber: string, colourCode: string, checksum: string, sourceUrl: string): JoorAssetItem {
  return {
    product: { id: joorProductId },
    asset: { type: "image", filename: assetFilename(styleNumber, colourCode, checksum), source_url: sourceUrl },
    display_order: 0,
  };
}

/** A source picture below JOOR's ideal 660×900 is still sent (enlarged onto the canvas), with a warning. */
export function smallImageWarning(width: number, height: number): string | null {
  if (width >= JOOR_IMAGE_RULE.ratioWidth && height >= JOOR_IMAGE_RULE.ratioHeight) return null;
  return `Image 1 is ${width}×${height} pixels, smaller than JOOR's ideal ${JOOR_IMAGE_RULE.ratioWidth}×${JOOR_IMAGE_RULE.ratioHeight}: it was sent enlarged and may look soft`;
}
