/**
 * `npm run joor:sandbox` — start the JOOR sandbox with a seeded account and print how to use it.
 * Env: JOOR_SANDBOX_PORT (default 4100), JOOR_SANDBOX_HOST (default 127.0.0.1),
 * JOOR_SANDBOX_SEED (seed JSON file), JOOR_SANDBOX_STATE (persist state to this JSON file),
 * JOOR_SANDBOX_RATE_LIMIT (on|off, default on), JOOR_SANDBOX_RATE_BUDGET, JOOR_SANDBOX_RATE_WINDOW,
 * JOOR_SANDBOX_TOKEN_TTL (seconds), JOOR_SANDBOX_MESSY_ORDERS (1 = v2 orders as messy as real JOOR's),
 * JOOR_SANDBOX_PERMISSIVE_ASSETS (1 = accept data: and loopback/private image URLs, for local use).
 */
import { readFileSync } from "node:fs";
import { startJoorSandbox } from "./server";

function envFlag(name: string): boolean {
  return ["1", "on", "true", "yes"].includes((process.env[name] ?? "").toLowerCase());
}

function envInt(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined || v === "") return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number (got '${v}')`);
  return n;
}

async function main(): Promise<void> {
  const seedPath = process.env.JOOR_SANDBOX_SEED;
  const seed: unknown = seedPath ? JSON.parse(readFileSync(seedPath, "utf8")) : undefined;
  const rl = (process.env.JOOR_SANDBOX_RATE_LIMIT ?? "on").toLowerCase();
  const sandbox = await startJoorSandbox({
    port: envInt("JOOR_SANDBOX_PORT") ?? 4100,
    host: process.env.JOOR_SANDBOX_HOST || "127.0.0.1",
    seed,
    statePath: process.env.JOOR_SANDBOX_STATE || undefined,
    tokenTtlSeconds: envInt("JOOR_SANDBOX_TOKEN_TTL"),
    messyOrders: envFlag("JOOR_SANDBOX_MESSY_ORDERS"),
    permissiveAssets: envFlag("JOOR_SANDBOX_PERMISSIVE_ASSETS"),
    rateLimit: {
      enabled: !["off", "0", "false", "no"].includes(rl),
      ...(envInt("JOOR_SANDBOX_RATE_BUDGET") !== undefined ? { budget: envInt("JOOR_SANDBOX_RATE_BUDGET") } : {}),
      ...(envInt("JOOR_SANDBOX_RATE_WINDOW") !== undefined ? { windowSeconds: envInt("JOOR_SANDBOX_RATE_WINDOW") } : {}),
    },
  });
  const c = sandbox.credentials;
  const rate = sandbox.rateLimiter.config;
  const lines = [
    `JOOR sandbox listening on ${sandbox.url}`,
    "",
    `  token endpoint  POST ${sandbox.urls.auth}   (form: grant_type=password, client_id, client_secret, username, password)`,
    `  v2 base URL     ${sandbox.urls.v2}           header: Authorization: OAuth2 ${c.v2_token}`,
    `  v4 base URL     ${sandbox.urls.v4}           header: Authorization: Bearer <access_token>; query: ?account=${sandbox.accountId}`,
    `  admin API       ${sandbox.urls.admin}/       (no auth; see plugins/joor/sandbox/README.md)`,
    "",
    `  account id      ${sandbox.accountId}`,
    `  client_id       ${c.client_id}`,
    `  client_secret   ${c.client_secret}`,
    `  username        ${c.username}`,
    `  password        ${c.password}`,
    `  v2 API token    ${c.v2_token}`,
    "",
    `  rate limit      ${rate.enabled ? `on: ${rate.budget} credits per ${rate.windowSeconds} s (GET ${rate.getCost}, write ${rate.writeCost})` : "off"}`,
    `  state           ${process.env.JOOR_SANDBOX_STATE ? `persisted to ${process.env.JOOR_SANDBOX_STATE}` : "in memory"}`,
    `  messy orders    ${sandbox.config.messyOrders ? "on" : "off (JOOR_SANDBOX_MESSY_ORDERS=1 to turn on)"}`,
    `  asset URLs      ${sandbox.config.permissiveAssets ? "permissive: data: and loopback/private hosts accepted" : "public http(s) only (JOOR_SANDBOX_PERMISSIVE_ASSETS=1 to accept data: and 127.0.0.1)"}`,
    "",
    "Try:",
    `  curl -s -X POST ${sandbox.urls.auth} -d grant_type=password -d client_id=${c.client_id} -d client_secret=${c.client_secret} -d username=${c.username} -d password=${c.password}`,
    `  curl -s ${sandbox.urls.admin}/`,
  ];
  console.log(lines.join("\n"));

  const stop = (signal: string): void => {
    console.log(`\n${signal}: stopping the JOOR sandbox`);
    sandbox.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((e: unknown) => {
  console.error(`joor-sandbox: ${(e as Error).message}`);
  process.exit(1);
});
