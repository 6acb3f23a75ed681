import { TestServer } from "../harness/test-server";
import { startJobServer, waitForJob } from "./helpers";

/** jobs, Job.logs and Job.issues read from the newest end with newestFirst (what a dashboard shows first). */
describe("newestFirst paging of jobs, logs and issues", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startJobServer({}, { records: 6, badKeys: ["r0001", "r0002", "r0004"] });
  });
  afterAll(() => s?.stop());

  const runToEnd = async (full = false) => {
    const r = await s.admin.ok(
      `mutation($full: Boolean) { startSync(input: { connector: "testconn", operation: "import-records", full: $full }) { ... on Job { id } } }`,
      { full },
    );
    const id = r.startSync.id as string;
    expect((await waitForJob(s.admin, id)).state).toBe("SUCCEEDED");
    return id;
  };

  it("pages jobs newest first, after moving towards older ones, with the same totalCount", async () => {
    const ids = [await runToEnd(true), await runToEnd(true), await runToEnd(true)];
    const first = await s.admin.ok(`{ jobs(first: 2, newestFirst: true) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`);
    expect(first.jobs.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(first.jobs.totalCount).toBe(3);
    expect(first.jobs.pageInfo.hasNextPage).toBe(true);
    const next = await s.admin.ok(
      `query($after: String) { jobs(first: 2, after: $after, newestFirst: true) { pageInfo { hasNextPage } edges { node { id } } } }`,
      { after: first.jobs.pageInfo.endCursor },
    );
    expect(next.jobs.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[0]]);
    expect(next.jobs.pageInfo.hasNextPage).toBe(false);
    const oldest = await s.admin.ok(`{ jobs(first: 1) { edges { node { id } } } }`);
    expect(oldest.jobs.edges[0].node.id).toBe(ids[0]); // the default order is unchanged
  });

  it("a cursor of a newest-first page also pages forwards from its row (how a live log tail fetches new lines)", async () => {
    const id = await runToEnd(true);
    const q = `query($id: ID!, $after: String, $nf: Boolean) { job(id: $id) { issues(first: 2, after: $after, newestFirst: $nf) { totalCount edges { cursor node { key } } } } }`;
    const newest = (await s.admin.ok(q, { id, nf: true })).job.issues;
    expect(newest.totalCount).toBe(3);
    expect(newest.edges.map((e: { node: { key: string } }) => e.node.key)).toEqual(["r0004", "r0002"]);
    const older = (await s.admin.ok(q, { id, nf: false, after: newest.edges[1].cursor })).job.issues;
    expect(older.edges.map((e: { node: { key: string } }) => e.node.key)).toEqual(["r0004"]);
  });
});
