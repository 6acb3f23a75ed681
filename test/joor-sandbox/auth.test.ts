import type { JoorSandbox } from "../../plugins/joor/sandbox";
import { Client, http, passwordToken, start } from "./helpers";

describe("JOOR sandbox: token endpoint and authentication", () => {
  let sb: JoorSandbox;
  let c: Client;
  beforeAll(async () => ({ sb, c } = await start({ tokenTtlSeconds: 600 })));
  afterAll(() => sb.close());

  const form = (over: Record<string, string> = {}): URLSearchParams => {
    const k = sb.credentials;
    return new URLSearchParams({
      grant_type: "password",
      client_id: k.client_id,
      client_secret: k.client_secret,
      username: k.username,
      password: k.password,
      ...over,
    });
  };

  it("answers a password grant with a Keycloak-shaped token response", async () => {
    const t = await passwordToken(sb);
    expect(Object.keys(t).sort()).toEqual([
      "access_token",
      "expires_in",
      "not-before-policy",
      "refresh_expires_in",
      "refresh_token",
      "scope",
      "session_state",
      "token_type",
    ]);
    expect(t.token_type).toBe("Bearer");
    expect(t.expires_in).toBe(600);
    expect(t.refresh_expires_in).toBe(7776000);
    expect(t.scope).toBe("email profile");
    expect(t.access_token.split(".")).toHaveLength(3);
    const payload = JSON.parse(Buffer.from(t.access_token.split(".")[1], "base64url").toString());
    expect(payload.exp - payload.iat).toBe(600);
  });

  it("accepts multipart/form-data like JOOR's docs show", async () => {
    const fd = new FormData();
    for (const [k, v] of form()) fd.append(k, v);
    const res = await fetch(sb.urls.auth, { method: "POST", body: fd });
    expect(res.status).toBe(200);
    expect((await res.json()).access_token).toBeTruthy();
  });

  it("rejects bad credentials, bad clients, other grants and JSON bodies", async () => {
    const bad = await fetch(sb.urls.auth, { method: "POST", body: form({ password: "nope" }) });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: "invalid_grant", error_description: "Invalid user credentials" });
    const client = await fetch(sb.urls.auth, { method: "POST", body: form({ client_secret: "nope" }) });
    expect(client.status).toBe(401);
    expect((await client.json()).error).toBe("invalid_client");
    const grant = await fetch(sb.urls.auth, { method: "POST", body: form({ grant_type: "client_credentials" }) });
    expect(grant.status).toBe(400);
    expect((await grant.json()).error).toBe("unsupported_grant_type");
    const json = await http(sb.urls.auth, { body: Object.fromEntries(form()) });
    expect(json.status).toBe(400);
    expect(json.body.error).toBe("invalid_request");
  });

  it("supports the (Keycloak) refresh_token grant", async () => {
    const t = await passwordToken(sb);
    const res = await fetch(sb.urls.auth, { method: "POST", body: form({ grant_type: "refresh_token", refresh_token: t.refresh_token }) });
    expect(res.status).toBe(200);
    const t2 = await res.json();
    expect(t2.access_token).not.toBe(t.access_token);
    expect(t2.session_state).toBe(t.session_state);
  });

  it("requires a Bearer token and ?account= on v4, for the token's own account", async () => {
    const none = await http(`${sb.urls.v4}/price_types?account=${sb.accountId}`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect(none.body.errors[0].status).toBe("UNAUTHORIZED");
    const noAccount = await http(`${sb.urls.v4}/price_types`, { headers: { authorization: `Bearer ${c.token}` } });
    expect(noAccount.status).toBe(400);
    expect(noAccount.body).toEqual({ data: [], errors: [expect.objectContaining({ status: "MISSING_ACCOUNT" })] });
    const other = await http(`${sb.urls.v4}/price_types?account=999`, { headers: { authorization: `Bearer ${c.token}` } });
    expect(other.status).toBe(403);
    const garbage = await http(`${sb.urls.v4}/price_types?account=${sb.accountId}`, { headers: { authorization: "Bearer not-a-token" } });
    expect(garbage.status).toBe(401);
    // The static v2 API token is not a v4 access token.
    const v2token = await http(`${sb.urls.v4}/price_types?account=${sb.accountId}`, { headers: { authorization: `Bearer ${sb.credentials.v2_token}` } });
    expect(v2token.status).toBe(401);
    const ok = await c.v4("GET", "/price_types");
    expect(ok.status).toBe(200);
    expect(ok.body.data.map((t: any) => t.name)).toEqual(["USD-1", "EUR-1", "GBP-1"]);
  });

  it("uses 'OAuth2 <token>' on v2: the static token raw or base64; not a v4 access token, not Bearer", async () => {
    const v2 = sb.credentials.v2_token;
    const url = `${sb.urls.v2}/order?sync=0`;
    expect((await http(url, { headers: { authorization: `OAuth2 ${v2}` } })).status).toBe(200);
    expect((await http(url, { headers: { authorization: `OAuth2 ${Buffer.from(v2).toString("base64")}` } })).status).toBe(200);
    const v4token = await http(url, { headers: { authorization: `OAuth2 ${c.token}` } });
    expect(v4token.status).toBe(401);
    expect(v4token.body.response.comment).toContain("v4 access token");
    const bearer = await http(url, { headers: { authorization: `Bearer ${v2}` } });
    expect(bearer.status).toBe(401);
    expect(bearer.body.response.code).toBe(401);
    expect((await http(url, { headers: { authorization: "OAuth2 wrong-token" } })).status).toBe(401);
    expect((await http(url)).status).toBe(401);
  });

  it("expires tokens after their lifetime (401 TOKEN_EXPIRED) and a new token works", async () => {
    const t = (await passwordToken(sb)).access_token;
    const get = () => http(`${sb.urls.v4}/traits?account=${sb.accountId}`, { headers: { authorization: `Bearer ${t}` } });
    expect((await get()).status).toBe(200);
    await c.admin("POST", "/clock/advance", { seconds: 599 });
    expect((await get()).status).toBe(200);
    await c.admin("POST", "/clock/advance", { seconds: 2 });
    const expired = await get();
    expect(expired.status).toBe(401);
    expect(expired.body.errors[0].status).toBe("TOKEN_EXPIRED");
    await c.login();
    expect((await c.v4("GET", "/traits")).status).toBe(200);
  });

  it("really expires with a short real lifetime too", async () => {
    const s2 = await start({ tokenTtlSeconds: 1 });
    try {
      expect((await s2.c.v4("GET", "/traits")).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1100));
      expect((await s2.c.v4("GET", "/traits")).status).toBe(401);
    } finally {
      await s2.sb.close();
    }
  });

  it("lets the admin API expire every live token", async () => {
    await c.login();
    expect((await c.v4("GET", "/traits")).status).toBe(200);
    const r = await c.admin("POST", "/tokens/expire");
    expect(r.body.expired).toBeGreaterThan(0);
    expect((await c.v4("GET", "/traits")).status).toBe(401);
    await c.login();
  });
});
