import sharp from "sharp";
import { badInput } from "../../api/errors";

const CONTENT_TYPES: Record<string, { contentType: string; extension: string }> = {
  jpeg: { contentType: "image/jpeg", extension: "jpg" },
  png: { contentType: "image/png", extension: "png" },
  webp: { contentType: "image/webp", extension: "webp" },
};

/** Largest picture accepted (50 megapixels): a small file can declare a huge canvas, and decoding it costs 3-4 bytes a pixel. */
export const MAX_IMAGE_PIXELS = 50_000_000;

export interface InspectedImage {
  width: number;
  height: number;
  contentType: string;
  extension: string;
}

/** Reads an image's real type and size (sharp/libvips); only JPEG, PNG and WebP are accepted. */
export async function inspectImage(data: Buffer, field: string): Promise<InspectedImage> {
  let meta: sharp.Metadata;
  try {
    meta = await sharp(data).metadata();
  } catch {
    throw badInput(field, "The file is not a readable image");
  }
  const kind = meta.format ? CONTENT_TYPES[meta.format] : undefined;
  if (!kind) throw badInput(field, `Unsupported image type "${meta.format ?? "unknown"}": use JPEG, PNG or WebP`);
  if (!meta.width || !meta.height) throw badInput(field, "The image has no dimensions");
  if (meta.width * meta.height > MAX_IMAGE_PIXELS) {
    throw badInput(field, `The image is ${meta.width}x${meta.height} pixels, more than the limit of ${MAX_IMAGE_PIXELS / 1_000_000} megapixels`);
  }
  // EXIF orientations 5-8 rotate by 90°: report the size as displayed.
  const rotated = (meta.orientation ?? 1) >= 5;
  try {
    await sharp(data, { limitInputPixels: MAX_IMAGE_PIXELS }).stats();
  } catch {
    throw badInput(field, "The image is corrupt or truncated");
  }
  return { width: rotated ? meta.height : meta.width, height: rotated ? meta.width : meta.height, ...kind };
}
