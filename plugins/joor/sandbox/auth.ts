/**
 * Authentication middlewares.
 * - v2: `Authorization: OAuth2 <token>`; the token is the account's static v2 API token (raw or
 *   base64-encoded, as clients do both). A v4 access token is refused: the two generations have
 *   separate credentials (Celigo: v2 = one API token; v4 = OAuth client + user) [VENDOR].
 * - v4: `Authorization: Bearer <access_token>` plus the mandatory `?account=<id>` query parameter,
 *   which must be the account the token was issued for. The static v2 token is not an access token.
 */
import type { NextFunction, Request, Response } from "express";
import type { SandboxContext } from "./context";
import { processDueJobs } from "./domain/connections";
import { HttpError, qstr } from "./http";
import type { AccountState } from "./state/account";

function header(req: Request): { scheme: string; value: string } | null {
  const h = req.get("authorization");
  if (!h) return null;
  const m = /^(\S+)\s+(.+)$/.exec(h.trim());
  if (!m) return null;
  return { scheme: m[1], value: m[2].trim() };
}

function accessTokenAccount(ctx: SandboxContext, token: string): AccountState {
  const chk = ctx.state.tokens.check(token, "access", ctx.state.now());
  if (!chk.ok) {
    throw chk.reason === "expired"
      ? new HttpError(401, "TOKEN_EXPIRED", "The access token has expired; request a new one from the token endpoint")
      : new HttpError(401, "UNAUTHORIZED", "Invalid access token");
  }
  const acct = ctx.state.findAccount(chk.record.account_id);
  if (!acct) throw new HttpError(401, "UNAUTHORIZED", "Token belongs to an unknown account");
  return acct;
}

function v2TokenAccount(ctx: SandboxContext, token: string): AccountState | undefined {
  let decoded: string | null = null;
  if (/^[A-Za-z0-9+/=_-]+$/.test(token)) decoded = Buffer.from(token, "base64").toString("utf8");
  for (const a of ctx.state.accounts.values()) {
    if (a.credentials.v2_token === token || a.credentials.v2_token === decoded) return a;
  }
  return undefined;
}

export function v2Auth(ctx: SandboxContext) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const h = header(req);
    if (!h || h.scheme !== "OAuth2") {
      throw new HttpError(401, "UNAUTHORIZED", "v2 requests need 'Authorization: OAuth2 <API token>'");
    }
    const acct = v2TokenAccount(ctx, h.value);
    if (!acct) {
      const v4 = ctx.state.tokens.check(h.value, "access", ctx.state.now()).ok;
      throw new HttpError(401, "UNAUTHORIZED", v4 ? "This is a v4 access token; v2 requests need the account's v2 API token" : "Invalid v2 API token");
    }
    res.locals.account = acct;
    processDueJobs(ctx.state, acct);
    next();
  };
}

export function v4Auth(ctx: SandboxContext) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const h = header(req);
    if (!h || h.scheme.toLowerCase() !== "bearer") {
      res.set("WWW-Authenticate", 'Bearer realm="joor"');
      throw new HttpError(401, "UNAUTHORIZED", "v4 requests need 'Authorization: Bearer <access_token>'");
    }
    let acct: AccountState;
    try {
      acct = accessTokenAccount(ctx, h.value);
    } catch (e) {
      if (e instanceof HttpError) res.set("WWW-Authenticate", `Bearer realm="joor", error="invalid_token", error_description="${e.message}"`);
      throw e;
    }
    const account = qstr(req, "account");
    if (!account) throw new HttpError(400, "MISSING_ACCOUNT", "The 'account' query parameter is required on v4 requests");
    if (account !== acct.id) throw new HttpError(403, "FORBIDDEN", `The access token is not valid for account '${account}'`);
    res.locals.account = acct;
    processDueJobs(ctx.state, acct);
    next();
  };
}

/** Charge JOOR credits after authentication; 429 with Retry-After when the window's budget is spent. */
export function rateLimit(ctx: SandboxContext) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const acct = res.locals.account as AccountState;
    const r = ctx.rateLimiter.charge(acct.id, req.method, ctx.state.now());
    res.set("X-Throttling-Account-Id", acct.id);
    res.set("X-Throttling-Credits-Limit", String(ctx.rateLimiter.config.budget));
    res.set("X-Throttling-Credits-Remaining", String(r.remaining));
    if (!r.ok) {
      res.set("Retry-After", String(r.retryAfterSeconds));
      res.set("X-Throttling-Credits-Reset", String(r.retryAfterSeconds));
      throw new HttpError(
        429,
        "TOO_MANY_REQUESTS",
        `Rate limit exceeded: ${ctx.rateLimiter.config.budget} credits per ${ctx.rateLimiter.config.windowSeconds} s; this request costs ${r.cost}`,
        { retry_after: r.retryAfterSeconds },
      );
    }
    res.set("X-Throttling-Credits-Reset", String(r.resetSeconds));
    res.locals.credits = r.cost;
    ctx.counters.charge(acct.id, req.method, r.cost);
    next();
  };
}
