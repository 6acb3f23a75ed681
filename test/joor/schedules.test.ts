import { startJoorEnv, type JoorEnv } from "./harness";

/** A schedule per JOOR operation through the job scheduler, set in GraphQL (e.g. inventory every hour). */
describe("JOOR operation schedules", () => {
  let env: JoorEnv;
  beforeAll(async () => {
    env = await startJoorEnv();
  });
  afterAll(() => env.stop());

  it("every JOOR operation can be scheduled through setJobSchedule, and the scheduler starts it when due", async () => {
    const { connector } = await env.admin.ok(`{ connector(name: "joor") { operations { name } } }`);
    const operations: string[] = connector.operations.map((o: { name: string }) => o.name);
    expect(operations).toEqual(expect.arrayContaining(["export-prices", "export-images", "export-inventory", "export-all", "reconcile"]));
    const editor = await env.server.clientFor("EDITOR");
    for (const operation of operations) {
      const { setJobSchedule } = await editor.ok(
        `mutation($input: JobScheduleInput!) { setJobSchedule(input: $input) { connector operation intervalMinutes enabled nextRunAt } }`,
        { input: { connector: "joor", operation, intervalMinutes: operation === "export-inventory" ? 60 : 24 * 60 } },
      );
      expect(setJobSchedule).toMatchObject({ connector: "joor", operation, enabled: true });
    }
    const { jobSchedules } = await env.admin.ok(`{ jobSchedules { operation intervalMinutes nextRunAt } }`);
    expect(jobSchedules.map((s: { operation: string }) => s.operation).sort()).toEqual([...operations].sort());
    expect(jobSchedules.find((s: { operation: string }) => s.operation === "export-inventory").intervalMinutes).toBe(60);

    const latest = Math.max(...jobSchedules.map((s: { nextRunAt: string }) => Date.parse(s.nextRunAt)));
    const started = await env.server.app.scheduler!.tick(new Date(latest + 1000));
    expect(started).toHaveLength(operations.length);
    const { jobs } = await env.admin.ok(`{ jobs(first: 50, filter: { connector: "joor" }) { edges { node { operation } } } }`);
    expect(jobs.edges.map((e: any) => e.node.operation).sort()).toEqual([...operations].sort());
  });
});
