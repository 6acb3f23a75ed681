import { Readable } from "node:stream";
import type { FileUpload } from "graphql-upload-minimal";
import { badInput } from "../../api/errors";

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
    if ((error as { extensions?: { code?: string } }).extensions?.code === "BAD_USER_INPUT") throw error;
    throw badInput("file", `The upload could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Fetches an http(s) or data: URL with a timeout and a size cap. */
export async function fetchImageUrl(url: string, maxBytes: number, timeoutMs = 15_000): Promise<Buffer> {
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
  let response: Response;
  try {
    response = await fetch(parsed, { signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
  } catch (error) {
    throw badInput("url", `The image could not be fetched: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok || !response.body) throw badInput("url", `The image could not be fetched: HTTP ${response.status}`);
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw badInput("url", `The image is larger than the limit of ${maxBytes} bytes`);
  return readLimited(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), maxBytes, "url");
}

function decodeDataUrl(url: string, maxBytes: number): Buffer {
  const match = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(url);
  if (!match) throw badInput("url", "The data: URL is malformed");
  const data = match[2] ? Buffer.from(match[3], "base64") : Buffer.from(decodeURIComponent(match[3]), "utf8");
  if (data.length > maxBytes) throw badInput("url", `The image is larger than the limit of ${maxBytes} bytes`);
  return data;
}
