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
  const settings = await remote.query(`mutation($input: JoorSettingsInput!) { updateJoorSettings(input: $input) { complete missing } }`, {
    input: {
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
      connectionMode: "NEW_SYSTEM",
      immediateWarehouse: "Default",
      futureWarehouse: "FUTURE",
      includeFutureAts: true,
      priceTypes: [
        { currency: "EUR", priceType: "EUR-1" },
        { currency: "GBP", priceType: "GBP-1" },
        { currency: "USD", priceType: "USD-1" },
      ],
      priceSeasonIds: recent,
      atsSeasonIds: recent,
      importOrderSeasonId: seasons[0]?.id,
      importOrderApproved: true,
      orderOwnerId: owner?.id,
    },
  });
  // The client's own credit budget, matching the sandbox account's (a generic connector setting).
  await remote.query(`mutation($v: [ConnectorSettingInput!]!) { updateConnectorSettings(connector: "joor", values: $v) { name } }`, {
    v: [
      { key: "creditBudget", value: creditBudget },
      { key: "creditWindowSeconds", value: 60 },
    ],
  });
  if (!settings.updateJoorSettings.complete) throw new Error(`JOOR settings incomplete: ${settings.updateJoorSettings.missing.join(", ")}`);
  const test = await remote.query(`mutation { testJoorConnection { ok message } }`);
  say(`  connection test: ${test.testJoorConnection.ok ? "OK" : "FAILED"} — ${test.testJoorConnection.message}`);

  for (const s of seasons.slice(0, 2)) {
    const created = await remote.query(`mutation($input: CreateJoorLinesheetInput!) { createJoorLinesheet(input: $input) { id name } }`, {
      input: { name: `${s.name} Main`, seasonId: s.id },
    });
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
  const connections = (await admin<{ items: { customer_code: string }[] }>(sandbox, "/connections?limit=1000")).items
    .map((c) => c.customer_code)
    .filter(Boolean);
  const upcOf = new Map((await admin<{ items: { id: string; upc: string | null }[] }>(sandbox, "/skus?limit=100000")).items.map((x) => [String(x.id), x.upc]));
  // JOOR takes orders only for SKUs shoppable in a linesheet (collection): lines come from the order's collection.
  const collections = (await admin<{ items: { id: string; items: { sku_ids: string[] }[] }[] }>(sandbox, "/collections?limit=100")).items
    .map((c) => ({ id: String(c.id), upcs: c.items.flatMap((i) => i.sku_ids.map((id) => upcOf.get(String(id)))).filter((u): u is string => !!u) }))
    .filter((c) => c.upcs.length > 0);
  if (!connections.length || !collections.length)
    throw new Error(`nothing to order: ${connections.length} customers and ${collections.length} linesheets with SKUs on JOOR`);
  const placed: Placed = { total: 0, unknownBarcode: 0, unknownCustomer: 0 };
  const orders: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 12 === 5 ? "barcode" : i % 12 === 9 ? "customer" : "ok";
    const collection = pick(rand, collections);
    const upcs = [...new Set(Array.from({ length: intBetween(rand, 1, 4) }, () => pick(rand, collection.upcs)))];
    const lines = upcs.map((upc) => ({ upc, quantity: intBetween(rand, 1, 12) }));
    const order: Record<string, unknown> = {
      customer_code: pick(rand, connections),
      status: "APPROVED",
      po_number: `PO-DEMO-${1000 + i}`,
      collection_id: collection.id,
      lines,
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
  const d = await remote.query(
    `{ joorInboundOrders(first: 100, filter: { states: [HELD] }) { totalCount edges { node { joorOrderId reasons { code message } } } } }`,
  );
  return (d.joorInboundOrders.edges as { node: Held }[]).map((e) => e.node);
}

const num = (v: unknown) => (typeof v === "number" ? v.toLocaleString("en") : String(v));

/** What one step's summary says it did, e.g. "products: 190 sent (823 SKUs)". */
function describePhase(name: string, v: unknown): string | null {
  if (!v || typeof v !== "object") return null;
  const o = v as Record<string, any>;
  if (typeof o.imported === "number")
    return `orders: ${num(o.imported)} imported, ${num(o.held ?? 0)} held (of ${num(o.pulled ?? o.imported)} pulled from JOOR)`;
  if (typeof o.sent === "number") {
    const extra = name === "prices" && o.prices ? ` (${num(o.prices)} prices)` : name === "inventory" && o.lines ? ` (${num(o.lines)} stock lines)` : "";
    return `${name}: ${num(o.sent)} sent${extra}${o.unchanged ? `, ${num(o.unchanged)} unchanged` : ""}${o.failed ? `, ${num(o.failed)} failed` : ""}`;
  }
  if (o.products && typeof o.products.sent === "number") {
    return `${name}: ${num(o.products.sent)} products sent (${num(o.skus?.sent ?? 0)} SKUs, ${num(o.linesheets?.sent ?? 0)} linesheets)`;
  }
  return null;
}

/** Lines saying what each job did, from its summary (export-all: one line per phase). */
export function describeExport(jobs: RemoteJob[]): string[] {
  const lines: string[] = [];
  for (const j of jobs) {
    const s = (j.summary ?? {}) as Record<string, unknown>;
    lines.push(
      `${j.operation}: ${j.state.toLowerCase()} in ${((Date.parse(j.finishedAt ?? "") - Date.parse(j.startedAt ?? "")) / 1000).toFixed(1)} s, ${num(j.processed)} records${j.failed ? `, ${num(j.failed)} issues` : ""}`,
    );
    const phases = Array.isArray(s.phases) ? (s.phases as string[]) : [j.operation.replace(/^export-/, "")];
    for (const p of phases) {
      const line = describePhase(p, s[p] ?? (phases.length === 1 ? s : undefined));
      if (line) lines.push(`  ${line}`);
    }
  }
  return lines;
}
