import type { JoorSandbox } from "../plugins/joor/sandbox";
import type { RemoteSelvedge } from "../src/cli/remote-client";
import type { RemoteJob } from "../src/cli/job-follow";
import { seededRandom, pick, intBetween } from "../src/domain/seeded-random";

/**
 * The JOOR parts of `npm run demo`, all through Selvedge's public GraphQL API (and the sandbox's admin API for
 * what a retailer does on JOOR's side).
 */
type Say = (line?: string) => void;

/** The export operations, in the order export-all runs them (used when export-all is not installed). */
export const EXPORT_STEPS = ["export-customers", "export-products", "export-prices", "export-images", "export-inventory"];

export async function joorOperations(remote: RemoteSelvedge): Promise<string[]> {
  const d = await remote.query(`{ connectors { name operations { name } } }`);
  const joor = (d.connectors as { name: string; operations: { name: string }[] }[]).find((c) => c.name === "joor");
  if (!joor) throw new Error("The joor plugin is not installed (SELVEDGE_PLUGINS)");
  return joor.operations.map((o) => o.name);
}

/** Enables JOOR, points it at the sandbox (updateJoorSettings), and builds one linesheet per season. */
export async function configureJoor(remote: RemoteSelvedge, sandbox: JoorSandbox, say: Say, creditBudget: number): Promise<void> {
  await remote.query(`mutation { enableConnector(name: "joor") { enabled } }`);
  const d = await remote.query(`{ seasons { id name startDate } users { id name role } }`);
  const seasons = d.seasons as { id: string; name: string; startDate: string }[]; // most recent first
  const owner = (d.users as { id: string; role: string }[]).find((u) => u.role === "EDITOR") ?? d.users[0];
  const recent = seasons.slice(0, 2).map((s) => s.id);
  const settings = await remote.query(
    `mutation($input: JoorSettingsInput!) { updateJoorSettings(input: $input) { complete missing } }`,
    {
      input: {
        environment: "SANDBOX", authUrl: sandbox.urls.auth, v2Url: sandbox.urls.v2, v4Url: sandbox.urls.v4,
        accountId: sandbox.accountId, clientId: sandbox.credentials.client_id, clientSecret: sandbox.credentials.client_secret,
        username: sandbox.credentials.username, password: sandbox.credentials.password, v2ApiToken: sandbox.credentials.v2_token,
        connectionMode: "NEW_SYSTEM", immediateWarehouse: "Default", futureWarehouse: "FUTURE", includeFutureAts: true,
        priceTypes: [{ currency: "EUR", priceType: "EUR-1" }, { currency: "GBP", priceType: "GBP-1" }, { currency: "USD", priceType: "USD-1" }],
        priceSeasonIds: recent, atsSeasonIds: recent, importOrderSeasonId: seasons[0]?.id, importOrderApproved: true, orderOwnerId: owner?.id,
      },
    },
  );
  // The client's own credit budget, matching the sandbox account's (a generic connector setting).
  await remote.query(`mutation($v: [ConnectorSettingInput!]!) { updateConnectorSettings(connector: "joor", values: $v) { name } }`, {
    v: [{ key: "creditBudget", value: creditBudget }, { key: "creditWindowSeconds", value: 60 }],
  });
  if (!settings.updateJoorSettings.complete) throw new Error(`JOOR settings incomplete: ${settings.updateJoorSettings.missing.join(", ")}`);
  const test = await remote.query(`mutation { testJoorConnection { ok message } }`);
  say(`  connection test: ${test.testJoorConnection.ok ? "OK" : "FAILED"} — ${test.testJoorConnection.message}`);

  for (const s of seasons.slice(0, 2)) {
    const created = await remote.query(
      `mutation($input: CreateJoorLinesheetInput!) { createJoorLinesheet(input: $input) { id name } }`,
      { input: { name: `${s.name} Main`, seasonId: s.id } },
    );
    const added = await remote.query(
      `mutation($id: ID!, $filter: JoorLinesheetBulkAddInput!) { addProductsToJoorLinesheetBy(id: $id, filter: $filter) { added } }`,
      { id: created.createJoorLinesheet.id, filter: { seasonId: s.id } },
    );
    say(`  linesheet "${created.createJoorLinesheet.name}": ${added.addProductsToJoorLinesheetBy.added} products`);
  }
}

async function admin<T = any>(sandbox: JoorSandbox, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${sandbox.urls.admin}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`sandbox ${path}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json as T;
}

export interface Placed {
  total: number;
  unknownBarcode: number;
  unknownCustomer: number;
}

/**
 * The sandbox's retailers place `count` approved orders on what Selvedge exported: a few lines each from the
 * exported SKUs, for exported customers; a few carry a barcode Selvedge does not know, a few a customer code it
 * does not know (so that import-orders holds them).
 */
export async function placeRetailerOrders(sandbox: JoorSandbox, say: Say, count = 36): Promise<Placed> {
  const rand = seededRandom(12);
  const connections = (await admin<{ items: { customer_code: string }[] }>(sandbox, "/connections?limit=1000")).items.map((c) => c.customer_code).filter(Boolean);
  const skus = (await admin<{ items: { upc: string | null }[] }>(sandbox, "/skus?limit=100000")).items.map((s) => s.upc).filter((u): u is string => !!u);
  const collections = (await admin<{ items: { id: string }[] }>(sandbox, "/collections?limit=100")).items.map((c) => c.id);
  if (!connections.length || !skus.length) throw new Error(`nothing to order: ${connections.length} customers and ${skus.length} SKUs on JOOR`);
  const placed: Placed = { total: 0, unknownBarcode: 0, unknownCustomer: 0 };
  const orders: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 12 === 5 ? "barcode" : i % 12 === 9 ? "customer" : "ok";
    const lines = Array.from({ length: intBetween(rand, 1, 4) }, () => ({ upc: pick(rand, skus), quantity: intBetween(rand, 1, 12) }));
    const order: Record<string, unknown> = {
      customer_code: pick(rand, connections), status: "APPROVED", po_number: `PO-DEMO-${1000 + i}`, lines,
      ...(collections.length ? { collection_id: pick(rand, collections) } : {}),
    };
    if (kind === "barcode") {
      order.allow_unknown_upcs = true;
      lines.push({ upc: "000000000000", quantity: 2 }); // a UPC nobody knows
      placed.unknownBarcode++;
    }
    if (kind === "customer") {
      order.overrides = { customer_code: `GONE-${100 + i}` }; // a customer code Selvedge does not have
      placed.unknownCustomer++;
    }
    orders.push(order);
  }
  await admin(sandbox, "/orders", orders);
  placed.total = orders.length;
  say(`  ${placed.total} approved orders placed by ${new Set(orders.map((o) => (o as { customer_code: string }).customer_code)).size} retailers`);
  return placed;
}

export interface Held {
  joorOrderId: string;
  reasons: { code: string; message: string }[];
}

export async function heldOrders(remote: RemoteSelvedge): Promise<Held[]> {
  const d = await remote.query(`{ joorInboundOrders(first: 100, filter: { states: [HELD] }) { totalCount edges { node { joorOrderId reasons { code message } } } } }`);
  return (d.joorInboundOrders.edges as { node: Held }[]).map((e) => e.node);
}

/** One line per export step: what the job's summary says it sent. */
export function describeExport(jobs: RemoteJob[]): string[] {
  return jobs.map((j) => {
    const s = j.summary ?? {};
    const facts = Object.entries(s)
      .filter(([, v]) => typeof v === "number" || typeof v === "string" || typeof v === "boolean")
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    return `${j.operation}: ${j.state.toLowerCase()}${facts ? ` (${facts})` : ""}${j.failed ? `, ${j.failed} issues` : ""}`;
  });
}
