import { createHmac, randomBytes, randomUUID } from "node:crypto";

export interface TokenRecord {
  token: string;
  kind: "access" | "refresh";
  account_id: string;
  client_id: string;
  username: string;
  session_state: string;
  issued_at: number;
  expires_at: number;
}

export type TokenCheck = { ok: true; record: TokenRecord } | { ok: false; reason: "unknown" | "expired" };

function b64url(v: string | Buffer): string {
  return Buffer.from(v).toString("base64url");
}

/**
 * Access and refresh tokens. They are JWT-shaped (like Keycloak's) so that clients may decode
 * `exp`, but the sandbox validates them by lookup, which also lets the admin API expire them.
 */
export class TokenStore {
  readonly records = new Map<string, TokenRecord>();
  secret = randomBytes(32).toString("hex");
  private issuedSincePrune = 0;

  private sign(payload: Record<string, unknown>): string {
    const head = b64url(JSON.stringify({ alg: "HS256", typ: "JWT", kid: "joor-sandbox" }));
    const body = b64url(JSON.stringify(payload));
    const sig = createHmac("sha256", this.secret).update(`${head}.${body}`).digest("base64url");
    return `${head}.${body}.${sig}`;
  }

  issue(
    now: number,
    p: { account_id: string; client_id: string; username: string; ttlSeconds: number; refreshTtlSeconds: number; session_state?: string },
  ): { access: TokenRecord; refresh: TokenRecord } {
    this.prune(now);
    const session_state = p.session_state ?? randomUUID();
    const make = (kind: "access" | "refresh", ttl: number): TokenRecord => {
      const expires_at = now + ttl * 1000;
      const token = this.sign({
        exp: Math.floor(expires_at / 1000),
        iat: Math.floor(now / 1000),
        jti: randomUUID(),
        iss: "joor-sandbox/auth",
        sub: p.username,
        typ: kind === "access" ? "Bearer" : "Refresh",
        azp: p.client_id,
        session_state,
        scope: "email profile",
        account: p.account_id,
      });
      const rec: TokenRecord = {
        token,
        kind,
        account_id: p.account_id,
        client_id: p.client_id,
        username: p.username,
        session_state,
        issued_at: now,
        expires_at,
      };
      this.records.set(token, rec);
      return rec;
    };
    return { access: make("access", p.ttlSeconds), refresh: make("refresh", p.refreshTtlSeconds) };
  }

  check(token: string, kind: "access" | "refresh", now: number): TokenCheck {
    const rec = this.records.get(token);
    if (!rec || rec.kind !== kind) return { ok: false, reason: "unknown" };
    if (now >= rec.expires_at) return { ok: false, reason: "expired" };
    return { ok: true, record: rec };
  }

  /** Expire every token (of one account, or all); returns how many were live. */
  expireAll(now: number, accountId?: string): number {
    let n = 0;
    for (const rec of this.records.values()) {
      if (accountId && rec.account_id !== accountId) continue;
      if (rec.expires_at > now) n++;
      rec.expires_at = Math.min(rec.expires_at, now);
    }
    return n;
  }

  /** Drop long-dead tokens now and then so the map stays small. */
  private prune(now: number): void {
    if (++this.issuedSincePrune < 1000) return;
    this.issuedSincePrune = 0;
    for (const [k, rec] of this.records) if (rec.expires_at + 86_400_000 < now) this.records.delete(k);
  }
}
