import { createHash } from "node:crypto";
import { JoorAuthError, JoorPermanentError, JoorTransientError } from "./errors";

export interface V4Credentials {
  authUrl: string;
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
}

interface Held {
  token: string;
  /** Refresh from this moment on (some time before JOOR's expiry). */
  refreshAt: number;
}

/** Refresh this long before `expires_in` runs out (or at 90% of a short lifetime). */
const EARLY_MS = 60_000;

/**
 * v4 access tokens (password grant on JOOR's atlas host, joor-api.md §1.2), one per credential set and
 * process: concurrent requests share the token and, when it must be fetched, the single request that
 * fetches it (no token stampede). `invalidate` after a 401 / TOKEN_EXPIRED makes the next caller fetch anew.
 */
export class TokenSource {
  private static readonly shared = new Map<string, TokenSource>();
  private held: Held | null = null;
  private inflight: Promise<Held> | null = null;
  /** Number of token requests made (tests). */
  fetches = 0;

  private constructor(
    private readonly creds: V4Credentials,
    private readonly timeoutMs: number,
  ) {}

  /** The process-wide source for these credentials. */
  static for(creds: V4Credentials, timeoutMs: number): TokenSource {
    const key = createHash("sha256")
      .update(JSON.stringify([creds.authUrl, creds.clientId, creds.clientSecret, creds.username, creds.password]))
      .digest("hex");
    let s = TokenSource.shared.get(key);
    if (!s) TokenSource.shared.set(key, (s = new TokenSource(creds, timeoutMs)));
    return s;
  }

  async get(signal?: AbortSignal): Promise<string> {
    if (this.held && Date.now() < this.held.refreshAt) return this.held.token;
    if (!this.inflight) {
      this.inflight = this.fetch(signal).finally(() => (this.inflight = null));
    }
    this.held = await this.inflight;
    return this.held.token;
  }

  /** Drops the token if it is still the one that was refused. */
  invalidate(token: string): void {
    if (this.held?.token === token) this.held = null;
  }

  private async fetch(signal?: AbortSignal): Promise<Held> {
    this.fetches++;
    const body = new URLSearchParams({
      grant_type: "password",
      client_id: this.creds.clientId,
      client_secret: this.creds.clientSecret,
      username: this.creds.username,
      password: this.creds.password,
    });
    const signals = [AbortSignal.timeout(this.timeoutMs), ...(signal ? [signal] : [])];
    let res: Response;
    try {
      res = await fetch(this.creds.authUrl, {
        method: "POST",
        body,
        signal: AbortSignal.any(signals),
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new JoorTransientError(`Could not reach JOOR's token endpoint (${(error as Error).message})`);
    }
    const text = await res.text().catch(() => "");
    let json: Record<string, unknown> = {};
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      if (res.ok) throw new JoorTransientError("JOOR's token endpoint answered malformed JSON");
    }
    if (res.status === 429 || res.status >= 500) throw new JoorTransientError(`JOOR's token endpoint answered HTTP ${res.status}`, res.status);
    if (res.status === 401 || res.status === 400) {
      const err = String(json.error ?? "");
      const what = err === "invalid_client" ? "the v4 client id or client secret" : "the username or password";
      throw new JoorAuthError(`JOOR refused ${what} (${err || `HTTP ${res.status}`}: ${String(json.error_description ?? "no details")})`, res.status, err);
    }
    if (!res.ok) throw new JoorPermanentError(`JOOR's token endpoint answered HTTP ${res.status}`, res.status);
    const token = typeof json.access_token === "string" ? json.access_token : "";
    if (!token) throw new JoorTransientError("JOOR's token endpoint answered without an access_token");
    const ttlMs = (Number(json.expires_in) > 0 ? Number(json.expires_in) : 3600) * 1000;
    return { token, refreshAt: Date.now() + Math.max(Math.min(ttlMs - EARLY_MS, ttlMs * 0.9), 0) };
  }
}
