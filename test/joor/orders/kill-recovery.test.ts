import mysql from "mysql2/promise";
import { startJoorSandbox, type JoorSandbox } from "../../../plugins/joor/sandbox";
import { GraphQLClient } from "../../harness/graphql-client";
import type { TestDatabase } from "../../harness/databases";
import { suiteDatabaseKind } from "../../harness/databases";
import { bootstrapToken, type SelvedgeProcess, sharedDatabase, spawnSelvedge } from "../../jobs/processes";
import { CONFIGURE, graphqlSeeder, mirrorCatalogue, mirrorCustomers, placeMany, sandboxSettings } from "./scale-world";

const ORDERS = 2_000;
// better-sqlite3 ships no types; only these three calls are used to read counts.
type CountingDatabase = new (file: string, o: object) => { pragma(s: string): unknown; prepare(s: string): { get(): unknown }; close(): void };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database: CountingDatabase = require("better-sqlite3");

/**
 * kill -9 of the process running import-orders — once with orders staged but not imported (on SQLite after all are
 * staged; on MariaDB, where pages are imported while the next is pulled, mid-pull), once after about half of them
 * are imported — then restarts: every sandbox order exists exactly once in
 * Selvedge (imported or held). On MariaDB two processes share the work after the restart.
 */
describe("import-orders survives kill -9", () => {
  let db: TestDatabase;
  let sb: JoorSandbox;
  const procs: SelvedgeProcess[] = [];
  afterAll(async () => {
    for (const p of procs) await p.kill("SIGKILL");
    await sb?.close();
    await db?.drop();
  });

  async function start(token: string): Promise<{ proc: SelvedgeProcess; client: GraphQLClient }> {
    const proc = await spawnSelvedge(
      {
        DATABASE_URL: db.url,
        SELVEDGE_BOOTSTRAP_TOKEN: token,
        SELVEDGE_JOB_POLL_MS: "50",
        SELVEDGE_JOB_HEARTBEAT_MS: "100",
        SELVEDGE_JOB_STALE_AFTER_MS: "1500",
      },
      60_000,
    );
    procs.push(proc);
    return { proc, client: new GraphQLClient(proc.url!, token) };
  }

  /** A request that a busy process (a long SQLite transaction) may answer with a reset: tried again a few times. */
  const patient = async <T>(f: () => Promise<T>): Promise<T> => {
    for (let i = 0; ; i++) {
      try {
        return await f();
      } catch (error) {
        if (i >= 20 || !/fetch failed/.test(String((error as Error).message))) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  /** Counts read straight from the database (the process under test may be busy importing). */
  const counts = async (_client?: GraphQLClient) => {
    const sql = `SELECT
      (SELECT COUNT(*) FROM joor_inbound_order WHERE state = 'STAGED') AS staged,
      (SELECT COUNT(*) FROM joor_inbound_order WHERE state = 'IMPORTED') AS imported,
      (SELECT COUNT(*) FROM joor_inbound_order WHERE state = 'HELD') AS held,
      (SELECT COUNT(*) FROM joor_inbound_order) AS \`all\`,
      (SELECT COUNT(*) FROM sales_order WHERE source = 'JOOR') AS orders`;
    let row: Record<string, unknown>;
    if (db.url.startsWith("sqlite:")) {
      const lite = new Database(db.url.slice("sqlite:".length), { readonly: true, fileMustExist: true });
      try {
        lite.pragma("busy_timeout = 5000");
        row = lite.prepare(sql.replace(/\\`/g, '"')).get() as Record<string, unknown>;
      } finally {
        lite.close();
      }
    } else {
      const conn = await mysql.createConnection(db.url);
      try {
        row = ((await conn.query(sql))[0] as Record<string, unknown>[])[0];
      } finally {
        await conn.end();
      }
    }
    const n = (k: string) => Number(row[k]);
    return { staged: n("staged"), imported: n("imported"), held: n("held"), all: n("all"), orders: n("orders") };
  };

  async function until(client: GraphQLClient, ok: (c: Awaited<ReturnType<typeof counts>>) => boolean, timeoutMs: number) {
    const t0 = Date.now();
    for (;;) {
      const c = await counts(client);
      if (ok(c)) return c;
      if (Date.now() - t0 > timeoutMs) throw new Error(`timed out: ${JSON.stringify(c)}`);
      await new Promise((r) => setTimeout(r, 15));
    }
  }

  it("kill -9 between staging and import and after half of 2,000 orders, restart: every sandbox order exists exactly once", async () => {
    db = await sharedDatabase();
    sb = await startJoorSandbox({ port: 0, rateLimit: { enabled: false } });
    const token = bootstrapToken();
    const first = await start(token);
    await mirrorCatalogue(sb, graphqlSeeder(first.client), 20);
    const codes = await mirrorCustomers(sb, graphqlSeeder(first.client), 8);
    placeMany(sb, ORDERS, 3, codes);
    const cfg = await first.client.ok(CONFIGURE, { v: sandboxSettings(sb) });
    expect(cfg.updateConnectorSettings.settingsComplete).toBe(true);

    const { startSync } = await first.client.ok(`mutation { startSync(input: { connector: "joor", operation: "import-orders" }) { ... on Job { id } } }`);
    const jobId = startSync.id;
    // SQLite stages every page, then imports: killed once all are staged. MariaDB imports each committed page while
    // the next is pulled: killed mid-pull, with staged rows not yet imported (the restart sweeps what JOOR exported).
    const killAt = suiteDatabaseKind() === "mysql" ? ORDERS / 4 : ORDERS;
    const staged = await until(first.client, (c) => c.all >= killAt && c.staged > 0, 120_000).catch((e) => {
      throw new Error(`${e.message}\n${first.proc.output.join("").slice(-3000)}`);
    });
    await first.proc.kill("SIGKILL");
    expect(staged.imported).toBeLessThan(ORDERS / 2);

    const second = await start(token);
    await until(second.client, (c) => c.imported >= ORDERS / 2, 400_000);
    await second.proc.kill("SIGKILL");

    const third = await start(token);
    if (suiteDatabaseKind() === "mysql") await start(token); // two workers on MariaDB
    const job = await (async () => {
      const t0 = Date.now();
      for (;;) {
        const { job } = await patient(() => third.client.ok(`query($id: ID!) { job(id: $id) { state attempts summary error } }`, { id: jobId }));
        if (["SUCCEEDED", "FAILED", "CANCELLED"].includes(job.state)) return job;
        if (Date.now() - t0 > 400_000) throw new Error(`job still ${job.state}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    expect(job.state).toBe("SUCCEEDED");
    expect(job.attempts).toBeGreaterThanOrEqual(3);
    const final = await counts(third.client);
    expect(final).toEqual({ staged: 0, imported: ORDERS, held: 0, all: ORDERS, orders: ORDERS });
    // every order JOOR holds is exactly one Selvedge order with its JOOR id
    const acct = sb.state.account();
    const joorIds = [...acct.orders.values()].filter((o) => o.status === "APPROVED").map((o) => String(o.id));
    expect(joorIds).toHaveLength(ORDERS);
    const seen = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const r: any = await third.client.ok(
        `query($after: String) { orders(first: 500, after: $after, filter: { source: "JOOR" }) { pageInfo { hasNextPage endCursor } edges { node { externalId } } } }`,
        { after },
      );
      for (const e of r.orders.edges) {
        expect(seen.has(e.node.externalId)).toBe(false);
        seen.add(e.node.externalId);
      }
      if (!r.orders.pageInfo.hasNextPage) break;
      after = r.orders.pageInfo.endCursor;
    }
    expect([...seen].sort()).toEqual([...joorIds].sort());
  }, 1_000_000);
});
