import { randomBytes } from "node:crypto";
import { testConfig } from "../harness/test-server";
import { createDataSource } from "../../src/db/data-source";
import { Job, JobState } from "../../src/jobs/entities/job.entity";
import { claimNext } from "../../src/jobs/job-claims";
import { nextRunAfter } from "../../src/scheduler/scheduler";
import { SelvedgeApp, startSelvedge } from "../../src/server/bootstrap";
import { TestDatabase } from "../harness/databases";
import { GraphQLClient } from "../harness/graphql-client";
import { configure, fastJobs, TEST_PLUGIN, waitForJob } from "./helpers";
import { sharedDatabase } from "./processes";

describe("claims and schedules with several workers on one database", () => {
  let db: TestDatabase;
  let a: SelvedgeApp;
  let b: SelvedgeApp;
  let admin: GraphQLClient;
  beforeAll(async () => {
    db = await sharedDatabase();
    const token = `slv_test_${randomBytes(16).toString("hex")}`;
    const config = (role: "all" | "worker") => testConfig({ databaseUrl: db.url, bootstrapToken: token, role, plugins: [TEST_PLUGIN], jobs: fastJobs() });
    a = await startSelvedge({ config: config("all") });
    b = await startSelvedge({ config: config("worker") });
    admin = new GraphQLClient(a.url!, token);
    await configure(admin, { records: 3 });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await db?.drop();
  });

  it("concurrent claimers take every queued job exactly once", async () => {
    await a.worker!.stop();
    await b.worker!.stop();
    const repo = a.ds.getRepository(Job);
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) {
      const job = await repo.save(
        repo.create({
          brandId: 999,
          connector: "claims",
          operation: `op-${i}`,
          state: JobState.QUEUED,
          activeKey: `999:claims:op-${i}`,
          maxAttempts: 1,
        }),
      );
      ids.push(job.id);
    }
    const extra = await createDataSource({ databaseUrl: db.url });
    await extra.initialize();
    try {
      const claimed: number[] = [];
      const claimer = async (ds: typeof extra, worker: string) => {
        for (;;) {
          const job = await claimNext(ds, worker);
          if (!job) return;
          expect(job.workerId).toBe(worker);
          claimed.push(job.id);
        }
      };
      await Promise.all([claimer(a.ds, "w1"), claimer(a.ds, "w2"), claimer(b.ds, "w3"), claimer(extra, "w4"), claimer(extra, "w5")]);
      expect([...claimed].sort((x, y) => x - y)).toEqual(ids);
      expect(await repo.countBy({ connector: "claims", state: JobState.RUNNING })).toBe(30);
    } finally {
      await extra.destroy();
      await a.ds.getRepository(Job).delete({ connector: "claims" });
      await a.worker!.start();
      await b.worker!.start();
    }
  });

  it("a schedule runs once per period however many workers tick", async () => {
    const { setJobSchedule } = await admin.ok(
      `mutation { setJobSchedule(input: { connector: "testconn", operation: "import-records", intervalMinutes: 10 }) { id intervalMinutes enabled full nextRunAt } }`,
    );
    expect(setJobSchedule).toMatchObject({ intervalMinutes: 10, enabled: true, full: false });
    const first = new Date(Date.parse(setJobSchedule.nextRunAt) + 1000);
    expect(await a.scheduler!.tick(new Date(first.getTime() - 120_000))).toEqual([]); // not due yet

    const started = (await Promise.all([a.scheduler!.tick(first), b.scheduler!.tick(first), a.scheduler!.tick(first)])).flat();
    expect(started).toHaveLength(1);
    expect((await waitForJob(admin, String(started[0]))).state).toBe("SUCCEEDED");
    expect((await Promise.all([a.scheduler!.tick(first), b.scheduler!.tick(first)])).flat()).toEqual([]); // same period: nothing

    const second = new Date(first.getTime() + 10 * 60_000);
    const again = (await Promise.all([b.scheduler!.tick(second), a.scheduler!.tick(second)])).flat();
    expect(again).toHaveLength(1);
    await waitForJob(admin, String(again[0]));
    const { jobSchedules } = await admin.ok(`{ jobSchedules { id lastJobId lastRunAt nextRunAt } }`);
    expect(jobSchedules[0].lastJobId).toBe(String(again[0]));
    const { jobs } = await admin.ok(`{ jobs(filter: { operation: "import-records" }) { totalCount } }`);
    expect(jobs.totalCount).toBe(2);
  });

  it("a due schedule of a disabled connector starts nothing", async () => {
    const { jobSchedules } = await admin.ok(`{ jobSchedules { nextRunAt } }`);
    await admin.ok(`mutation { disableConnector(name: "testconn") { enabled } }`);
    try {
      expect(await a.scheduler!.tick(new Date(Date.parse(jobSchedules[0].nextRunAt) + 1000))).toEqual([]);
    } finally {
      await admin.ok(`mutation { enableConnector(name: "testconn") { enabled } }`);
    }
  });

  it("schedules are validated, EDITOR to change, and brand-scoped", async () => {
    const bad = await admin.fails(`mutation { setJobSchedule(input: { connector: "testconn", operation: "noop", intervalMinutes: 0 }) { id } }`);
    expect(bad.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "intervalMinutes" });
    const badOp = await admin.fails(`mutation { setJobSchedule(input: { connector: "testconn", operation: "nope", intervalMinutes: 5 }) { id } }`);
    expect(badOp.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "operation" });
    const brand = await a.services.identity.brandBySlug("demo");
    const viewerUser = await a.services.identity.createUser(a.services.identity.scopeFor(brand.id), { name: "V", email: "v@demo.test", role: "VIEWER" });
    const viewer = new GraphQLClient(a.url!, (await a.services.identity.createToken(a.services.identity.scopeFor(brand.id), viewerUser.id, "t")).token);
    expect((await viewer.ok(`{ jobSchedules { id } }`)).jobSchedules).toHaveLength(1);
    expect(
      (await viewer.fails(`mutation { setJobSchedule(input: { connector: "testconn", operation: "noop", intervalMinutes: 5 }) { id } }`)).extensions?.code,
    ).toBe("FORBIDDEN");
    const { jobSchedules } = await admin.ok(`{ jobSchedules { id } }`);
    expect((await viewer.fails(`mutation($id: ID!) { removeJobSchedule(id: $id) }`, { id: jobSchedules[0].id })).extensions?.code).toBe("FORBIDDEN");

    const other = await a.services.identity.createBrand("Other", "other-sched");
    const otherAdmin = await a.services.identity.createUser(a.services.identity.scopeFor(other.id), { name: "O", email: "o@o.test", role: "ADMIN" });
    const otherClient = new GraphQLClient(a.url!, (await a.services.identity.createToken(a.services.identity.scopeFor(other.id), otherAdmin.id, "t")).token);
    expect((await otherClient.ok(`{ jobSchedules { id } }`)).jobSchedules).toEqual([]);
    expect((await otherClient.fails(`mutation($id: ID!) { removeJobSchedule(id: $id) }`, { id: jobSchedules[0].id })).extensions?.code).toBe("NOT_FOUND");
    expect(await admin.ok(`mutation($id: ID!) { removeJobSchedule(id: $id) }`, { id: jobSchedules[0].id })).toEqual({ removeJobSchedule: true });
  });

  it("next run times stay on the schedule's grid and skip missed periods", () => {
    const s = { nextRunAt: new Date("2026-01-01T10:00:00Z"), intervalMinutes: 10 };
    expect(nextRunAfter(s, new Date("2026-01-01T10:00:01Z")).toISOString()).toBe("2026-01-01T10:10:00.000Z");
    expect(nextRunAfter(s, new Date("2026-01-01T11:35:00Z")).toISOString()).toBe("2026-01-01T11:40:00.000Z");
  });
});
