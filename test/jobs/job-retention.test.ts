import { TestServer } from "../harness/test-server";
import { Job } from "../../src/jobs/entities/job.entity";
import { JobIssue } from "../../src/jobs/entities/job-issue.entity";
import { JobLog } from "../../src/jobs/entities/job-log.entity";
import { fastJobs, setSettings, startJobServer, startSync, waitForJob } from "./helpers";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Finished jobs older than SELVEDGE_JOB_RETENTION_DAYS are deleted with their logs and issues; newer and live ones stay. */
describe("job retention", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startJobServer({ jobs: fastJobs({ retentionDays: 30, pruneIntervalMs: 100 }) }, { records: 6, badKeys: ["r0001", "r0004"] });
  });
  afterAll(async () => s.stop());

  const exists = async (id: string) => {
    const res = await s.admin.request(`query($id: ID!) { job(id: $id) { id } }`, { id });
    if (res.errors?.length) {
      expect(res.errors[0].extensions?.code).toBe("NOT_FOUND");
      return false;
    }
    return true;
  };

  it("a finished job older than the retention period goes, logs and issues included; a newer one and a running one stay", async () => {
    const old = await waitForJob(s.admin, (await startSync(s.admin)).id);
    const recent = await waitForJob(s.admin, (await startSync(s.admin, "import-records", { full: true })).id);
    expect([old.state, recent.state]).toEqual(["SUCCEEDED", "SUCCEEDED"]);
    expect(old.failed).toBe(2);
    await setSettings(s.admin, { delayMs: 200, records: 50 });
    const running = await startSync(s.admin, "import-records", { full: true });
    await waitForJob(s.admin, running.id, 10_000, (j) => j.state === "RUNNING");

    // time passes: the first job finished 31 days ago, the second 29 days ago, the running one was created 40 days ago
    const jobs = s.app.ds.getRepository(Job);
    await jobs.update({ id: Number(old.id) }, { finishedAt: new Date(Date.now() - 31 * DAY_MS) });
    await jobs.update({ id: Number(recent.id) }, { finishedAt: new Date(Date.now() - 29 * DAY_MS) });
    await jobs.update({ id: Number(running.id) }, { createdAt: new Date(Date.now() - 40 * DAY_MS) });

    const until = Date.now() + 10_000;
    while ((await exists(old.id)) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(await exists(old.id)).toBe(false);
    expect(await s.app.ds.getRepository(JobLog).countBy({ jobId: Number(old.id) })).toBe(0);
    expect(await s.app.ds.getRepository(JobIssue).countBy({ jobId: Number(old.id) })).toBe(0);
    expect(await exists(recent.id)).toBe(true);
    expect(await s.app.ds.getRepository(JobIssue).countBy({ jobId: Number(recent.id) })).toBe(2);
    expect(await exists(running.id)).toBe(true);
    const { jobs: list } = await s.admin.ok(`{ jobs(first: 10) { totalCount } }`);
    expect(list.totalCount).toBe(2);
    await s.admin.ok(`mutation($id: ID!) { cancelJob(id: $id) { id } }`, { id: running.id });
    await waitForJob(s.admin, running.id);
  });
});
