/**
 * JOOR's v4 token endpoint (atlas `/auth/`): OAuth2 password grant answered with a Keycloak-shaped
 * token response. Form bodies only (urlencoded or multipart), like Keycloak. The refresh_token
 * grant is supported because Keycloak supports it (JOOR does not document it).
 */
import express, { type Request, type Response, Router } from "express";
import type { SandboxContext } from "../context";
import { HttpError } from "../http";
import type { AccountState } from "../state/account";

/** Multipart bodies are parsed with Node's built-in (undici) FormData parser: no extra package. */
async function multipartFields(req: Request): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks);
  const parsed = await new globalThis.Request("http://sandbox.local/", {
    method: "POST",
    body,
    headers: { "content-type": req.get("content-type") ?? "" },
  })
    .formData()
    .catch(() => {
      throw new HttpError(400, "invalid_request", "Malformed multipart/form-data body");
    });
  const out: Record<string, string> = {};
  for (const [k, v] of parsed.entries()) if (typeof v === "string") out[k] = v;
  return out;
}

async function formFields(req: Request): Promise<Record<string, string>> {
  if (req.is("multipart/form-data")) return multipartFields(req);
  if (req.is("application/x-www-form-urlencoded")) {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries((req.body ?? {}) as Record<string, unknown>)) out[k] = Array.isArray(v) ? String(v[0]) : String(v);
    return out;
  }
  throw new HttpError(400, "invalid_request", "The token endpoint accepts application/x-www-form-urlencoded or multipart/form-data");
}

export function tokenRoutes(ctx: SandboxContext): Router {
  const r = Router();
  r.use(express.urlencoded({ extended: false, limit: "64kb" }));

  const issue = (res: Response, acct: AccountState, clientId: string, username: string, session?: string): void => {
    const { access, refresh } = ctx.state.tokens.issue(ctx.state.now(), {
      account_id: acct.id,
      client_id: clientId,
      username,
      ttlSeconds: ctx.config.tokenTtlSeconds,
      refreshTtlSeconds: ctx.config.refreshTokenTtlSeconds,
      session_state: session,
    });
    ctx.state.changed();
    res.set("Cache-Control", "no-store").json({
      access_token: access.token,
      expires_in: ctx.config.tokenTtlSeconds,
      refresh_expires_in: ctx.config.refreshTokenTtlSeconds,
      refresh_token: refresh.token,
      token_type: "Bearer",
      "not-before-policy": 0,
      session_state: access.session_state,
      scope: "email profile",
    });
  };

  r.post(["/", "/token"], async (req, res) => {
    const f = await formFields(req);
    const grant = f.grant_type;
    if (!grant) throw new HttpError(400, "invalid_request", "Missing form parameter: grant_type");
    const clientId = f.client_id ?? "";
    const clientSecret = f.client_secret ?? "";
    const accounts = [...ctx.state.accounts.values()].filter((a) => a.credentials.client_id === clientId);
    if (!clientId || accounts.length === 0 || !accounts.some((a) => a.credentials.client_secret === clientSecret)) {
      throw new HttpError(401, "invalid_client", "Invalid client or Invalid client credentials");
    }
    if (grant === "password") {
      if (!f.username || !f.password) throw new HttpError(400, "invalid_request", "Missing form parameter: username and password are required");
      const acct = accounts.find(
        (a) => a.credentials.client_secret === clientSecret && a.credentials.username === f.username && a.credentials.password === f.password,
      );
      if (!acct) throw new HttpError(401, "invalid_grant", "Invalid user credentials");
      issue(res, acct, clientId, f.username);
      return;
    }
    if (grant === "refresh_token") {
      if (!f.refresh_token) throw new HttpError(400, "invalid_request", "Missing form parameter: refresh_token");
      const chk = ctx.state.tokens.check(f.refresh_token, "refresh", ctx.state.now());
      if (!chk.ok) throw new HttpError(400, "invalid_grant", chk.reason === "expired" ? "Token is not active" : "Invalid refresh token");
      const acct = ctx.state.findAccount(chk.record.account_id);
      if (!acct || chk.record.client_id !== clientId) throw new HttpError(400, "invalid_grant", "Invalid refresh token");
      issue(res, acct, clientId, chk.record.username, chk.record.session_state);
      return;
    }
    throw new HttpError(400, "unsupported_grant_type", `Unsupported grant_type '${grant}'`);
  });
  return r;
}
