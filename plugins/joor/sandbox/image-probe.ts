/**
 * Fetch an asset's source_url (http, https or data:) and record what it really is. Image
 * dimensions and format come from sharp's metadata() (sharp is a project dependency, and reads
 * only the header for this), so the sandbox reports the true width/height/content type of what
 * the connector sent rather than trusting file names or Content-Type headers.
 */
import sharp from "sharp";

export interface ProbeResult {
  content_type: string;
  declared_content_type: string | null;
  format: string;
  width: number | null;
  height: number | null;
  size_bytes: number;
}

export class ProbeError extends Error {
  constructor(public readonly code: "FETCH_FAILED" | "INVALID_ASSET" | "ASSET_TOO_LARGE", message: string) {
    super(message);
  }
}

const IMAGE_TYPES: Record<string, string> = { jpeg: "image/jpeg", png: "image/png", gif: "image/gif" };

async function readCapped(res: Response, maxBytes: number): Promise<Buffer> {
  const len = Number(res.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(len) && len > maxBytes) throw new ProbeError("ASSET_TOO_LARGE", `asset is ${len} bytes; the limit is ${maxBytes}`);
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ProbeError("ASSET_TOO_LARGE", `asset is larger than the limit of ${maxBytes} bytes`);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

export async function probeAsset(url: string, kind: "image" | "video", opts: { timeoutMs: number; maxBytes: number }): Promise<ProbeResult> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ProbeError("INVALID_ASSET", `source_url is not a valid URL: ${url.slice(0, 200)}`);
  }
  if (!["http:", "https:", "data:"].includes(parsed.protocol)) {
    throw new ProbeError("INVALID_ASSET", `source_url must be http, https or data: (got ${parsed.protocol})`);
  }
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(opts.timeoutMs), redirect: "follow" });
  } catch (e) {
    throw new ProbeError("FETCH_FAILED", `could not fetch source_url: ${(e as Error).message}`);
  }
  if (!res.ok) throw new ProbeError("FETCH_FAILED", `source_url answered HTTP ${res.status}`);
  const declared = res.headers.get("content-type");
  const body = await readCapped(res, opts.maxBytes).catch((e: unknown) => {
    if (e instanceof ProbeError) throw e;
    throw new ProbeError("FETCH_FAILED", `could not read source_url: ${(e as Error).message}`);
  });
  if (body.length === 0) throw new ProbeError("INVALID_ASSET", "source_url returned an empty body");

  if (kind === "video") {
    if (body.length < 12 || body.subarray(4, 8).toString("latin1") !== "ftyp") {
      throw new ProbeError("INVALID_ASSET", "video assets must be MP4 files");
    }
    return { content_type: "video/mp4", declared_content_type: declared, format: "mp4", width: null, height: null, size_bytes: body.length };
  }
  let meta: sharp.Metadata;
  try {
    meta = await sharp(body).metadata();
  } catch (e) {
    throw new ProbeError("INVALID_ASSET", `source_url is not a readable image: ${(e as Error).message}`);
  }
  const type = meta.format ? IMAGE_TYPES[meta.format] : undefined;
  if (!type) throw new ProbeError("INVALID_ASSET", `image format '${meta.format ?? "unknown"}' is not accepted (JPEG, PNG or GIF only)`);
  return { content_type: type, declared_content_type: declared, format: meta.format as string, width: meta.width ?? null, height: meta.height ?? null, size_bytes: body.length };
}
