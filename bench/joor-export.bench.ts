import "reflect-metadata";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config/config";
import { startSelvedge } from "../src/server/bootstrap";
import { seedJoorCatalogue } from "./lib/joor-catalogue";
import { openDatabase } from "../src/db/data-source";
import { PluginRegistry } from "../src/plugin/plugin-registry";

/**
 * P3 and P4 (CONTRACT §7): a full `export-all` of a large catalogue to the JOOR sandbox (rate limit off) —
 * variants per second and the worker's peak RSS (VmHWM of the Selvedge process), at two catalogue sizes side
 * by side — then the JOOR write credits of an incremental export-all after 1 % of the products changed, as a
 * share of the full export's, and the wall time of such a run under JOOR's real limit (300 credits / 300 s).
 *
 * Selvedge and the sandbox each run in their own process (`node -r @swc-node/register`), like production, so
 * the RSS measured is the Selvedge worker's alone. The catalogue is written straight into the database first.
 * Sizes: BENCH_JOOR_SIZES (default "1250,12500" products × 8 sizes = 10,000 and 100,000 variants).
 */
const ROOT = path.resolve(__dirname, "..");
const TOKEN = "slv_bench_joor_0123456789abcdef01";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

function spawnNode(script: string, env: Record<string, string>, ready: (line: string) => boolean, nodeArgs: string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeArgs, "-r", "@swc-node/register", script], {
    cwd: ROOT,
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "REDIS_URL")), ...env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    const out: string[] = [];
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${out.join("")}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out.push(chunk.toString());
      if (out.length > 200) out.shift();
      if (chunk.toString().split("\n").some(ready)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (c: Buffer) => out.push(c.toString()));
    const log = process.env.BENCH_JOOR_CHILD_LOG;
    if (log) {
      child.stdout!.on("data", (c: Buffer) => fs.appendFileSync(log, c));
      child.stderr!.on("data", (c: Buffer) => fs.appendFileSync(log, c));
    }
    child.once("exit", (code) => reject(new Error(`${script} exited (${code}):\n${out.join("")}`)));
  });
}

/** Peak resident set of a process (Linux VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? "0");
  return Math.round(kb / 1024);
}

async function gql(url: string, query: string, variables: Record<string, unknown> = {}, attempt = 1): Promise<any> {
  let res: Response;
  try {
    res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    // a keep-alive socket the busy server closed (ECONNRESET): ask again
    if (attempt >= 5) throw error;
    await new Promise((r) => setTimeout(r, 200 * attempt));
    return gql(url, query, variables, attempt + 1);
  }
  const json = (await res.json()) as { data?: any; errors?: unknown[] };
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json.data;
}

/** CPU time (user + system) a process has used so far, in seconds (Linux /proc/<pid>/stat, clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = fs
    .readFileSync(`/proc/${pid}/stat`, "utf8")
    .replace(/^.*\) /, "")
    .split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Peak resident set per export-all phase, sampled while the job runs (MB). */
export const rssByPhase: Record<string, number> = {};
let watchedPid = 0;

function currentRssMb(pid: number): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? "0");
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

async function runJob(url: string, operation: string, extra: Record<string, unknown> = {}): Promise<{ ms: number; job: any }> {
  const started = Date.now();
  const { startSync } = await gql(
    url,
    `mutation($i: StartSyncInput!) { startSync(input: $i) { __typename ... on Job { id } ... on ErrorResult { message } } }`,
    { i: { connector: "joor", operation, ...extra } },
  );
  if (startSync.__typename !== "Job") throw new Error(startSync.message);
  for (;;) {
    const { job } = await gql(
      url,
      `query($id: ID!) { job(id: $id) { state processed failed total phase error summary issues(first: 5) { edges { node { code message } } } } }`,
      { id: startSync.id },
    );
    if (watchedPid && job.phase) {
      const name = `${operation} ${String(job.phase).replace(/ \(.*$/, "")}`;
      rssByPhase[name] = Math.max(rssByPhase[name] ?? 0, currentRssMb(watchedPid));
    }
    if (["SUCCEEDED", "FAILED", "CANCELLED"].includes(job.state)) return { ms: Date.now() - started, job };
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function sandboxAdmin(base: string, method: string, p: string, body?: unknown): Promise<any> {
  const res = await fetch(`${base}/__admin${p}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.status === 204 ? null : res.json();
}

async function writeCredits(base: string): Promise<number> {
  const c = await sandboxAdmin(base, "GET", "/counters");
  const accounts = c.accounts ?? c.by_account ?? {};
  const acct = Array.isArray(accounts) ? accounts[0] : (accounts["100001"] ?? Object.values(accounts)[0]);
  return Number(acct?.write_credits ?? 0);
}

export interface JoorExportBenchRow {
  products: number;
  variants: number;
  customers: number;
  images: number;
  fullSeconds: number;
  variantsPerSecond: number;
  peakRssMb: number;
  fullWriteCredits: number;
  /** CPU seconds of the Selvedge process and of the sandbox during the full export (less load-dependent than wall time). */
  selvedgeCpuSeconds: number;
  sandboxCpuSeconds: number;
  state: string;
}

async function oneSize(products: number, withP4: boolean): Promise<{ row: JoorExportBenchRow; p4?: Record<string, unknown> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selvedge-bench-joor-"));
  const databaseUrl = `sqlite:${dir}/bench.sqlite`;
  const mediaDir = `${dir}/media`;
  const customers = Math.max(100, Math.round(products / 10));
  const images = Math.min(Number(process.env.BENCH_JOOR_IMAGES ?? 200), products);
  // 1. schema + catalogue, in this process
  const config = loadConfig(
    { ...process.env, LOG_LEVEL: "error" },
    { port: 0, host: "127.0.0.1", databaseUrl, mediaDir, bootstrapToken: TOKEN, redisUrl: undefined, role: "api" },
  );
  const seedApp = await startSelvedge({ config });
  const brand = await seedApp.services.identity.brandBySlug(config.bootstrapBrand.slug);
  await seedApp.services.identity.setModules(brand.id, ["inventory", "joor"]);
  const seeded = await seedJoorCatalogue(seedApp.ds, brand.id, { products, customers, images, imagesService: seedApp.services.images });
  await seedApp.stop();

  // 2. the sandbox and Selvedge, each in its own process
  const sbPort = await freePort();
  const sandbox = await spawnNode(
    "plugins/joor/sandbox/main.ts",
    {
      JOOR_SANDBOX_PORT: String(sbPort),
      JOOR_SANDBOX_RATE_LIMIT: "off",
      JOOR_SANDBOX_PERMISSIVE_ASSETS: "1",
    },
    (l) => l.includes("JOOR sandbox listening"),
    (process.env.BENCH_JOOR_SANDBOX_NODE_ARGS ?? "").split(" ").filter(Boolean),
  );
  const sb = `http://127.0.0.1:${sbPort}`;
  const apiPort = await freePort();
  const selvedge = await spawnNode(
    "src/main.ts",
    {
      NODE_ENV: "production",
      PORT: String(apiPort),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      SELVEDGE_MEDIA_DIR: mediaDir,
      SELVEDGE_BOOTSTRAP_TOKEN: TOKEN,
      LOG_LEVEL: "info",
      SELVEDGE_JOB_POLL_MS: "100",
    },
    (l) => l.includes("Selvedge API ready") || l.includes("listening"),
    [
      ...(process.env.BENCH_JOOR_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_JOOR_CPU_PROF}`] : []),
      ...(process.env.BENCH_JOOR_NODE_ARGS ?? "").split(" ").filter(Boolean),
    ],
  );
  const url = `http://127.0.0.1:${apiPort}`;
  watchedPid = selvedge.pid!;
  for (const k of Object.keys(rssByPhase)) delete rssByPhase[k];
  try {
    const [first, second] = seeded.seasonIds;
    const settings: Record<string, unknown> = {
      environment: "SANDBOX",
      authUrl: `${sb}/auth/`,
      v2Url: `${sb}/v2`,
      v4Url: `${sb}/v4`,
      accountId: "100001",
      clientId: "selvedge-sandbox",
      clientSecret: "sandbox-client-secret",
      username: "brand@sandbox.test",
      password: "sandbox-password",
      v2ApiToken: "sandbox-v2-token-100001",
      priceTypes: [
        { currency: "EUR", priceType: "EUR-1" },
        { currency: "USD", priceType: "USD-1" },
      ],
      priceSeasons: [first, second],
      atsSeasons: [first, second],
      includeFutureAts: true,
      immediateWarehouse: "Default",
      futureWarehouse: "FUTURE",
      creditBudget: 100_000,
      batchSize: 1000,
      requestTimeoutMs: 120_000,
    };
    await gql(url, `mutation { enableConnector(name: "joor") { enabled } }`);
    await gql(url, `mutation($v: [ConnectorSettingInput!]!) { updateConnectorSettings(connector: "joor", values: $v) { name } }`, {
      v: Object.entries(settings).map(([key, value]) => ({ key, value })),
    });

    const cpu0 = { selvedge: cpuSeconds(selvedge.pid!), sandbox: cpuSeconds(sandbox.pid!) };
    const full = await runJob(url, "export-all");
    const cpu1 = { selvedge: cpuSeconds(selvedge.pid!), sandbox: cpuSeconds(sandbox.pid!) };
    const fullCredits = await writeCredits(sb);
    const row: JoorExportBenchRow = {
      products,
      variants: seeded.variants,
      customers,
      images,
      fullSeconds: Math.round(full.ms / 100) / 10,
      variantsPerSecond: Math.round(seeded.variants / (full.ms / 1000)),
      peakRssMb: peakRssMb(selvedge.pid!),
      fullWriteCredits: fullCredits,
      selvedgeCpuSeconds: Math.round((cpu1.selvedge - cpu0.selvedge) * 10) / 10,
      sandboxCpuSeconds: Math.round((cpu1.sandbox - cpu0.sandbox) * 10) / 10,
      state: full.job.state,
    };
    console.log("P3 row", JSON.stringify(row), "peak RSS (MB) by phase", JSON.stringify(rssByPhase));
    if (full.job.state !== "SUCCEEDED") console.error("export-all did not succeed:", JSON.stringify(full.job).slice(0, 2000));
    console.log(`export-all of ${seeded.variants} variants: ms per phase`, JSON.stringify(full.job.summary?.millisecondsPerPhase));
    if (!withP4) return { row };

    // P4: 1 % of the products change (price, name, stock), then an incremental export-all
    const change = async (offset: number) => {
      const ds = await openDatabase({ databaseUrl, entities: PluginRegistry.load([]).entities(), migrations: [] });
      const n = Math.max(1, Math.round(products / 100));
      const ids = (await ds.query(`SELECT id FROM product WHERE brandId = ? ORDER BY id LIMIT ${n} OFFSET ${offset}`, [brand.id])) as { id: number }[];
      const list = ids.map((r) => r.id).join(",");
      await ds.query(`UPDATE season_price SET wholesale = wholesale + 1 WHERE productId IN (${list})`);
      await ds.query(`UPDATE product SET name = name || ' (new)' WHERE id IN (${list})`);
      await ds.query(`UPDATE stock_level SET availableToSell = availableToSell + 3 WHERE variantId IN (SELECT id FROM variant WHERE productId IN (${list}))`);
      await ds.destroy();
      return n;
    };
    const changed = await change(0);
    const before = await writeCredits(sb);
    const incremental = await runJob(url, "export-all");
    const incrementalCredits = (await writeCredits(sb)) - before;

    // the real limit: 300 credits per 300 s, on in the sandbox and in the connector's own budget
    await sandboxAdmin(sb, "PUT", "/rate-limit", { enabled: true, budget: 300, windowSeconds: 300, reset: true });
    await gql(url, `mutation($v: [ConnectorSettingInput!]!) { updateConnectorSettings(connector: "joor", values: $v) { name } }`, {
      v: [
        { key: "creditBudget", value: 300 },
        { key: "creditWindowSeconds", value: 300 },
      ],
    });
    await change(changed * 2);
    const c0 = await sandboxAdmin(sb, "GET", "/counters");
    const limited = await runJob(url, "export-all");
    const c1 = await sandboxAdmin(sb, "GET", "/counters");
    const acct = (c: any) => c.accounts?.["100001"] ?? Object.values(c.accounts ?? {})[0] ?? {};
    const limitedCredits = Number(acct(c1).credits_charged ?? 0) - Number(acct(c0).credits_charged ?? 0);
    const p4 = {
      productsChanged: changed,
      fullWriteCredits: fullCredits,
      incrementalWriteCredits: incrementalCredits,
      share: `${((incrementalCredits / fullCredits) * 100).toFixed(2)} %`,
      incrementalSeconds: Math.round(incremental.ms / 100) / 10,
      realLimit: {
        wallSeconds: Math.round(limited.ms / 100) / 10,
        creditsCharged: limitedCredits,
        state: limited.job.state,
        // computed: a run needing C credits waits ceil(C / 300) - 1 full windows of 300 s before its last requests
        computedWallSeconds: Math.max(0, Math.ceil(limitedCredits / 300) - 1) * 300 + Math.round(limited.ms / 1000),
        fullExportUnderLimitMinutes: Math.round(((Math.ceil(fullCredits / 300) - 1) * 300) / 60),
      },
    };
    return { row, p4 };
  } finally {
    if (process.env.BENCH_JOOR_CPU_PROF) {
      selvedge.kill("SIGINT");
      await new Promise((r) => selvedge.once("exit", r));
    } else selvedge.kill("SIGKILL");
    if (process.env.BENCH_JOOR_SANDBOX_NODE_ARGS?.includes("--cpu-prof")) {
      sandbox.kill("SIGINT");
      await new Promise((r) => sandbox.once("exit", r));
    } else sandbox.kill("SIGKILL");
    if (process.env.BENCH_JOOR_KEEP === "1") console.log(`kept the bench database: ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<unknown> {
  const sizes = (process.env.BENCH_JOOR_SIZES ?? "1250,12500").split(",").map(Number);
  const rows: JoorExportBenchRow[] = [];
  let p4: Record<string, unknown> | undefined;
  for (const [i, products] of sizes.entries()) {
    const r = await oneSize(products, i === sizes.length - 1 && process.env.BENCH_JOOR_P4 !== "0");
    rows.push(r.row);
    if (r.p4) p4 = r.p4;
  }
  console.table(rows);
  if (p4) console.log("P4", JSON.stringify(p4, null, 2));
  return { p3: rows, p4, note: "2-core shared machine; Selvedge (SQLite) and the sandbox in separate processes on loopback" };
}

if (require.main === module) {
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
