import { createHash } from "node:crypto";

/**
 * The hash of a payload as the ledger stores it. Mapping functions build payloads with a fixed key order,
 * so JSON.stringify is canonical for them (no stable-stringify library needed).
 */
export function payloadHash(payload: unknown): string {
  return createHash("sha256").update(JSON.stringify(payload)).digest("hex");
}
