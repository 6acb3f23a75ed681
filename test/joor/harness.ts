import { startJoorSandbox, type JoorSandbox, type JoorSandboxOptions } from "../../plugins/joor/sandbox";
import type { SelvedgeConfig } from "../../src/config/config";
import { ean13, freshBarcode } from "../harness/fixtures";
import { GraphQLClient } from "../harness/graphql-client";
import { ENABLE_CONNECTOR, JOB_ISSUES, JOB_LOGS, settingValues, START_SYNC, UPDATE_CONNECTOR_SETTINGS } from "../harness/operations";
import { startTestServer, type TestServer } from "../harness/test-server";
import { fastJobs, JOB_FIELDS, waitForJob } from "../jobs/helpers";
import { scopeFor } from "../harness/scope";

/**
 * Shared set-up for JOOR tests: Selvedge (with the joor plugin, fast jobs, a throw-away SQLite or MariaDB
 * database) and the JOOR sandbox, both in-process on random ports; the brand gets the joor module and
 * settings pointing at the sandbox. Seeding goes through the core services (the same rules as the API).
 */
export interface JoorEnv {
  server: TestServer;
  sandbox: JoorSandbox;
  admin: GraphQLClient;
  brandId: number;
  /** Complete settings for the sandbox's account (credit budget high: the sandbox's limit is what tests switch on). */
  settings(extra?: Record<string, unknown>): Record<string, unknown>;
  /** Enables the connector and writes settings() + extra through the generic settings API. */
  configure(extra?: Record<string, unknown>, client?: GraphQLClient): Promise<void>;
  /** startSync + wait for the terminal state; returns the job (JOB_FIELDS). */
  run(operation: string, flags?: { dryRun?: boolean; full?: boolean }, timeoutMs?: number, client?: GraphQLClient): Promise<any>;
  issues(jobId: string, client?: GraphQLClient): Promise<{ entity: string; key: string; code: string; message: string }[]>;
  logs(jobId: string, client?: GraphQLClient): Promise<{ level: string; message: string }[]>;
  /** Write requests (POST/PUT/DELETE) the sandbox's account received so far. */
  sandboxWrites(): number;
  seed: JoorSeed;
  /** Seeding for another brand (e.g. one made with server.otherBrand). */
  seedFor(brandId: number): JoorSeed;
  stop(): Promise<void>;
}

export interface JoorSeed {
  season(name?: string, startDate?: string, code?: string | null): Promise<{ id: number; name: string }>;
  customer(input?: Record<string, unknown>): Promise<{ id: number; accountCode: string | null }>;
  /** A product with sizes (barcodes generated when not given; `null` = no barcode). */
  product(
    input?: Record<string, unknown> & { sizes?: { size: string; barcode?: string | null }[] },
  ): Promise<{ id: number; styleNumber: string; colourCode: string }>;
}

let counter = 0;

export async function startJoorEnv(
  o: { sandbox?: JoorSandboxOptions; server?: Partial<SelvedgeConfig>; configure?: boolean; settings?: Record<string, unknown> } = {},
): Promise<JoorEnv> {
  const sandbox = await startJoorSandbox({ port: 0, rateLimit: { enabled: false }, ...o.sandbox });
  const server = await startTestServer({ plugins: ["joor"], jobs: fastJobs(), ...o.server });
  const admin = server.admin;
  const brandId = server.brandId;
  const services = server.app.services;

  const settings = (extra: Record<string, unknown> = {}) => ({
    environment: "SANDBOX",
    authUrl: sandbox.urls.auth,
    v2Url: sandbox.urls.v2,
    v4Url: sandbox.urls.v4,
    accountId: sandbox.accountId,
    clientId: sandbox.credentials.client_id,
    clientSecret: sandbox.credentials.client_secret,
    username: sandbox.credentials.username,
    password: sandbox.credentials.password,
    v2ApiToken: sandbox.credentials.v2_token,
    priceTypes: [
      { currency: "EUR", priceType: "EUR-1" },
      { currency: "GBP", priceType: "GBP-1" },
      { currency: "USD", priceType: "USD-1" },
    ],
    creditBudget: 100_000,
    requestTimeoutMs: 5_000,
    ...extra,
  });
  const configure = async (extra: Record<string, unknown> = {}, client = admin) => {
    await client.run(ENABLE_CONNECTOR, { name: "joor" });
    const r = await client.run(UPDATE_CONNECTOR_SETTINGS, { connector: "joor", values: settingValues(settings(extra)) });
    if (!r.updateConnectorSettings.settingsComplete) throw new Error(`JOOR settings incomplete: ${r.updateConnectorSettings.missingSettings}`);
  };
  if (o.configure !== false) await configure(o.settings);

  const seedFor = (brandId: number): JoorSeed => ({
    season: async (name = `SEASON ${++counter}`, startDate = "2026-02-01", code = null) => {
      const s = await services.seasons.create(scopeFor(server.app, brandId), { name, startDate, code } as never);
      return { id: s.id, name: s.name };
    },
    customer: async (input = {}) => {
      const n = ++counter;
      const c = await services.customers.create(scopeFor(server.app, brandId), {
        name: `Customer ${n}`,
        accountCode: `C${String(n).padStart(5, "0")}`,
        status: "ACTIVE",
        currency: "EUR",
        email: `buyer${n}@shop.test`,
        addresses: [
          { type: "DELIVERY", name: "Warehouse", line1: `${n} Dock Road`, city: "London", countryCode: "GB", postalCode: "E1 1AA" },
          { type: "ACCOUNTS", name: "Accounts", line1: `${n} Bank Street`, city: "London", countryCode: "GB" },
          { type: "STORE", name: "Shop", line1: `${n} High Street`, city: "Bath", countryCode: "GB" },
        ],
        ...input,
      } as never);
      return { id: c.id, accountCode: c.accountCode };
    },
    product: async (input = {}) => {
      const n = ++counter;
      const sizes = (input.sizes ?? [{ size: "S" }, { size: "M" }, { size: "L" }]).map((x) => ({
        size: x.size,
        barcode: x.barcode === undefined ? freshBarcode() : x.barcode,
      }));
      const p = await services.products.create(scopeFor(server.app, brandId), {
        styleNumber: `ST${n}`,
        colourCode: "BLK",
        colourName: "Black",
        name: `Style ${n}`,
        description: "A fine thing",
        category: "Tops",
        composition: "100% cotton",
        countryOfOrigin: "PT",
        active: true,
        ...input,
        sizes,
      } as never);
      return { id: p.id, styleNumber: p.styleNumber, colourCode: p.colourCode };
    },
  });
  const seed = seedFor(brandId);

  return {
    server,
    sandbox,
    admin,
    brandId,
    settings,
    configure,
    seed,
    seedFor,
    run: async (operation, flags = {}, timeoutMs = 60_000, client = admin) => {
      const { startSync } = await client.run(START_SYNC, { input: { connector: "joor", operation, ...flags } });
      if (startSync.__typename !== "Job") throw new Error(`startSync refused: ${JSON.stringify(startSync)}`);
      return waitForJob(client, startSync.id, timeoutMs);
    },
    issues: async (jobId, client = admin) => (await client.run(JOB_ISSUES, { id: jobId })).job.issues.edges.map((e) => e.node),
    logs: async (jobId, client = admin) => (await client.run(JOB_LOGS, { id: jobId })).job.logs.edges.map((e) => e.node),
    sandboxWrites: () => sandbox.counters.account(sandbox.accountId).writes,
    stop: async () => {
      await server.stop();
      await sandbox.close();
    },
  };
}

/**
 * The set-up the order-import tests share: a JOOR env whose brand imports approved orders, by default into the
 * season `fallbackSeason` (made here); `settings(env)` adds settings of the test's own (made after the env is up).
 */
export async function startOrderImportEnv(
  fallbackSeason: string,
  settings: (env: JoorEnv) => Promise<Record<string, unknown>> = async () => ({}),
): Promise<{ env: JoorEnv; fallback: { id: number; name: string } }> {
  const env = await startJoorEnv();
  const fallback = await env.seed.season(fallbackSeason, "2026-01-01");
  await env.configure({ importOrderSeason: fallback.id, importOrderApproved: true, ...(await settings(env)) });
  return { env, fallback };
}

/** Runs import-orders to its end; it must succeed (held orders are part of a successful run). */
export async function importOrders(env: JoorEnv): Promise<any> {
  const job = await env.run("import-orders");
  expect(job.state).toBe("SUCCEEDED");
  return job;
}

export { ean13, freshBarcode, JOB_FIELDS };
