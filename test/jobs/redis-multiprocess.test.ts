import { configure, runToEnd, startSync, subscribe, untilLive, waitForJob, wsClient } from "./helpers";
import { redisScene, RedisScene } from "./processes";

const JOBS = 20;
const RECORDS = 15;

/**
 * Scale-out with the real Redis: one API-only process, two worker-only processes, BullMQ + Redis pub/sub, one
 * shared database. 20 jobs (one per brand: one live job per brand + operation) each run exactly once, spread
 * over both workers, and graphql-ws subscribers on the API process see every one finish.
 */
jest.setTimeout(120_000); // real processes on a shared, possibly loaded machine

describe("API + 2 workers over Redis", () => {
  let scene: RedisScene;
  beforeAll(async () => {
    scene = await redisScene({ SELVEDGE_JOB_HEARTBEAT_MS: "200", SELVEDGE_JOB_CONCURRENCY: "2" });
  });
  afterAll(async () => scene?.stop("SIGTERM"));

  it("runs 20 jobs exactly once across two workers; the API process's subscribers see them all finish", async () => {
    const api = await scene.spawn({ SELVEDGE_ROLE: "api" });
    const workers = await Promise.all([scene.spawn({ SELVEDGE_ROLE: "worker" }), scene.spawn({ SELVEDGE_ROLE: "worker" })]);
    const clients = await scene.brands(api, JOBS);
    for (const c of clients) await configure(c, { records: RECORDS, delayMs: 10 });

    // a subscriber per brand on the API process, before any job exists
    const sockets = clients.map((c) => wsClient(api.url!, c.token));
    const feeds = sockets.map((ws) => subscribe(ws, `subscription { jobFeed(connector: "testconn") { id state processed } }`));
    // positive control: every feed is live over Redis once it delivers an event (of a no-op job of its brand)
    await Promise.all(feeds.map((f, i) => untilLive(f, () => runToEnd(clients[i], "noop"))));

    const jobs = await Promise.all(clients.map((c) => startSync(c)));
    expect(jobs.every((j) => j.__typename === "Job")).toBe(true);
    const ends = await Promise.all(jobs.map((j, i) => feeds[i].until((e: any) => e.id === j.id && ["SUCCEEDED", "FAILED", "CANCELLED"].includes(e.state))));
    expect(ends.map((e: any) => e.state)).toEqual(jobs.map(() => "SUCCEEDED"));
    feeds.forEach((f) => f.dispose());
    await Promise.all(sockets.map((ws) => ws.dispose()));

    const runners = new Set<string>();
    for (let i = 0; i < JOBS; i++) {
      const job = await waitForJob(clients[i], jobs[i].id);
      expect(job).toMatchObject({ state: "SUCCEEDED", attempts: 1, processed: RECORDS });
      const { job: detail, testRecordCount } = await clients[i].ok(
        `query($id: ID!) { job(id: $id) { logs(first: 100) { edges { node { message data } } } } testRecordCount }`,
        { id: jobs[i].id },
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
