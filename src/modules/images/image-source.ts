import { Readable } from "node:stream";
import type { FileUpload } from "graphql-upload-minimal";
import { badInput } from "../../api/errors";
import { AddressPolicy } from "../../net/address-policy";
import { fetchPublic, FetchTooLarge } from "../../net/public-fetch";

/** Reads at most maxBytes from a stream; more is refused as BAD_USER_INPUT on `field`. */
export async function readLimited(stream: Readable, maxBytes: number, field: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      stream.destroy();
      throw badInput(field, `The image is larger than the limit of ${maxBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  // A multipart parser that hit its own size limit ends the stream early and marks it truncated: what was
  // read is not the whole file, so it is refused as too large rather than stored cut short.
  if ((stream as { truncated?: boolean }).truncated) throw badInput(field, `The image is larger than the limit of ${maxBytes} bytes`);
  return Buffer.concat(chunks);
}

export async function readUpload(upload: Promise<FileUpload>, maxBytes: number): Promise<Buffer> {
  let file: FileUpload;
  try {
    file = await upload;
  } catch (error) {
    throw badInput("file", `The upload could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return await readLimited(file.createReadStream(), maxBytes, "file");
  } catch (error) {
    if (isBadInput(error)) throw error;
    // The multipart parser stops at maxBytes + 1 and reports 413: the file is too large, whatever was read.
    if ((error as { status?: number }).status === 413) throw badInput("file", `The image is larger than the limit of ${maxBytes} bytes`);
    throw badInput("file", `The upload could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The one message for every failure to fetch a URL: it must not tell an open port from a closed one. */
export const FETCH_FAILED_MESSAGE = "The image could not be fetched from this URL (only public http(s) hosts are fetched)";

/**
 * Fetches an https:, http: or data: URL with a timeout (for the whole transfer) and a size cap. http(s) URLs
 * only reach public addresses (or those the allow-list names), see src/net/public-fetch.ts. Plain http: is
 * accepted (supplier image hosts still use it); the bytes are checked as an image either way.
 */
export async function fetchImageUrl(url: string, maxBytes: number, options: { policy?: AddressPolicy; timeoutMs?: number } = {}): Promise<Buffer> {
  if (!url.trim()) throw badInput("url", "The URL is empty");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badInput("url", `"${url.slice(0, 100)}" is not a valid URL`);
  }
  if (parsed.protocol === "data:") return decodeDataUrl(url, maxBytes);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw badInput("url", `Only https:, http: and data: URLs are accepted, not ${parsed.protocol}`);
  }
  try {
    return await fetchPublic(parsed, { policy: options.policy ?? new AddressPolicy(), maxBytes, timeoutMs: options.timeoutMs ?? 15_000 });
  } catch (error) {
    if (error instanceof FetchTooLarge) throw badInput("url", `The image is larger than the limit of ${maxBytes} bytes`);
    const refused = badInput("url", FETCH_FAILED_MESSAGE);
    // The reason stays on the server side (logs, debugger), never in the answer.
    (refused as { cause?: unknown }).cause = error;
    throw refused;
  }
}

function isBadInput(error: unknown): boolean {
  return (error as { extensions?: { code?: string } }).extensions?.code === "BAD_USER_INPUT";
}

/** Decodes a data: URL (base64 or percent-encoded bytes), refusing one larger than maxBytes before decoding it. */
function decodeDataUrl(url: string, maxBytes: number): Buffer {
  const match = /^data:([^,]*?)(;base64)?,(.*)$/is.exec(url);
  if (!match) throw badInput("url", "The data: URL is malformed");
  const body = match[3];
  const tooLarge = () => badInput("url", `The image is larger than the limit of ${maxBytes} bytes`);
  if (match[2]) {
    const compact = body.replace(/\s+/g, "");
    if (Math.floor((compact.length * 3) / 4) - 2 > maxBytes) throw tooLarge();
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact)) throw badInput("url", "The data: URL is not valid base64");
    const data = Buffer.from(compact, "base64");
    if (data.length > maxBytes) throw tooLarge();
    return data;
  }
  // Percent-encoded: each %XX is one byte, other characters stand for themselves (RFC 2397).
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    if (bytes.length > maxBytes) throw tooLarge();
    if (body[i] === "%") {
      const hex = body.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw badInput("url", "The data: URL has a malformed %-escape");
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      const code = body.charCodeAt(i);
      if (code > 0x7f) throw badInput("url", "The data: URL has a character that is not %-encoded");
      bytes.push(code);
    }
  }
  if (bytes.length > maxBytes) throw tooLarge();
  return Buffer.from(bytes);
}
