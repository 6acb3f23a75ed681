import { SystemData } from "../../src/db/system-data";
import { randomBytes } from "node:crypto";
import Redis from "ioredis";
import { createDataSource } from "../../src/db/data-source";
import { IdentityService } from "../../src/modules/identity/identity.service";
import { TestDatabase } from "../harness/databases";
import { GraphQLClient } from "../harness/graphql-client";
import { configure, startSync, waitForJob } from "./helpers";
import { bootstrapToken, SelvedgeProcess, sharedDatabase, spawnSelvedge } from "./processes";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const WAITING = 4;

/**
 * A job recovered from a worker that died goes to the front of the queue: the next worker runs it before the
 * jobs that were queued behind it (with BullMQ its message goes ahead of theirs; in the database by priority).
 */
jest.setTimeout(120_000); // real processes on a shared, possibly loaded machine

describe.each(["database", "bullmq"])("recovered jobs first (%s queue)", (queue) => {
  let db: TestDatabase;
  const procs: SelvedgeProcess[] = [];
  const prefix = `selvedge-test-${randomBytes(4).toString("hex")}`;
  afterAll(async () => {
    await Promise.all(procs.map((p) => p.kill("SIGKILL")));
    await db?.drop();
    if (queue === "bullmq") {
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    }
  });

  it("the next worker starts the recovered job before the jobs queued behind it", async () => {
    db = await sharedDatabase();
    const token = bootstrapToken();
    const env: Record<string, string> = {
      DATABASE_URL: db.url,
      SELVEDGE_BOOTSTRAP_TOKEN: token,
      SELVEDGE_PLUGINS: "./test/fixtures/test-plugin",
      SELVEDGE_JOB_POLL_MS: "50",
      SELVEDGE_JOB_HEARTBEAT_MS: "100",
      SELVEDGE_JOB_STALE_AFTER_MS: "3000",
      SELVEDGE_JOB_CONCURRENCY: "1",
      ...(queue === "bullmq" ? { REDIS_URL, SELVEDGE_REDIS_PREFIX: prefix } : {}),
    };
    const api = await spawnSelvedge({ ...env, SELVEDGE_ROLE: "api" });
    procs.push(api);
    const ds = await createDataSource({ databaseUrl: db.url });
    await ds.initialize();
    const identity = new IdentityService(new SystemData(ds));
    const clients: GraphQLClient[] = [];
    for (let i = 0; i <= WAITING; i++) {
      const brand = await identity.createBrand(`Brand ${i}`, `brand-${i}`);
      const user = await identity.createUser(identity.scopeFor(brand.id), { name: "Admin", email: `admin@b${i}.test`, role: "ADMIN" });
      clients.push(new GraphQLClient(api.url!, (await identity.createToken(identity.scopeFor(brand.id), user.id, "test")).token));
    }
    await ds.destroy();
    const [first, ...others] = clients;
    await configure(first, { records: 200, delayMs: 50 });
    for (const c of others) await configure(c, { records: 4, delayMs: 50 });

    const dying = await spawnSelvedge({ ...env, SELVEDGE_ROLE: "worker" });
    procs.push(dying);
    const x = await startSync(first);
    await waitForJob(first, x.id, 15_000, (j) => j.state === "RUNNING" && j.processed >= 2);
    const queued = [];
    for (const c of others) queued.push(await startSync(c)); // behind X: the only worker runs one job at a time
    await dying.kill("SIGKILL");

    // watch X from the kill on: when it is seen back in the queue (or already running again)
    let requeuedSeenAt = 0;
    const watching = waitForJob(first, x.id, 60_000, (j) => {
      if (!requeuedSeenAt && (j.state === "QUEUED" || j.attempts === 2)) requeuedSeenAt = Date.now();
      return j.state === "RUNNING" && j.attempts === 2;
    });
    procs.push(await spawnSelvedge({ ...env, SELVEDGE_ROLE: "worker" }));
    const recovered = await watching;
    await first.ok(`mutation($id: ID!) { cancelJob(id: $id) { id } }`, { id: x.id }); // the order is all that matters here
    const rest = await Promise.all(queued.map((y, i) => waitForJob(others[i], y.id, 30_000)));
    expect(rest.every((y) => y.state === "SUCCEEDED")).toBe(true);
    // once X was back in the queue, no waiting job started before it (the one running then may finish first)
    const overtaking = rest.filter((y) => Date.parse(y.startedAt) > requeuedSeenAt && Date.parse(y.startedAt) < Date.parse(recovered.startedAt));
    expect(overtaking.map((y) => y.id)).toEqual([]);
  });
});
