import { createHash, randomBytes } from "node:crypto";

/** Tokens are 32 random bytes; only their SHA-256 is stored (high-entropy secrets need no slow hash). */
export const TOKEN_PREFIX = "slv_";

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function tokenDisplayPrefix(token: string): string {
  return token.slice(0, 10);
}
