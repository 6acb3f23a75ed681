import { hash } from "node:crypto";
import { rememberJson } from "../client/json-body";

/**
 * The hash of a payload as the ledger stores it (sha256 of its JSON, hex). Mapping functions build payloads
 * with a fixed key order, so JSON.stringify is canonical for them (no stable-stringify library needed).
 * `crypto.hash` is the one-shot form of createHash().update().digest(): the same value, without a Hash
 * object per record (a 100,000-variant export hashes every SKU, price and inventory position).
 */
export function payloadHash(payload: unknown): string {
  return hash("sha256", JSON.stringify(payload), "hex");
}

/**
 * payloadHash of a payload that is sent as it is (a bulk create's item) and never changed afterwards: its
 * JSON is remembered, so the request body reuses it instead of serialising the payload again (client/json-body.ts).
 */
export function sentPayloadHash(payload: object): string {
  const json = JSON.stringify(payload);
  rememberJson(payload, json);
  return hash("sha256", json, "hex");
}
