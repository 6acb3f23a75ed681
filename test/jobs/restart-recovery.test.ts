import { GraphQLClient } from "../harness/graphql-client";
import { TestDatabase } from "../harness/databases";
import { configure, startSync, waitForJob } from "./helpers";
import { bootstrapToken, SelvedgeProcess, sharedDatabase, spawnSelvedge } from "./processes";

const RECORDS = 30;

/**
 * A job survives its process: killed (SIGKILL, no goodbye) or stopped (SIGTERM) while the job runs, a new
 * process takes it up and it finishes exactly once, every record imported exactly once.
 */
jest.setTimeout(120_000); // real processes on a shared, possibly loaded machine

describe("restart recovery", () => {
  let db: TestDatabase;
  const procs: SelvedgeProcess[] = [];
  afterEach(async () => {
    for (const p of procs.splice(0)) await p.kill("SIGKILL");
    await db?.drop();
  });

  async function start(token: string): Promise<{ proc: SelvedgeProcess; client: GraphQLClient }> {
    const proc = await spawnSelvedge({
      DATABASE_URL: db.url,
      SELVEDGE_BOOTSTRAP_TOKEN: token,
      SELVEDGE_PLUGINS: "./test/fixtures/test-plugin",
      SELVEDGE_JOB_POLL_MS: "50",
      SELVEDGE_JOB_HEARTBEAT_MS: "100",
      SELVEDGE_JOB_STALE_AFTER_MS: "3000",
    });
    procs.push(proc);
    return { proc, client: new GraphQLClient(proc.url!, token) };
  }

  async function jobDetails(client: GraphQLClient, id: string) {
    const { job, testRecordCount } = await client.ok(
      `query($id: ID!) { job(id: $id) { state attempts processed failed total logs(first: 100) { edges { node { message } } } } testRecordCount }`,
      { id },
    );
    return { ...job, testRecordCount, messages: job.logs.edges.map((e: any) => e.node.message as string) };
  }

  it("a killed process's running job is recovered by the next process and finishes exactly once", async () => {
    db = await sharedDatabase();
    const token = bootstrapToken();
    const first = await start(token);
    await configure(first.client, { records: RECORDS, delayMs: 60 });
    const job = await startSync(first.client);
    await waitForJob(first.client, job.id, 15_000, (j) => j.state === "RUNNING" && j.processed >= 5);
    await first.proc.kill("SIGKILL");

    const second = await start(token);
    const done = await waitForJob(second.client, job.id, 30_000);
    const details = await jobDetails(second.client, job.id);
    expect(done).toMatchObject({ state: "SUCCEEDED", attempts: 2, processed: RECORDS, total: RECORDS });
    expect(details.testRecordCount).toBe(RECORDS);
    expect(details.messages.filter((m: string) => m.startsWith("Started attempt"))).toEqual(["Started attempt 1 of 3", "Started attempt 2 of 3"]);
    expect(details.messages.some((m: string) => /stopped responding; recovered and re-queued/.test(m))).toBe(true);
    expect(details.messages.filter((m: string) => m === "SUCCEEDED")).toHaveLength(1);
    // the second attempt resumed from the persisted cursor instead of starting over
    // (both attempts' lines must be there: a missing line fails, it does not pass as "not from 0")
    const imports = details.messages.filter((m: string) => m.startsWith("Importing records"));
    expect(imports).toHaveLength(2);
    expect(imports[0]).toBe(`Importing records 0..${RECORDS - 1}`);
    const resumedAt = Number(/^Importing records (\d+)\.\.(\d+)$/.exec(imports[1])?.[1]);
    expect(resumedAt).toBeGreaterThan(0); // from its checkpoint (the kill came after 5 records), not from 0
    expect(resumedAt).toBeLessThan(RECORDS);
  });

  it("a process stopped gracefully hands its running job back; the next process finishes it", async () => {
    db = await sharedDatabase();
    const token = bootstrapToken();
    const first = await start(token);
    await configure(first.client, { records: RECORDS, delayMs: 60 });
    const job = await startSync(first.client);
    await waitForJob(first.client, job.id, 15_000, (j) => j.state === "RUNNING" && j.processed >= 5);
    expect(await first.proc.kill("SIGTERM")).toBe(0);

    const second = await start(token);
    const done = await waitForJob(second.client, job.id, 30_000);
    const details = await jobDetails(second.client, job.id);
    expect(done).toMatchObject({ state: "SUCCEEDED", processed: RECORDS });
    expect(details.messages.some((m: string) => /^Interrupted by a shutdown of worker .*; re-queued$/.test(m))).toBe(true);
    expect(done.attempts).toBe(1); // the interrupted attempt does not count
    expect(details.testRecordCount).toBe(RECORDS);
    expect(details.messages.filter((m: string) => m === "SUCCEEDED")).toHaveLength(1);
  });
});
