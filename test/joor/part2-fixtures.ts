import sharp from "sharp";
import { startJoorSandbox, type JoorSandbox } from "../../plugins/joor/sandbox";
import { Customer } from "../../src/entities/customer.entity";
import { Address } from "../../src/entities/address.entity";
import { Product } from "../../src/entities/product.entity";
import { Season } from "../../src/entities/season.entity";
import { Variant } from "../../src/entities/variant.entity";
import type { SelvedgeConfig } from "../../src/config/config";
import { fastJobs } from "../jobs/helpers";
import { catalogueBuilder, type ProductOptions } from "../harness/fixtures";
import { startTestServer, type TestServer } from "../harness/test-server";
import type { GraphQLClient } from "../harness/graphql-client";
import { scopeFor } from "../harness/scope";
import { settingValues, UPDATE_CONNECTOR_SETTINGS } from "../harness/operations";

/** Selvedge (real server, real database) + the JOOR sandbox over real HTTP, with the JOOR connector set up for brand A. */
export interface JoorWorld {
  s: TestServer;
  sandbox: JoorSandbox;
  stop(): Promise<void>;
}

export function sandboxSettings(sandbox: JoorSandbox): Record<string, unknown> {
  const c = sandbox.credentials;
  return {
    authUrl: sandbox.urls.auth,
    v2Url: sandbox.urls.v2,
    v4Url: sandbox.urls.v4,
    accountId: sandbox.accountId,
    clientId: c.client_id,
    clientSecret: c.client_secret,
    username: c.username,
    password: c.password,
    v2ApiToken: c.v2_token,
    immediateWarehouse: "Default",
    futureWarehouse: "FUTURE",
    priceTypes: [
      { currency: "USD", priceType: "USD-1" },
      { currency: "EUR", priceType: "EUR-1" },
      { currency: "GBP", priceType: "GBP-1" },
    ],
  };
}

export async function startJoorWorld(
  options: { modules?: string[]; settings?: Record<string, unknown>; server?: Partial<SelvedgeConfig>; sandbox?: Parameters<typeof startJoorSandbox>[0] } = {},
): Promise<JoorWorld> {
  const sandbox = await startJoorSandbox({ port: 0, rateLimit: { enabled: false }, permissiveAssets: true, ...options.sandbox });
  const s = await startTestServer({ jobs: fastJobs(), ...options.server });
  await s.app.services.identity.setModules(s.brandId, options.modules ?? ["joor", "inventory"]);
  await setJoorSettings(s.admin, { ...sandboxSettings(sandbox), ...options.settings });
  return {
    s,
    sandbox,
    stop: async () => {
      await s.stop();
      await sandbox.close();
    },
  };
}

export async function setJoorSettings(client: GraphQLClient, values: Record<string, unknown>): Promise<void> {
  await client.run(UPDATE_CONNECTOR_SETTINGS, { connector: "joor", values: settingValues(values) });
}

const JOB = `id operation state attempts progress processed total failed phase error summary issues(first: 500) { edges { node { entity key code message } } }`;

export async function runJoor(client: GraphQLClient, operation: string, extra: Record<string, unknown> = {}, timeoutMs = 60_000) {
  const { startSync } = await client.ok(
    `mutation($input: StartSyncInput!) { startSync(input: $input) { __typename ... on Job { id } ... on ErrorResult { errorCode message } } }`,
    { input: { connector: "joor", operation, ...extra } },
  );
  if (startSync.__typename !== "Job") throw new Error(`startSync ${operation}: ${startSync.errorCode} ${startSync.message}`);
  return waitJoorJob(client, startSync.id, timeoutMs);
}

export async function waitJoorJob(
  client: GraphQLClient,
  id: string,
  timeoutMs = 60_000,
  until = (j: any) => ["SUCCEEDED", "FAILED", "CANCELLED"].includes(j.state),
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { job } = await client.ok(`query($id: ID!) { job(id: $id) { ${JOB} } }`, { id });
    if (until(job)) return { ...job, issues: job.issues.edges.map((e: any) => e.node) as { entity: string; key: string; code: string; message: string }[] };
    if (Date.now() > deadline) throw new Error(`job ${id} not done in ${timeoutMs} ms: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Reads the sandbox's admin API (what the brand sent), over HTTP. */
export async function admin<T = any>(sandbox: JoorSandbox, path: string): Promise<T> {
  const res = await fetch(`${sandbox.urls.admin}${path}`);
  if (!res.ok) throw new Error(`admin ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function adminItems<T = any>(sandbox: JoorSandbox, path: string): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += 1000) {
    const sep = path.includes("?") ? "&" : "?";
    const page = await admin<{ total: number; items: T[] }>(sandbox, `${path}${sep}offset=${offset}&limit=1000`);
    out.push(...page.items);
    if (out.length >= page.total || !page.items.length) return out;
  }
}

export async function season(s: TestServer, name: string, startDate: string): Promise<Season> {
  return catalogueBuilder(s.app.ds, s.brandId).season(name, startDate, name.slice(0, 8));
}

/** An active product with sizes (each with a barcode unless `noBarcode` lists the size). */
export async function product(
  s: TestServer,
  styleNumber: string,
  sizes = ["S", "M", "L"],
  opts: ProductOptions = {},
): Promise<{ product: Product; variants: Variant[] }> {
  return catalogueBuilder(s.app.ds, s.brandId).product(styleNumber, sizes, opts);
}

export async function visibleWithPrice(s: TestServer, productId: number, seasonId: number, prices: Record<string, [string, string | null]>): Promise<void> {
  const build = catalogueBuilder(s.app.ds, s.brandId);
  await build.showInSeason(productId, seasonId);
  await build.prices(productId, seasonId, prices);
}

export async function stock(s: TestServer, variantId: number, seasonId: number, availableToSell: number, projected = 0): Promise<void> {
  await s.app.services.stock.setStockLevels(scopeFor(s.app, s.brandId), [
    { variantId: String(variantId), seasonId: String(seasonId), availableToSell, projected },
  ] as never);
}

export async function docket(s: TestServer, productId: number, seasonId: number, lineStartDate: string): Promise<void> {
  await s.app.services.stock.setDocketLine(scopeFor(s.app, s.brandId), {
    productId: String(productId),
    seasonId: String(seasonId),
    lineStartDate,
    quantity: 10,
  } as never);
}

export async function customer(s: TestServer, name: string, accountCode: string | null, status: "ACTIVE" | "INACTIVE" = "ACTIVE"): Promise<Customer> {
  const c = await s.app.ds.getRepository(Customer).save({ brandId: s.brandId, name, accountCode, status, currency: "EUR" });
  await s.app.ds.getRepository(Address).save([
    { brandId: s.brandId, customerId: c.id, type: "DELIVERY", line1: "1 Rue Test", city: "Paris", postalCode: "75003", countryCode: "FR", isDefault: true },
    { brandId: s.brandId, customerId: c.id, type: "ACCOUNTS", line1: "2 Rue Test", city: "Paris", postalCode: "75003", countryCode: "FR", isDefault: true },
  ] as never);
  return c;
}

export async function attachImage(s: TestServer, productId: number, position: number, width: number, height: number, colour = { r: 120, g: 40, b: 90 }) {
  const data = await sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();
  return s.app.services.images.attach(scopeFor(s.app, s.brandId), productId, position, { url: `data:image/png;base64,${data.toString("base64")}` });
}
