import { SystemData } from "../../src/db/system-data";
import { randomBytes } from "node:crypto";
import Redis from "ioredis";
import { createDataSource } from "../../src/db/data-source";
import { IdentityService } from "../../src/modules/identity/identity.service";
import { TestDatabase } from "../harness/databases";
import { GraphQLClient } from "../harness/graphql-client";
import { configure, startSync, subscribe, waitForJob, wsClient } from "./helpers";
import { bootstrapToken, SelvedgeProcess, sharedDatabase, spawnSelvedge } from "./processes";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const JOBS = 20;
const RECORDS = 15;

/**
 * Scale-out with the real Redis: one API-only process, two worker-only processes, BullMQ + Redis pub/sub, one
 * shared database. 20 jobs (one per brand: one live job per brand + operation) each run exactly once, spread
 * over both workers, and graphql-ws subscribers on the API process see every one finish.
 */
jest.setTimeout(120_000); // real processes on a shared, possibly loaded machine

describe("API + 2 workers over Redis", () => {
  let db: TestDatabase;
  const procs: SelvedgeProcess[] = [];
  const prefix = `selvedge-test-${randomBytes(4).toString("hex")}`;

  afterAll(async () => {
    await Promise.all(procs.map((p) => p.kill("SIGTERM")));
    await db?.drop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it("runs 20 jobs exactly once across two workers; the API process's subscribers see them all finish", async () => {
    db = await sharedDatabase();
    const token = bootstrapToken();
    const env = {
      DATABASE_URL: db.url, REDIS_URL, SELVEDGE_REDIS_PREFIX: prefix, SELVEDGE_BOOTSTRAP_TOKEN: token,
      SELVEDGE_PLUGINS: "./test/fixtures/test-plugin", SELVEDGE_JOB_HEARTBEAT_MS: "200", SELVEDGE_JOB_CONCURRENCY: "2",
    };
    const api = await spawnSelvedge({ ...env, SELVEDGE_ROLE: "api" });
    procs.push(api);
    const workers = await Promise.all([spawnSelvedge({ ...env, SELVEDGE_ROLE: "worker" }), spawnSelvedge({ ...env, SELVEDGE_ROLE: "worker" })]);
    procs.push(...workers);

    // 20 brands, each with an ADMIN token (made directly in the shared database, as the CLI would)
    const ds = await createDataSource({ databaseUrl: db.url });
    await ds.initialize();
    const identity = new IdentityService(new SystemData(ds));
    const clients: GraphQLClient[] = [];
    for (let i = 0; i < JOBS; i++) {
      const brand = await identity.createBrand(`Brand ${i}`, `brand-${i}`);
      const user = await identity.createUser(brand.id, { name: "Admin", email: `admin@b${i}.test`, role: "ADMIN" });
      clients.push(new GraphQLClient(api.url!, (await identity.createToken(brand.id, user.id, "test")).token));
    }
    await ds.destroy();
    for (const c of clients) await configure(c, { records: RECORDS, delayMs: 10 });

    // a subscriber per brand on the API process, before any job exists
    const sockets = clients.map((c) => wsClient(api.url!, c.token));
    const finished = new Map<string, string>();
    const feeds = sockets.map((ws) =>
      subscribe(ws, `subscription { jobFeed(connector: "testconn") { id state processed } }`, {}, (e: any) => {
        if (["SUCCEEDED", "FAILED", "CANCELLED"].includes(e.state)) finished.set(e.id, e.state);
      }),
    );
    await new Promise((r) => setTimeout(r, 500)); // Redis SUBSCRIBE round trips

    const jobs = await Promise.all(clients.map((c) => startSync(c)));
    expect(jobs.every((j) => j.__typename === "Job")).toBe(true);
    const until = Date.now() + 40_000;
    while (finished.size < JOBS && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(finished.size).toBe(JOBS);
    expect([...finished.values()].every((s) => s === "SUCCEEDED")).toBe(true);
    feeds.forEach((f) => f.dispose());
    await Promise.all(sockets.map((ws) => ws.dispose()));

    const runners = new Set<string>();
    for (let i = 0; i < JOBS; i++) {
      const job = await waitForJob(clients[i], jobs[i].id);
      expect(job).toMatchObject({ state: "SUCCEEDED", attempts: 1, processed: RECORDS });
      const { job: detail, testRecordCount } = await clients[i].ok(
        `query($id: ID!) { job(id: $id) { logs(first: 100) { edges { node { message data } } } } testRecordCount }`, { id: jobs[i].id },
      );
      const starts = detail.logs.edges.filter((e: any) => e.node.message.startsWith("Started attempt"));
      expect(starts).toHaveLength(1);
      runners.add(starts[0].node.data.worker);
      expect(testRecordCount).toBe(RECORDS);
    }
    const workerPids = workers.map((w) => String(w.pid));
    expect([...runners].map((w) => w.split(":")[1]).sort()).toEqual(workerPids.sort()); // both workers, never the API
  });
});
