import pino from "pino";
import { InMemoryQueue } from "../../src/jobs/queue/memory-queue";
import { startTestServer, TestServer } from "../harness/test-server";
import { configure, fastJobs, startSync, TEST_PLUGIN, waitForJob } from "./helpers";

/** Strategies as values: a queue passed in at start-up is the one jobs travel through; start-up names the plugins. */
describe("an in-memory queue passed in at start-up", () => {
  let s: TestServer;
  const queue = new InMemoryQueue();
  const lines: { msg: string; [k: string]: unknown }[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });

  beforeAll(async () => {
    // a database poll this slow would leave the job waiting for the test's whole timeout: only the queue can start it
    s = await startTestServer({ plugins: [TEST_PLUGIN], jobs: fastJobs({ pollMs: 3_600_000 }) }, { queue, logger });
    await configure(s.admin, { records: 3 });
  });
  afterAll(() => s?.stop());

  it("carries jobs to the worker", async () => {
    expect(lines.find((l) => l.msg === "job worker started")).toMatchObject({ queue: "memory" });
    const before = queue.enqueued;
    const job = await startSync(s.admin);
    const done = await waitForJob(s.admin, job.id);
    expect(done).toMatchObject({ state: "SUCCEEDED", processed: 3 });
    expect(queue.enqueued).toBeGreaterThan(before);
  });

  it("start-up logs the loaded plugins and their versions", () => {
    const line = lines.find((l) => l.msg.startsWith("plugins loaded:"));
    expect(line).toMatchObject({ msg: "plugins loaded: testconn@1.0.0", plugins: [{ name: "testconn", version: "1.0.0" }] });
  });
});
