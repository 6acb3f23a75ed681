/**
 * Assembles the sandbox: Express 5 on node:http, with
 *   /auth/      token endpoint (JOOR's atlas host)
 *   /v2/...     v2 API (OAuth2 token)
 *   /v4/...     v4 API (Bearer token + ?account=)
 *   /__admin/   admin API
 * Pipeline for API requests: request log → faults → auth → credit rate limit → body → route.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express, { type Express, type NextFunction, type Request, type Response, Router } from "express";
import { v2Auth, v4Auth, rateLimit } from "./auth";
import { type SandboxConfig, type SandboxContext, DEFAULT_CONFIG } from "./context";
import { Counters } from "./counters";
import { corruptJson, type FaultDecision, FaultInjector, type FaultRule, truncateJson } from "./faults";
import { errorBody, flavourOf, HttpError, sendError } from "./http";
import { loadStateFile, saveStateFile } from "./persistence";
import { type RateLimitConfig, RateLimiter } from "./rate-limit";
import { adminRoutes } from "./routes/admin";
import { tokenRoutes } from "./routes/token";
import { v2ConnectionRoutes } from "./routes/v2-connections";
import { v2InventoryRoutes } from "./routes/v2-inventory";
import { v2OrderRoutes } from "./routes/v2-orders";
import { v4AssetRoutes } from "./routes/v4-assets";
import { v4CatalogRoutes } from "./routes/v4-catalog";
import { v4CollectionRoutes } from "./routes/v4-collections";
import { v4OrderRoutes } from "./routes/v4-orders";
import { v4PriceRoutes } from "./routes/v4-prices";
import { applySeed, DEFAULT_SEED, parseSeed, type SandboxSeed } from "./state/seed";
import { SandboxState, UnknownAccountError } from "./state/state";
import { TokenStore } from "./state/tokens";
import type { Credentials } from "./types";

export interface JoorSandboxOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Accounts and reference data to start with (default: one seeded account, see README). */
  seed?: SandboxSeed | unknown;
  /** Persist the state to this JSON file (loaded on start when it exists; saved after changes and on close). */
  statePath?: string;
  /** Debounce for saving after a change (default 1000 ms). */
  persistDebounceMs?: number;
  /** Access-token lifetime in seconds (default 36000, JOOR's example). */
  tokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  /** Credit rate limit (default JOOR's: enabled, 300 credits / 300 s, GET 1, write 5). */
  rateLimit?: Partial<RateLimitConfig>;
  /** Max items per bulk request (default 1000; 0 = unlimited). */
  maxBulkItems?: number;
  /** Max JSON body size (default "100mb"). */
  bodyLimit?: string;
  assetFetchTimeoutMs?: number;
  /** Turn the "messy orders" switch on for every seeded account (v2 order JSON as real JOOR sends it; default off). */
  messyOrders?: boolean;
  /**
   * Accept asset `source_url`s that are `data:` URLs or point at loopback/private addresses
   * (default false: JOOR fetches images from the public internet). Tests and local use opt in.
   */
  permissiveAssets?: boolean;
}

export interface JoorSandbox {
  /** Base URL, e.g. http://127.0.0.1:4100 */
  url: string;
  port: number;
  urls: { auth: string; v2: string; v4: string; admin: string };
  /** The default (first seeded) account and its credentials. */
  accountId: string;
  credentials: Credentials;
  state: SandboxState;
  rateLimiter: RateLimiter;
  faults: FaultInjector;
  counters: Counters;
  config: SandboxConfig;
  app: Express;
  server: Server;
  /** Write the state file now (no-op without statePath); resolves false when there is none. */
  save(): Promise<boolean>;
  /** Back to the seed (or a new one): state, counters, faults and rate windows. */
  reset(seed?: SandboxSeed | unknown): void;
  close(): Promise<void>;
}

const PAGED = /^\/(v2\/(order|connection)|v4\/(products|skus|prices|collections|seasons|orders|assets\/products))\/?$/;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function interceptResponse(req: Request, res: Response, rule: FaultRule): void {
  const original = res.json.bind(res);
  res.json = ((body: unknown) => {
    const text = JSON.stringify(body);
    if (rule.type === "drop_connection") {
      if (rule.phase === "mid_body") {
        res.setHeader("Content-Type", "application/json; charset=utf-8");
        res.setHeader("Content-Length", String(Buffer.byteLength(text)));
        res.write(text.slice(0, Math.floor(text.length / 2)));
        setImmediate(() => req.socket.destroy());
      } else {
        req.socket.destroy();
      }
      return res;
    }
    if (rule.type === "malformed_json" || rule.type === "truncated_json") {
      res.type("application/json");
      return res.send(rule.type === "malformed_json" ? corruptJson(text) : truncateJson(text));
    }
    return original(body);
  }) as Response["json"];
}

function faultMiddleware(ctx: SandboxContext) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const d: FaultDecision = ctx.faults.decide({ method: req.method, path: req.path, paged: req.method === "GET" && PAGED.test(req.path) });
    res.locals.fault = d;
    if (d.names.length) res.locals.faultName = d.names.join(",");
    if (d.latencyMs > 0) await sleep(d.latencyMs);
    const b = d.before;
    if (b) {
      if (b.type === "drop_connection") {
        req.socket.destroy();
        return;
      }
      if (b.type === "rate_limit") {
        res.set("Retry-After", String(b.retry_after));
        sendError(req, res, 429, "TOO_MANY_REQUESTS", "Rate limit exceeded");
        return;
      }
      if (b.body === "html") {
        res.status(b.status).type("text/html").send(`<html><head><title>${b.status}</title></head><body><h1>${b.status} Server Error</h1></body></html>`);
      } else if (b.body === "empty") {
        res.status(b.status).end();
      } else {
        sendError(req, res, b.status, "SERVER_ERROR", "Internal server error");
      }
      return;
    }
    if (d.after) interceptResponse(req, res, d.after);
    next();
  };
}

function requestLog(ctx: SandboxContext) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const t0 = process.hrtime.bigint();
    res.on("close", () => {
      const prefix = /^\/(v2|v4|__admin|auth)/.exec(req.originalUrl)?.[0] ?? "";
      // Requests answered before routing (401, 429, injected faults) are keyed by their path.
      const route = req.route ? `${req.method} ${prefix}${String(req.route.path)}` : `${req.method} ${req.originalUrl.split("?")[0]}`;
      const acct = res.locals.account as { id: string } | undefined;
      ctx.counters.record({
        at: new Date().toISOString(),
        method: req.method,
        path: req.originalUrl.split("?")[0],
        route,
        status: res.writableFinished ? res.statusCode : 0,
        account: acct?.id ?? null,
        credits: (res.locals.credits as number | undefined) ?? 0,
        fault: (res.locals.faultName as string | undefined) ?? null,
        duration_ms: Number(process.hrtime.bigint() - t0) / 1e6,
      });
    });
    next();
  };
}

function rejectNonJson(req: Request, _res: Response, next: NextFunction): void {
  if (
    req.method !== "GET" &&
    req.method !== "DELETE" &&
    req.headers["content-length"] !== "0" &&
    (req.headers["transfer-encoding"] || req.headers["content-length"])
  ) {
    if (!req.is("application/json"))
      throw new HttpError(
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        "The sandbox accepts JSON bodies only (Content-Type: application/json); JOOR's XML variant is not emulated",
      );
  }
  next();
}

/** OPTIONS answers what the route family allows, before authentication and without credits. */
function options(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== "OPTIONS") return next();
  res.set("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS");
  res.status(204).end();
}

/** Error codes for the 4xx errors body-parser and the router raise for client mistakes. */
const CLIENT_ERROR_CODES: Record<string, string> = {
  "charset.unsupported": "UNSUPPORTED_CHARSET",
  "encoding.unsupported": "UNSUPPORTED_CONTENT_ENCODING",
  "request.size.invalid": "BAD_REQUEST",
  "request.aborted": "BAD_REQUEST",
  "stream.encoding.set": "BAD_REQUEST",
};

function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  if (res.headersSent) {
    req.socket.destroy();
    return;
  }
  const flavour = flavourOf(req.originalUrl);
  if (err instanceof HttpError) {
    res.status(err.status).json(errorBody(flavour, err.status, err.code, err.message, err.details));
    return;
  }
  if (err instanceof UnknownAccountError) {
    res.status(404).json(errorBody(flavour, 404, "UNKNOWN_ACCOUNT", err.message));
    return;
  }
  const e = err as { type?: string; message?: string; status?: number };
  if (e.type === "entity.parse.failed") {
    res.status(400).json(errorBody(flavour, 400, "MALFORMED_JSON", `Request body is not valid JSON: ${e.message ?? ""}`));
    return;
  }
  if (e.type === "entity.too.large") {
    res.status(413).json(errorBody(flavour, 413, "PAYLOAD_TOO_LARGE", "Request body is too large"));
    return;
  }
  // Any other client mistake the parsers or the router flag (unsupported charset or
  // Content-Encoding, a body that does not inflate, malformed %-encoding in a path): 4xx, not 500.
  const status = (e as { status?: number; statusCode?: number }).status ?? (e as { statusCode?: number }).statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    const code = (e.type && CLIENT_ERROR_CODES[e.type]) ?? (err instanceof URIError ? "MALFORMED_URI" : "BAD_REQUEST");
    res.status(status).json(errorBody(flavour, status, code, e.message ?? "Bad request"));
    return;
  }
  if (err instanceof URIError) {
    res.status(400).json(errorBody(flavour, 400, "MALFORMED_URI", `Malformed percent-encoding in the request path: ${err.message}`));
    return;
  }
  console.error("[joor-sandbox] internal error", err);
  res.status(500).json(errorBody(flavour, 500, "INTERNAL_ERROR", "Internal sandbox error"));
}

export function buildApp(ctx: SandboxContext, hooks: Parameters<typeof adminRoutes>[1], bodyLimit: string): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.use(requestLog(ctx));
  app.use("/__admin", express.json({ limit: bodyLimit }), adminRoutes(ctx, hooks));
  app.use(faultMiddleware(ctx));
  app.use("/auth", tokenRoutes(ctx));

  const json = express.json({ limit: bodyLimit });
  const v2 = Router();
  v2.use(options, v2Auth(ctx), rateLimit(ctx), rejectNonJson, json);
  v2.use(v2ConnectionRoutes(ctx), v2InventoryRoutes(ctx), v2OrderRoutes(ctx));
  app.use("/v2", v2);

  const v4 = Router();
  v4.use(options, v4Auth(ctx), rateLimit(ctx), rejectNonJson, json);
  v4.use(v4CatalogRoutes(ctx), v4PriceRoutes(ctx), v4AssetRoutes(ctx), v4CollectionRoutes(ctx), v4OrderRoutes(ctx));
  app.use("/v4", v4);

  app.use((req, res) => sendError(req, res, 404, "NOT_FOUND", `No route ${req.method} ${req.path}`));
  app.use(errorHandler);
  return app;
}

function freshState(seed: SandboxSeed, messyOrders: boolean): SandboxState {
  const s = new SandboxState();
  applySeed(s, seed);
  if (messyOrders) for (const a of s.accounts.values()) a.settings.messy_orders = true;
  return s;
}

/** Start a JOOR sandbox. Resolves once it listens. */
export async function startJoorSandbox(options: JoorSandboxOptions = {}): Promise<JoorSandbox> {
  const seed = options.seed === undefined ? DEFAULT_SEED : parseSeed(options.seed);
  const loaded = options.statePath ? loadStateFile(options.statePath) : null;
  const messy = options.messyOrders ?? false;
  const state = loaded ?? freshState(seed, messy);
  if (loaded && messy) for (const a of state.accounts.values()) a.settings.messy_orders = true;
  const config: SandboxConfig = {
    ...DEFAULT_CONFIG,
    ...(options.tokenTtlSeconds !== undefined ? { tokenTtlSeconds: options.tokenTtlSeconds } : {}),
    ...(options.refreshTokenTtlSeconds !== undefined ? { refreshTokenTtlSeconds: options.refreshTokenTtlSeconds } : {}),
    ...(options.maxBulkItems !== undefined ? { maxBulkItems: options.maxBulkItems } : {}),
    ...(options.assetFetchTimeoutMs !== undefined ? { assetFetchTimeoutMs: options.assetFetchTimeoutMs } : {}),
    permissiveAssets: options.permissiveAssets ?? false,
    messyOrders: messy,
  };
  const ctx: SandboxContext = {
    state,
    config,
    rateLimiter: new RateLimiter(options.rateLimit),
    faults: new FaultInjector(),
    counters: new Counters(),
  };
  ctx.faults.onFire = (type) => ctx.counters.fault(type);

  // ---- persistence -------------------------------------------------------------------------------
  let timer: NodeJS.Timeout | null = null;
  let saving: Promise<void> = Promise.resolve();
  const save = async (): Promise<boolean> => {
    if (!options.statePath) return false;
    if (timer) clearTimeout(timer);
    timer = null;
    const path = options.statePath;
    saving = saving.then(() => saveStateFile(path, state)).catch((e: unknown) => console.error("[joor-sandbox] could not save state:", e));
    await saving;
    return true;
  };
  if (options.statePath) {
    const debounce = options.persistDebounceMs ?? 1000;
    state.onChange = () => {
      if (!timer) timer = setTimeout(() => void save(), debounce);
    };
  }

  const reset = (newSeed?: SandboxSeed | unknown): void => {
    // Build the new state aside first: an invalid seed leaves the running one untouched.
    const next = freshState(newSeed === undefined ? seed : parseSeed(newSeed), messy);
    state.accounts.clear();
    for (const [id, a] of next.accounts) state.accounts.set(id, a);
    state.ids = next.ids;
    state.tokens = new TokenStore();
    state.clock.offset = 0;
    state.defaultAccountId = next.defaultAccountId;
    ctx.rateLimiter.reset();
    ctx.counters.reset();
    ctx.faults.clear();
    state.changed();
  };

  const server = createServer();
  let url = "";
  const info = (): Record<string, unknown> => ({
    url,
    urls: { auth: `${url}/auth/`, v2: `${url}/v2`, v4: `${url}/v4`, admin: `${url}/__admin` },
    default_account: state.defaultAccountId,
    rate_limit: ctx.rateLimiter.config,
    config,
    state_file: options.statePath ?? null,
  });
  const app = buildApp(ctx, { reset, save, info }, options.bodyLimit ?? "100mb");
  server.on("request", app);
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${addr.port}`;
  return {
    url,
    port: addr.port,
    urls: { auth: `${url}/auth/`, v2: `${url}/v2`, v4: `${url}/v4`, admin: `${url}/__admin` },
    get accountId() {
      return state.account().id;
    },
    get credentials() {
      return state.account().credentials;
    },
    state,
    rateLimiter: ctx.rateLimiter,
    faults: ctx.faults,
    counters: ctx.counters,
    config,
    app,
    server,
    save,
    reset,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (options.statePath) await save();
      state.onChange = null;
    },
  };
}
