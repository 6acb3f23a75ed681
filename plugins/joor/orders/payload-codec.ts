import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { ValueTransformer } from "typeorm";

/**
 * How a raw JOOR order is stored in joor_inbound_order.payload / latestPayload: a large one is raw-deflated and
 * base64'd behind a marker, so a 20-line order (≈ 13 KB of JSON) takes ≈ 2 KB and InnoDB keeps it in the row
 * instead of in overflow pages. A stored value without the marker is the plain JSON (small orders, and every row
 * written before the codec): both read back as the same JSON text. The marker cannot begin a JSON text.
 */

export const PAYLOAD_MARKER = "~z1:";
/** Below this many characters the JSON is stored as it is (compressing it buys nothing). */
export const COMPRESS_FROM = 1024;

export function encodePayload(json: string): string {
  if (json.length < COMPRESS_FROM) return json;
  return PAYLOAD_MARKER + deflateRawSync(Buffer.from(json, "utf8"), { level: 1 }).toString("base64");
}

export function decodePayload(stored: string): string {
  if (!stored.startsWith(PAYLOAD_MARKER)) return stored;
  return inflateRawSync(Buffer.from(stored.slice(PAYLOAD_MARKER.length), "base64")).toString("utf8");
}

/** The entity columns' transformer: the rest of the plugin reads and writes plain JSON. */
export const payloadTransformer: ValueTransformer = {
  to: (value: unknown) => (typeof value === "string" ? encodePayload(value) : value),
  from: (value: unknown) => (typeof value === "string" ? decodePayload(value) : value),
};
