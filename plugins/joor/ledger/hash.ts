import { hash } from "node:crypto";

/**
 * The hash of a payload as the ledger stores it (sha256 of its JSON, hex). Mapping functions build payloads
 * with a fixed key order, so JSON.stringify is canonical for them (no stable-stringify library needed).
 * `crypto.hash` is the one-shot form of createHash().update().digest(): the same value, without a Hash
 * object per record (a 100,000-variant export hashes every SKU, price and inventory position).
 */
export function payloadHash(payload: unknown): string {
  return hash("sha256", JSON.stringify(payload), "hex");
}
