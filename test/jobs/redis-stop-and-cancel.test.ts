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

/**
 * BullMQ + Redis pub/sub with real processes (one API, two workers): a worker stopped with SIGTERM hands its
 * job back and never takes it again, even while it waits for new messages; a cancel reaches a freshly started
 * worker over Redis at once (not on its next heartbeat).
 */
jest.setTimeout(120_000); // real processes on a shared, possibly loaded machine

describe("workers over Redis: graceful stop and cancellation", () => {
  let db: TestDatabase;
  const procs: SelvedgeProcess[] = [];
  const prefix = `selvedge-test-${randomBytes(4).toString("hex")}`;

  afterAll(async () => {
    await Promise.all(procs.map((p) => p.kill("SIGKILL")));
    await db?.drop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it("a SIGTERM'd worker never claims its handed-back job again; a cancel reaches a fresh worker at once (not on its 8 s heartbeat)", async () => {
    db = await sharedDatabase();
    const token = bootstrapToken();
    const env = {
      DATABASE_URL: db.url, REDIS_URL, SELVEDGE_REDIS_PREFIX: prefix, SELVEDGE_BOOTSTRAP_TOKEN: token,
      SELVEDGE_PLUGINS: "./test/fixtures/test-plugin", SELVEDGE_JOB_SHUTDOWN_GRACE_MS: "5000",
      // a slow heartbeat: a cancel that only arrives through it would take up to 8 s
      SELVEDGE_JOB_HEARTBEAT_MS: "8000",
    };
    const api = await spawnSelvedge({ ...env, SELVEDGE_ROLE: "api" });
    procs.push(api);
    const ds = await createDataSource({ databaseUrl: db.url });
    await ds.initialize();
    const identity = new IdentityService(new SystemData(ds));
    const clients: GraphQLClient[] = [];
    for (let i = 0; i < 2; i++) {
      const brand = await identity.createBrand(`Brand ${i}`, `brand-${i}`);
      const user = await identity.createUser(brand.id, { name: "Admin", email: `admin@b${i}.test`, role: "ADMIN" });
      clients.push(new GraphQLClient(api.url!, (await identity.createToken(brand.id, user.id, "test")).token));
    }
    await ds.destroy();
    const [one, two] = clients;
    await configure(one, { records: 400, delayMs: 50 });
    await configure(two, { records: 60, delayMs: 50 });

    // worker B (one job at a time) takes the long job K and stays busy with it
    const workerB = await spawnSelvedge({ ...env, SELVEDGE_ROLE: "worker", SELVEDGE_JOB_CONCURRENCY: "1" });
    procs.push(workerB);
    const k = await startSync(one);
    await waitForJob(one, k.id, 15_000, (j) => j.state === "RUNNING");
    // worker A (two at a time) takes job J and, with a free slot, keeps waiting for more messages
    const workerA = await spawnSelvedge({ ...env, SELVEDGE_ROLE: "worker", SELVEDGE_JOB_CONCURRENCY: "2" });
    procs.push(workerA);
    const j = await startSync(two);
    await waitForJob(two, j.id, 15_000, (x) => x.state === "RUNNING" && x.processed >= 3);

    expect(await workerA.kill("SIGTERM")).toBe(0);
    const handedBack = await waitForJob(two, j.id, 5_000, (x) => x.state !== "RUNNING");
    expect(handedBack.state).toBe("QUEUED"); // A exited without taking it again

    // cancel K on B (a worker started seconds ago): the control message must arrive over Redis pub/sub
    const asked = Date.now();
    await one.ok(`mutation($id: ID!) { cancelJob(id: $id) { id } }`, { id: k.id });
    const cancelled = await waitForJob(one, k.id, 10_000);
    expect(cancelled.state).toBe("CANCELLED");
    expect(Date.now() - asked).toBeLessThan(3000);

    // B, now free, finishes J; every start of J after the hand-back is B's
    const done = await waitForJob(two, j.id, 20_000);
    expect(done).toMatchObject({ state: "SUCCEEDED", processed: 60 });
    const { job } = await two.ok(`query($id: ID!) { job(id: $id) { logs(first: 100) { edges { node { message data } } } } }`, { id: j.id });
    const starts = job.logs.edges.map((e: any) => e.node).filter((n: any) => n.message.startsWith("Started attempt"));
    expect(starts.map((n: any) => Number(n.data.worker.split(":")[1]))).toEqual([workerA.pid, workerB.pid]);
    const stats = await two.ok(`query($id: ID!) { testSendStats(jobId: $id) { sends records } }`, { id: j.id });
    expect(stats.testSendStats).toEqual({ sends: 60, records: 60 });
    for (const p of procs) expect(p.output.join("")).not.toMatch(/subscriber mode/);
  });
});
