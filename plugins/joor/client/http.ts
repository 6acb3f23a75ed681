import { backOff } from "exponential-backoff";
import type { CreditBudget, CreditRule } from "./credit-budget";
import { withEndpointLock } from "./endpoint-lock";
import { parseV4Envelope, type V4Envelope } from "./envelope";
import { jsonBody } from "./json-body";
import { isAbort, JoorAuthError, JoorPermanentError, JoorTransientError } from "./errors";
import { TokenSource } from "./token";

/** Everything the client needs to talk to one JOOR account (from the brand's settings, secrets decrypted). */
export interface JoorConnection {
  authUrl: string;
  v2Url: string;
  v4Url: string;
  accountId: string;
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  v2ApiToken: string;
  creditBudget: number;
  creditWindowSeconds: number;
  requestTimeoutMs: number;
}

export type JoorLogLevel = "debug" | "info" | "warn";

export interface JoorHttpOptions {
  connection: JoorConnection;
  /** The shared credit budget (Redis or database), see credit-budget.ts. */
  budget: CreditBudget;
  /** Where request/answer lines go (a job's logger); never given secrets. */
  log?: (level: JoorLogLevel, message: string, data?: Record<string, unknown>) => void;
  /** Aborts waits and requests (the job's signal). */
  signal?: AbortSignal;
  /** Told when a request must wait for credits, and until when; told `null` once the wait is over. */
  onCreditWait?: (until: Date | null) => void;
  /** Attempts per request for transient failures (default 6) and the backoff (full jitter, doubling). */
  retry?: { attempts?: number; startingDelayMs?: number; maxDelayMs?: number };
}

export type Method = "GET" | "POST" | "PUT" | "DELETE";
export type Query = Record<string, string | number | boolean | undefined | null>;

/** Internal: the token was refused (401 / TOKEN_EXPIRED); the next attempt fetches a new one. */
class TokenRefused extends JoorTransientError {}

/**
 * The JOOR HTTP layer, shared by every endpoint module (client/*.ts):
 *
 * - **v4** (`v4()`, `pagesV4()`): `Authorization: Bearer <token>` from the password grant (TokenSource: one
 *   token per credentials, refreshed before expiry and after a 401 / `TOKEN_EXPIRED`), `?account=` on every
 *   call, answers read as `{data, errors}` envelopes (a 400 whose body is an envelope is an answer too: every
 *   item failed).
 * - **v2** (`v2()`): `Authorization: OAuth2 <base64(API token)>`, JSON bodies, the `response` node.
 * - **Credits**: every request spends JOOR credits first (GET 1, writes 5) from the account's shared budget;
 *   a 429 exhausts the budget until `Retry-After`, so every worker waits, and the request is retried.
 * - **Retries**: 429, 5xx, timeouts, dropped connections and malformed JSON are retried with exponential
 *   backoff and full jitter (the `exponential-backoff` package: small, CommonJS, maintained, and it lets a
 *   callback decide per error); then a JoorTransientError (the job is retried by the host). 4xx answers
 *   are JoorPermanentError / JoorAuthError.
 * - **One request in flight per endpoint** (withEndpointLock), a timeout on every request, and one debug
 *   log line per request when it ends (method, path, items and bytes sent, status, time, size — never
 *   credentials).
 */
export class JoorHttp {
  readonly connection: JoorConnection;
  readonly tokens: TokenSource;
  private readonly rule: CreditRule;
  private readonly accountKey: string;

  constructor(private readonly options: JoorHttpOptions) {
    const c = (this.connection = options.connection);
    this.tokens = TokenSource.for(
      { authUrl: c.authUrl, clientId: c.clientId, clientSecret: c.clientSecret, username: c.username, password: c.password },
      c.requestTimeoutMs,
    );
    this.rule = { budget: c.creditBudget, windowMs: c.creditWindowSeconds * 1000 };
    this.accountKey = `${new URL(c.v4Url).host}/${c.accountId}`;
  }

  get signal(): AbortSignal | undefined {
    return this.options.signal;
  }

  /** A v4 call: the parsed `{data, errors}` envelope. */
  async v4<T>(method: Method, path: string, query: Query = {}, body?: unknown): Promise<V4Envelope<T>> {
    const { json } = await this.call("v4", method, path, { ...query, account: this.connection.accountId }, body);
    const env = parseV4Envelope<T>(json);
    if (!env) throw new JoorTransientError(`JOOR answered ${method} ${path} with something that is not a {data, errors} envelope`);
    return env;
  }

  /** Every page of a v4 list, one page at a time (never collected): `page` from 1, `page_size`, `meta.next_page`. */
  async *pagesV4<T>(path: string, query: Query = {}, pageSize = 500): AsyncGenerator<T[]> {
    for (let page = 1; ;) {
      const env = await this.v4<T>("GET", path, { ...query, page, page_size: pageSize });
      if (env.data.length) yield env.data;
      const next = env.meta?.next_page;
      if (next === undefined ? env.data.length < pageSize : next === null || next <= page) return;
      page = next ?? page + 1;
    }
  }

  /** A v2 call: the parsed JSON body. */
  async v2<T>(method: Method, path: string, query: Query = {}, body?: unknown): Promise<T> {
    return (await this.call("v2", method, path, query, body)).json as T;
  }

  private log(level: JoorLogLevel, message: string, data?: Record<string, unknown>): void {
    this.options.log?.(level, message, data);
  }

  private async call(api: "v2" | "v4", method: Method, path: string, query: Query, body?: unknown): Promise<{ status: number; json: unknown }> {
    const retry = this.options.retry ?? {};
    return withEndpointLock(`${this.accountKey} ${method} ${api}${path}`, () =>
      backOff(() => this.once(api, method, path, query, body), {
        numOfAttempts: retry.attempts ?? 6,
        startingDelay: retry.startingDelayMs ?? 250,
        maxDelay: retry.maxDelayMs ?? 30_000,
        timeMultiple: 2,
        jitter: "full",
        retry: (error: unknown, attempt: number) => {
          if (this.options.signal?.aborted || !(error instanceof JoorTransientError)) return false;
          this.log("warn", `JOOR ${method} ${path}: ${error.message}; retrying (attempt ${attempt + 1})`, { api, method, path, attempt });
          return true;
        },
      }),
    );
  }

  private async once(api: "v2" | "v4", method: Method, path: string, query: Query, body?: unknown): Promise<{ status: number; json: unknown }> {
    const c = this.connection;
    const url = new URL((api === "v4" ? c.v4Url : c.v2Url).replace(/\/+$/, "") + path);
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) url.searchParams.set(k, String(v));
    let token = "";
    const headers: Record<string, string> = { accept: "application/json" };
    if (api === "v4") {
      token = await this.tokens.get(this.options.signal);
      headers.authorization = `Bearer ${token}`;
    } else {
      headers.authorization = `OAuth2 ${Buffer.from(c.v2ApiToken, "utf8").toString("base64")}`;
    }
    // credits last (the token endpoint is free), so the request leaves right after its credits are spent
    let waited = false;
    await this.options.budget.reserve(this.accountKey, method === "GET" ? 1 : 5, this.rule, this.options.signal, (until) => {
      waited = true;
      this.log("info", `Waiting for JOOR credits until ${until.toISOString()}`, { waitingUntil: until.toISOString(), account: c.accountId });
      this.options.onCreditWait?.(until);
    });
    if (waited) this.options.onCreditWait?.(null);
    const payload = body === undefined ? undefined : jsonBody(body);
    if (payload !== undefined) headers["content-type"] = "application/json";
    const started = Date.now();
    const items = Array.isArray(body) ? body.length : undefined;
    // one debug line per request, written when it ends (answer, timeout or dropped connection): a job writes its
    // log lines to the database, and a 100,000-variant export makes ≈ 450 requests
    const sent = { query: url.search, items, sentBytes: payload?.length ?? 0 };
    const timeout = AbortSignal.timeout(c.requestTimeoutMs);
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, { method, headers, body: payload, signal: this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout });
      text = await res.text();
    } catch (error) {
      if (this.options.signal?.aborted) throw error;
      const why = timeout.aborted || isAbort(error) ? `no answer within ${c.requestTimeoutMs} ms` : `connection failed (${describe(error)})`;
      this.log("debug", `JOOR ${method} ${api}${path}: ${why}`, { api, method, path, ...sent, ms: Date.now() - started });
      throw new JoorTransientError(`JOOR ${method} ${path}: ${why}`);
    }
    const ms = Date.now() - started;
    this.log("debug", `JOOR ${method} ${api}${path} → ${res.status} in ${ms} ms`, {
      api,
      method,
      path,
      ...sent,
      status: res.status,
      ms,
      bytes: text.length,
      answer: text.slice(0, 300),
    });
    let json: unknown = undefined;
    let malformed = false;
    if (text.length) {
      try {
        json = JSON.parse(text);
      } catch {
        malformed = true;
      }
    }
    if (res.status === 429) {
      const retryAfterMs = retryAfter(res.headers.get("retry-after")) ?? this.rule.windowMs;
      await this.options.budget.exhaust(this.accountKey, this.rule, new Date(Date.now() + retryAfterMs));
      throw new JoorTransientError(`JOOR's credit limit was reached (429); waiting ${Math.ceil(retryAfterMs / 1000)} s`, 429, retryAfterMs);
    }
    if (res.status >= 500) throw new JoorTransientError(`JOOR ${method} ${path} answered HTTP ${res.status}`, res.status);
    if (res.status === 401) {
      if (api === "v4") {
        this.tokens.invalidate(token);
        const code = (json as { errors?: { status?: string }[] } | undefined)?.errors?.[0]?.status;
        throw new TokenRefused(`JOOR refused the access token (${code ?? "401"}); fetching a new one`, 401);
      }
      throw new JoorAuthError("JOOR refused the v2 API token (HTTP 401): check the v2 API token in the JOOR settings", 401);
    }
    if (malformed) {
      // A 2xx with a broken body (JOOR may have acted): retried; writes are idempotent through DUPLICATED handling.
      throw new JoorTransientError(`JOOR ${method} ${path} answered malformed JSON (HTTP ${res.status}, ${text.length} bytes)`, res.status);
    }
    if (res.status >= 400) {
      if (api === "v4" && res.status === 400 && parseV4Envelope(json)?.errors.length) return { status: res.status, json };
      throw new JoorPermanentError(`JOOR ${method} ${path} refused the request (HTTP ${res.status}): ${summarise(json)}`, res.status, errorCode(json));
    }
    return { status: res.status, json };
  }
}

function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const s = Number(header);
  if (Number.isFinite(s) && s >= 0) return s * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

function describe(error: unknown): string {
  const e = error as { message?: string; cause?: { code?: string; message?: string } };
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
}

function errorCode(json: unknown): string | undefined {
  const o = json as { errors?: { status?: string }[]; response?: { error?: string } } | undefined;
  return o?.errors?.[0]?.status ?? o?.response?.error;
}

function summarise(json: unknown): string {
  const o = json as { errors?: { message?: string }[]; response?: { comment?: string }; message?: string } | undefined;
  return o?.errors?.[0]?.message ?? o?.response?.comment ?? o?.message ?? (json === undefined ? "empty answer" : JSON.stringify(json).slice(0, 200));
}
