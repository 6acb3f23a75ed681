import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { loadConfig } from "../src/config/config";
import { startSelvedge, SelvedgeApp } from "../src/server/bootstrap";
import { seedDemo } from "../src/demo/seed-demo";
import { RemoteSelvedge } from "../src/cli/remote-client";
import { followJob, JOB_FIELDS, printOutcome, RemoteJob } from "../src/cli/job-follow";
import { startJoorSandbox, JoorSandbox } from "../plugins/joor/sandbox";
import { configureJoor, describeExport, EXPORT_STEPS, heldOrders, joorOperations, placeRetailerOrders } from "./joor-steps";

/**
 * `npm run demo`: Selvedge on a fresh embedded database + the JOOR sandbox, the demo brand, JOOR enabled and
 * configured against the sandbox, a full export with a live progress bar, a few dozen retailer orders (some
 * that must be held), an order import, what happened, and the dashboard URL with a token. Stays up until Ctrl-C.
 * Everything after the start goes through the public GraphQL API, as the CLI and the dashboard do.
 * Env: DEMO_PORT (default 4000; a free port when taken), DEMO_DIR (default ./data/demo, wiped at start).
 */
const out = {
  write: (t: string) => process.stdout.write(t),
  get isTTY() {
    return process.stdout.isTTY === true;
  },
};
const say = (line = "") => out.write(line + "\n");
const step = (title: string) => say(`\n\u25b6 ${title}`);

async function startServer(dir: string, token: string, port: number): Promise<SelvedgeApp> {
  const config = (p: number) =>
    loadConfig(
      { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "error" },
      {
        port: p,
        host: "127.0.0.1",
        databaseUrl: `sqlite:${path.join(dir, "selvedge.sqlite")}`,
        mediaDir: path.join(dir, "media"),
        bootstrapToken: token,
        plugins: ["joor"],
        redisUrl: undefined,
      },
    );
  try {
    return await startSelvedge({ config: config(port) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    say(`  port ${port} is taken: using a free one`);
    return startSelvedge({ config: config(0) });
  }
}

let fields = JOB_FIELDS;

async function runJob(remote: RemoteSelvedge, operation: string, input: Record<string, unknown> = {}): Promise<RemoteJob> {
  const { startSync: r } = await remote.query(
    `mutation($input: StartSyncInput!) { startSync(input: $input) { __typename ... on Job { id } ... on ErrorResult { message } } }`,
    { input: { connector: "joor", operation, ...input } },
  );
  if (r.__typename !== "Job") throw new Error(`${operation}: ${r.message}`);
  const job = await followJob(remote, r.id, out, fields);
  await printOutcome(remote, job, out, 5, false); // "What happened" reads the summaries
  return job;
}

async function main(): Promise<void> {
  const dir = path.resolve(process.env.DEMO_DIR ?? "data/demo");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const token = `slv_demo_${randomBytes(12).toString("hex")}`;

  step("Starting the JOOR sandbox and Selvedge (fresh SQLite database in " + path.relative(process.cwd(), dir) + ")");
  // JOOR's credit-based rate limit is on, with a budget that a demo-sized export can spend within a minute.
  const creditBudget = Number(process.env.DEMO_JOOR_CREDITS ?? 3000);
  const sandbox: JoorSandbox = await startJoorSandbox({
    port: 0,
    host: "127.0.0.1",
    permissiveAssets: true,
    rateLimit: { enabled: true, budget: creditBudget, windowSeconds: 60 },
  });
  const app = await startServer(dir, token, Number(process.env.DEMO_PORT ?? 4000));
  const stop = async () => {
    say("\nStopping…");
    await app.stop().catch(() => undefined);
    await sandbox.close().catch(() => undefined);
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
  say(`  Selvedge ${app.url}/graphql · JOOR sandbox ${sandbox.url}`);

  step("Loading the demo brand (seasons, customers, products with barcodes, prices, stock, images)");
  const brand = await app.services.identity.brandBySlug(loadConfig().bootstrapBrand.slug);
  const seeded = await seedDemo(app.ds, brand.id, { mediaDir: path.join(dir, "media") });
  say(`  ${seeded.seasons} seasons, ${seeded.customers} customers, ${seeded.products} products (${seeded.variants} variants), ${seeded.images} images`);

  const remote = new RemoteSelvedge(app.url!, token);
  step("Enabling JOOR and configuring it against the sandbox");
  await configureJoor(remote, sandbox, say, creditBudget);
  const operations = await joorOperations(remote);
  const hasPhase = (await remote.query(`{ __type(name: "Job") { fields { name } } }`)).__type.fields.some((f: { name: string }) => f.name === "phase");
  if (hasPhase) fields = `${JOB_FIELDS} phase`;

  const exported: RemoteJob[] = [];
  if (operations.includes("export-all")) {
    step("export-all: customers, products, prices, images, stock to JOOR");
    exported.push(await runJob(remote, "export-all", { full: true }));
  } else {
    // Until export-all is installed, the same steps one by one (those that exist).
    for (const op of EXPORT_STEPS.filter((o) => operations.includes(o))) {
      step(`${op} to JOOR`);
      exported.push(await runJob(remote, op, { full: true }));
    }
  }

  step("Retailers place approved orders in JOOR (some with an unknown barcode or customer code)");
  const placed = await placeRetailerOrders(sandbox, say).catch((error: Error) => {
    say(`  no orders placed: ${error.message}`);
    return null;
  });

  let imported: RemoteJob | null = null;
  if (placed && operations.includes("import-orders")) {
    step("import-orders: approved JOOR orders into Selvedge");
    imported = await runJob(remote, "import-orders");
  }

  step("What happened");
  for (const line of describeExport(exported)) say(`  ${line}`);
  if (placed)
    say(`  orders placed in JOOR: ${placed.total} (${placed.unknownBarcode} with an unknown barcode, ${placed.unknownCustomer} with an unknown customer code)`);
  if (imported) {
    for (const line of describeExport([imported])) say(`  ${line}`);
    const held = await heldOrders(remote);
    say(`  orders held: ${held.length}`);
    for (const h of held.slice(0, 12)) say(`    JOOR order ${h.joorOrderId}: ${h.reasons.map((r) => `${r.code} (${r.message})`).join("; ")}`);
  }

  say("");
  say(`Dashboard: ${app.url}/dashboard`);
  say(`Sign in with this admin token (kept in the tab only): ${token}`);
  say(`CLI:       SELVEDGE_URL=${app.url} SELVEDGE_TOKEN=${token} npm run cli -- jobs`);
  say("Selvedge and the sandbox stay up until Ctrl-C.");
}

main().catch((error) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
