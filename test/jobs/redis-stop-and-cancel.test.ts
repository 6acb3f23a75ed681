import { configure, startSync, waitForJob } from "./helpers";
import { redisScene, RedisScene } from "./processes";

/**
 * BullMQ + Redis pub/sub with real processes (one API, two workers): a worker stopped with SIGTERM hands its
 * job back and never takes it again, even while it waits for new messages; a cancel reaches a freshly started
 * worker over Redis at once (not on its next heartbeat).
 */
jest.setTimeout(120_000); // real processes on a shared, possibly loaded machine

describe("workers over Redis: graceful stop and cancellation", () => {
  let scene: RedisScene;
  beforeAll(async () => {
    scene = await redisScene({
      SELVEDGE_JOB_SHUTDOWN_GRACE_MS: "5000",
      // a slow heartbeat: a cancel that only arrives through it would take up to 8 s
      SELVEDGE_JOB_HEARTBEAT_MS: "8000",
    });
  });
  afterAll(async () => scene?.stop("SIGKILL"));

  it("a SIGTERM'd worker never claims its handed-back job again; a cancel reaches a fresh worker at once (not on its 8 s heartbeat)", async () => {
    const api = await scene.spawn({ SELVEDGE_ROLE: "api" });
    const clients = await scene.brands(api, 2);
    const [one, two] = clients;
    await configure(one, { records: 400, delayMs: 50 });
    await configure(two, { records: 60, delayMs: 50 });

    // worker B (one job at a time) takes the long job K and stays busy with it
    const workerB = await scene.spawn({ SELVEDGE_ROLE: "worker", SELVEDGE_JOB_CONCURRENCY: "1" });
    const k = await startSync(one);
    await waitForJob(one, k.id, 15_000, (j) => j.state === "RUNNING");
    // worker A (two at a time) takes job J and, with a free slot, keeps waiting for more messages
    const workerA = await scene.spawn({ SELVEDGE_ROLE: "worker", SELVEDGE_JOB_CONCURRENCY: "2" });
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
    for (const p of scene.procs) expect(p.output.join("")).not.toMatch(/subscriber mode/);
  });
});
