import { GraphQLClient } from "../harness/graphql-client";
import { TestDatabase } from "../harness/databases";
import { configure, startSync, waitForJob } from "./helpers";
import { bootstrapToken, SelvedgeProcess, sharedDatabase, spawnSelvedge } from "./processes";

const RECORDS = 30;
const BAD = ["r0002", "r0007", "r0013", "r0021", "r0027"];

/**
 * A job that outlives its process, through real processes on one database: the record in flight at a graceful
 * stop is finished (not cut and sent again), the next process resumes from the job's checkpoint (even a `full`
 * job), and processed / failed / issues come out exact after any resume, SIGTERM or SIGKILL.
 */
jest.setTimeout(120_000); // real processes on a shared, possibly loaded machine

describe("graceful stop and resume", () => {
  let db: TestDatabase;
  const procs: SelvedgeProcess[] = [];
  afterEach(async () => {
    for (const p of procs.splice(0)) await p.kill("SIGKILL");
    await db?.drop();
  });

  // stale after 3 s: short enough for a quick recovery after SIGKILL, long enough that a starved event loop on a
  // loaded machine does not look like a dead worker (SIGTERM scenarios never wait for it)
  async function start(token: string, staleAfterMs = 3000): Promise<{ proc: SelvedgeProcess; client: GraphQLClient }> {
    const proc = await spawnSelvedge({
      DATABASE_URL: db.url,
      SELVEDGE_BOOTSTRAP_TOKEN: token,
      SELVEDGE_PLUGINS: "./test/fixtures/test-plugin",
      SELVEDGE_JOB_POLL_MS: "50",
      SELVEDGE_JOB_HEARTBEAT_MS: "100",
      SELVEDGE_JOB_STALE_AFTER_MS: String(staleAfterMs),
      SELVEDGE_JOB_SHUTDOWN_GRACE_MS: "5000",
    });
    procs.push(proc);
    return { proc, client: new GraphQLClient(proc.url!, token) };
  }

  async function details(client: GraphQLClient, id: string) {
    const data = await client.ok(
      `query($id: ID!) { job(id: $id) { state attempts processed failed total issues(first: 100) { totalCount edges { node { key } } }
        logs(first: 200) { edges { node { message data } } } } testSendStats(jobId: $id) { sends records } testRecordCount }`,
      { id },
    );
    const logs = data.job.logs.edges.map((e: any) => e.node as { message: string; data: any });
    return {
      ...data.job,
      sends: data.testSendStats,
      testRecordCount: data.testRecordCount,
      issueKeys: data.job.issues.edges.map((e: any) => e.node.key).sort(),
      starts: logs.filter((l: { message: string }) => l.message.startsWith("Started attempt")),
      imports: logs.filter((l: { message: string }) => l.message.startsWith("Importing records")).map((l: { message: string }) => l.message),
      messages: logs.map((l: { message: string }) => l.message),
    };
  }

  /** Starts a job on a first process, stops that process with `signal` mid-job, and lets a second one finish it. */
  async function interrupt(signal: "SIGTERM" | "SIGKILL", settings: Record<string, unknown>, full = false) {
    db = await sharedDatabase();
    const token = bootstrapToken();
    const stale = signal === "SIGTERM" ? 15_000 : 3000;
    const first = await start(token, stale);
    await configure(first.client, { records: RECORDS, delayMs: 80, ...settings });
    const job = await startSync(first.client, "import-records", { full });
    await waitForJob(first.client, job.id, 15_000, (j) => j.state === "RUNNING" && j.processed + j.failed >= 8);
    const code = await first.proc.kill(signal);
    const second = await start(token, stale);
    const done = await waitForJob(second.client, job.id, 60_000);
    return { job, code, first, second, done, details: await details(second.client, job.id) };
  }

  it("SIGTERM lets the record in flight finish (the remote receives every record once), the stopping process claims nothing, and processed, failed and issues are exact after the resume", async () => {
    const { code, first, second, done, details: d } = await interrupt("SIGTERM", { badKeys: BAD });
    expect(code).toBe(0);
    expect(done).toMatchObject({ state: "SUCCEEDED", processed: RECORDS - BAD.length, failed: BAD.length, total: RECORDS, progress: 1 });
    expect(d.sends).toEqual({ sends: RECORDS - BAD.length, records: RECORDS - BAD.length }); // a cut write would have been sent twice
    expect(d.testRecordCount).toBe(RECORDS - BAD.length);
    expect(d.issues.totalCount).toBe(BAD.length);
    expect(d.issueKeys).toEqual(BAD);
    expect(d.messages.some((m: string) => /^Interrupted by a shutdown of worker .*; re-queued$/.test(m))).toBe(true);
    // attempt 1 on the first process, then only the second process, resuming from the checkpoint
    expect(d.starts.map((l: any) => Number(l.data.worker.split(":")[1]))).toEqual([first.proc.pid, second.proc.pid]);
    expect(d.starts[1].data).toMatchObject({ resumed: true });
  });

  it("counters survive a crash: after SIGKILL and recovery, processed, failed and issues are exact", async () => {
    const { done, details: d } = await interrupt("SIGKILL", { badKeys: BAD });
    expect(done).toMatchObject({ state: "SUCCEEDED", attempts: 2, processed: RECORDS - BAD.length, failed: BAD.length, total: RECORDS });
    expect(d.issues.totalCount).toBe(BAD.length);
    expect(d.issueKeys).toEqual(BAD);
    expect(d.testRecordCount).toBe(RECORDS - BAD.length);
  });

  it("a full job resumed after SIGTERM continues from its checkpoint instead of starting over", async () => {
    const { done, details: d } = await interrupt("SIGTERM", {}, true);
    expect(done).toMatchObject({ state: "SUCCEEDED", processed: RECORDS, total: RECORDS });
    expect(d.sends).toEqual({ sends: RECORDS, records: RECORDS });
    expect(d.imports).toHaveLength(2);
    expect(d.imports[0]).toBe(`Importing records 0..${RECORDS - 1}`);
    expect(d.imports[1]).not.toBe(`Importing records 0..${RECORDS - 1}`);
  });
});
