/**
 * Fetch an asset's source_url (http, https or data:) and record what it really is. Image
 * dimensions and format come from sharp's metadata() (sharp is a project dependency, and reads
 * only the header for this), so the sandbox reports the true width/height/content type of what
 * the connector sent rather than trusting file names or Content-Type headers.
 */
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
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
  constructor(
    public readonly code: "FETCH_FAILED" | "INVALID_ASSET" | "ASSET_TOO_LARGE",
    message: string,
  ) {
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

/** Addresses JOOR's servers could never fetch from: loopback, private, link-local, CGNAT, unspecified. */
const NON_PUBLIC = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const) {
  NON_PUBLIC.addSubnet(net, bits, "ipv4");
}
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
] as const)
  NON_PUBLIC.addSubnet(net, bits, "ipv6");

function nonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const a = mapped ? mapped[1] : address;
  return NON_PUBLIC.check(a, isIP(a) === 6 ? "ipv6" : "ipv4");
}

/** Refuse URLs whose host is (or resolves to) a non-public address, unless permissive. */
async function checkPublic(u: URL): Promise<void> {
  const host = u.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true })).map((r) => r.address);
    } catch (e) {
      throw new ProbeError("FETCH_FAILED", `could not resolve ${host}: ${(e as Error).message}`);
    }
  }
  if (host === "localhost" || addresses.some(nonPublicAddress)) {
    throw new ProbeError(
      "INVALID_ASSET",
      `source_url host ${host} is not a public address JOOR could fetch from (start the sandbox with permissiveAssets / JOOR_SANDBOX_PERMISSIVE_ASSETS=1 to allow loopback and private hosts)`,
    );
  }
}

/** Fetch, following up to 5 redirects; outside permissive mode every hop must be public. */
async function fetchChecked(url: string, permissive: boolean, timeoutMs: number): Promise<Response> {
  if (permissive) return fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
  const signal = AbortSignal.timeout(timeoutMs);
  let current = new URL(url);
  for (let hop = 0; hop <= 5; hop++) {
    if (current.protocol !== "http:" && current.protocol !== "https:")
      throw new ProbeError("INVALID_ASSET", `source_url redirected to a ${current.protocol} URL`);
    await checkPublic(current);
    const res = await fetch(current, { signal, redirect: "manual" });
    const location = res.status >= 300 && res.status < 400 ? res.headers.get("location") : null;
    if (!location) return res;
    await res.body?.cancel().catch(() => undefined);
    current = new URL(location, current);
  }
  throw new ProbeError("FETCH_FAILED", "source_url redirected more than 5 times");
}

export async function probeAsset(
  url: string,
  kind: "image" | "video",
  opts: { timeoutMs: number; maxBytes: number; permissive?: boolean },
): Promise<ProbeResult> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ProbeError("INVALID_ASSET", `source_url is not a valid URL: ${url.slice(0, 200)}`);
  }
  const permissive = opts.permissive ?? false;
  if (parsed.protocol === "data:" && !permissive) {
    throw new ProbeError(
      "INVALID_ASSET",
      "data: URLs are not fetchable by JOOR; the sandbox accepts them only when started with permissiveAssets (JOOR_SANDBOX_PERMISSIVE_ASSETS=1)",
    );
  }
  if (!["http:", "https:", "data:"].includes(parsed.protocol)) {
    throw new ProbeError("INVALID_ASSET", `source_url must be http or https${permissive ? " (or data:)" : ""} (got ${parsed.protocol})`);
  }
  let res: Response;
  try {
    res = parsed.protocol === "data:" ? await fetch(url) : await fetchChecked(url, permissive, opts.timeoutMs);
  } catch (e) {
    if (e instanceof ProbeError) throw e;
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
  return {
    content_type: type,
    declared_content_type: declared,
    format: meta.format as string,
    width: meta.width ?? null,
    height: meta.height ?? null,
    size_bytes: body.length,
  };
}
