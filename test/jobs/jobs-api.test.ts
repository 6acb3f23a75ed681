import { TestServer } from "../harness/test-server";
import { GraphQLClient } from "../harness/graphql-client";
import { configure, getJob, JOB_FIELDS, runToEnd, setSettings, startJobServer, startSync, subscribe, untilLive, waitForJob, wsClient } from "./helpers";
import { wsOnce } from "../security/ws-helpers";

const JOB_UPDATED = `subscription($id: ID!) { jobUpdated(id: $id) { ${JOB_FIELDS} } }`;

describe("jobs through the API (test connector)", () => {
  let s: TestServer;
  let editor: GraphQLClient;
  let viewer: GraphQLClient;
  beforeAll(async () => {
    s = await startJobServer({}, { records: 40, delayMs: 5, badKeys: ["r0003", "r0017"] });
    editor = await s.clientFor("EDITOR");
    viewer = await s.clientFor("VIEWER");
  });
  afterAll(async () => s.stop());

  it("startSync runs the operation; a graphql-ws subscriber gets monotonic progress and the terminal state", async () => {
    const job = await startSync(editor);
    expect(job).toMatchObject({ __typename: "Job", connector: "testconn", operation: "import-records", dryRun: false });
    expect(["QUEUED", "RUNNING"]).toContain(job.state);
    const ws = wsClient(s.url, viewer.token);
    try {
      const events = await subscribe(ws, JOB_UPDATED, { id: job.id }).done;
      expect(events.length).toBeGreaterThanOrEqual(2);
      const progress = events.map((e) => e.progress);
      expect([...progress].sort((a, b) => a - b)).toEqual(progress);
      const done = events.map((e) => e.processed + e.failed);
      expect([...done].sort((a, b) => a - b)).toEqual(done);
      expect(events.slice(0, -1).every((e) => e.state === "QUEUED" || e.state === "RUNNING")).toBe(true);
      const last = events[events.length - 1];
      expect(last).toMatchObject({ id: job.id, state: "SUCCEEDED", progress: 1, processed: 38, failed: 2, total: 40, summary: { created: 38, dryRun: false } });
      expect(last.finishedAt).toBeTruthy();
    } finally {
      await ws.dispose();
    }
    const stored = await getJob(viewer, job.id);
    expect(stored).toMatchObject({ state: "SUCCEEDED", processed: 38, failed: 2, total: 40, attempts: 1, error: null });
    expect(await viewer.ok(`{ testRecordCount }`)).toEqual({ testRecordCount: 38 });
  });

  it("logs and per-record issues are stored as rows and paged", async () => {
    const { jobs } = await viewer.ok(`{ jobs(first: 1, filter: { connector: "testconn", states: [SUCCEEDED] }) { totalCount edges { node { id } } } }`);
    const id = jobs.edges[0].node.id;
    const page1 = await viewer.ok(
      `query($id: ID!) { job(id: $id) { issues(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { entity key code message } } } logs(first: 50) { totalCount edges { node { level message } } } } }`,
      { id },
    );
    expect(page1.job.issues.totalCount).toBe(2);
    expect(page1.job.issues.edges[0].node).toEqual({ entity: "record", key: "r0003", code: "BAD_RECORD", message: "Record r0003 is malformed" });
    expect(page1.job.issues.pageInfo.hasNextPage).toBe(true);
    const page2 = await viewer.ok(
      `query($id: ID!, $after: String) { job(id: $id) { issues(first: 5, after: $after) { pageInfo { hasNextPage } edges { node { key } } } } }`,
      { id, after: page1.job.issues.pageInfo.endCursor },
    );
    expect(page2.job.issues.edges.map((e: any) => e.node.key)).toEqual(["r0017"]);
    expect(page2.job.issues.pageInfo.hasNextPage).toBe(false);
    const messages = page1.job.logs.edges.map((e: any) => e.node.message);
    expect(messages[0]).toBe("Queued (startSync)");
    expect(messages).toContain("Started attempt 1 of 3");
    expect(messages[messages.length - 1]).toBe("SUCCEEDED");
  });

  it("a second run of the same operation is refused while one is queued or running (ALREADY_RUNNING)", async () => {
    await setSettings(s.admin, { delayMs: 20, records: 40 });
    const first = await startSync(editor, "import-records", { full: true });
    const second = await startSync(editor, "import-records");
    expect(second).toMatchObject({ __typename: "AlreadyRunningError", errorCode: "ALREADY_RUNNING", job: { id: first.id } });
    // another operation of the same connector is independent
    const other = await startSync(editor, "noop");
    expect(other.__typename).toBe("Job");
    await s.admin.ok(`mutation($id: ID!) { cancelJob(id: $id) { id } }`, { id: first.id });
    await waitForJob(viewer, first.id);
    await waitForJob(viewer, other.id);
  });

  it("cancelJob stops a running job cooperatively; retryJob runs it again as a new job", async () => {
    await setSettings(s.admin, { delayMs: 25, records: 40 });
    const job = await startSync(editor, "import-records", { full: true });
    await waitForJob(viewer, job.id, 10_000, (j) => j.state === "RUNNING" && j.processed > 2);
    const cancelled = (await editor.ok(`mutation($id: ID!) { cancelJob(id: $id) { id cancelRequested } }`, { id: job.id })).cancelJob;
    expect(cancelled.cancelRequested).toBe(true);
    const final = await waitForJob(viewer, job.id);
    expect(final.state).toBe("CANCELLED");
    expect(final.processed + final.failed).toBeLessThan(40);
    expect(final.error).toMatch(/^Cancelled after \d+ record/);
    // cancelling a finished job changes nothing
    expect((await editor.ok(`mutation($id: ID!) { cancelJob(id: $id) { state } }`, { id: job.id })).cancelJob.state).toBe("CANCELLED");

    await setSettings(s.admin, { delayMs: 0 });
    const { retryJob } = await editor.ok(`mutation($id: ID!) { retryJob(id: $id) { __typename ... on Job { id retryOfId full state } } }`, { id: job.id });
    expect(retryJob).toMatchObject({ __typename: "Job", retryOfId: job.id, full: true });
    expect((await waitForJob(viewer, retryJob.id)).state).toBe("SUCCEEDED");
    const err = await editor.fails(`mutation($id: ID!) { retryJob(id: $id) { __typename } }`, { id: retryJob.id });
    expect(err.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
  });

  it("a queued job is cancelled at once", async () => {
    await s.app.worker!.stop(); // nothing consumes the queue for a moment
    try {
      const job = await startSync(editor, "noop");
      expect(job.state).toBe("QUEUED");
      const { cancelJob } = await editor.ok(`mutation($id: ID!) { cancelJob(id: $id) { state finishedAt error } }`, { id: job.id });
      expect(cancelJob).toMatchObject({ state: "CANCELLED", error: "Cancelled before it started" });
    } finally {
      await s.app.worker!.start();
    }
  });

  it("transient failures are retried with backoff; when attempts run out the job FAILS with the error", async () => {
    await setSettings(s.admin, { delayMs: 0, records: 10, transientFailAt: 4, transientFailures: 1 });
    const retried = await startSync(editor, "import-records", { full: true });
    const ok = await waitForJob(viewer, retried.id);
    expect(ok).toMatchObject({ state: "SUCCEEDED", attempts: 2, processed: 9, failed: 1, total: 10 });
    const logs = await viewer.ok(`query($id: ID!) { job(id: $id) { logs { edges { node { level message } } } } }`, { id: retried.id });
    expect(logs.job.logs.edges.map((e: any) => e.node.message).join("\n")).toMatch(
      /Transient failure, retrying in .* \(attempt 2 of 3\): Simulated 503 at record 4/,
    );

    await setSettings(s.admin, { transientFailures: 5 });
    const failing = await startSync(editor, "import-records", { full: true });
    const failed = await waitForJob(viewer, failing.id);
    expect(failed).toMatchObject({ state: "FAILED", attempts: 3, error: "Simulated 503 at record 4" });
    await setSettings(s.admin, { transientFailAt: null, transientFailures: null });
  });

  it("a dry run reports what it would do and changes nothing", async () => {
    await setSettings(s.admin, { records: 45, delayMs: 0 });
    const before = (await viewer.ok(`{ testRecordCount }`)).testRecordCount;
    const job = await startSync(editor, "import-records", { dryRun: true, full: true });
    const done = await waitForJob(viewer, job.id);
    expect(done).toMatchObject({ state: "SUCCEEDED", dryRun: true, summary: { created: 5, dryRun: true } });
    expect((await viewer.ok(`{ testRecordCount }`)).testRecordCount).toBe(before);
  });

  it("jobs are listed with filters and Relay pagination", async () => {
    const all = await viewer.ok(`{ jobs(first: 100) { totalCount edges { node { id state operation } } } }`);
    expect(all.jobs.totalCount).toBeGreaterThan(5);
    const noop = await viewer.ok(`{ jobs(first: 100, filter: { operation: "noop" }) { edges { node { operation } } } }`);
    expect(noop.jobs.edges.every((e: any) => e.node.operation === "noop")).toBe(true);
    const failed = await viewer.ok(`{ jobs(filter: { states: [FAILED] }) { totalCount } }`);
    expect(failed.jobs.totalCount).toBe(1);
    const page = await viewer.ok(`{ jobs(first: 2) { pageInfo { hasNextPage endCursor } } }`);
    const next = await viewer.ok(`query($a: String) { jobs(first: 100, after: $a) { edges { node { id } } } }`, { a: page.jobs.pageInfo.endCursor });
    expect(next.jobs.edges.length).toBe(all.jobs.totalCount - 2);
  });

  it("roles: VIEWER cannot start, cancel or retry (FORBIDDEN); anonymous is UNAUTHENTICATED", async () => {
    const { jobs } = await viewer.ok(`{ jobs(first: 1) { edges { node { id } } } }`);
    const id = jobs.edges[0].node.id;
    for (const [q, v] of [
      [`mutation { startSync(input: { connector: "testconn", operation: "noop" }) { __typename } }`, {}],
      [`mutation($id: ID!) { cancelJob(id: $id) { id } }`, { id }],
      [`mutation($id: ID!) { retryJob(id: $id) { __typename } }`, { id }],
    ] as const) {
      expect((await viewer.fails(q, v)).extensions?.code).toBe("FORBIDDEN");
      expect((await s.anonymous.fails(q, v)).extensions?.code).toBe("UNAUTHENTICATED");
    }
    expect((await s.anonymous.fails(`{ jobs { totalCount } }`)).extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("unknown connector or operation is BAD_USER_INPUT on that field", async () => {
    const a = await editor.fails(`mutation { startSync(input: { connector: "nope", operation: "x" }) { __typename } }`);
    expect(a.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "connector" });
    const b = await editor.fails(`mutation { startSync(input: { connector: "testconn", operation: "nope" }) { __typename } }`);
    expect(b.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "operation" });
    expect((await viewer.fails(`{ job(id: "abc") { id } }`)).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
  });

  it("brand isolation: brand B cannot see, cancel, retry or subscribe to brand A's jobs", async () => {
    const { jobs } = await viewer.ok(`{ jobs(first: 1) { edges { node { id } } } }`);
    const id = jobs.edges[0].node.id;
    const other = await s.otherBrand();
    expect((await other.ok(`{ jobs { totalCount } }`)).jobs.totalCount).toBe(0);
    expect((await other.fails(`query($id: ID!) { job(id: $id) { id } }`, { id })).extensions?.code).toBe("NOT_FOUND");
    expect((await other.fails(`mutation($id: ID!) { cancelJob(id: $id) { id } }`, { id })).extensions?.code).toBe("NOT_FOUND");
    expect((await other.fails(`mutation($id: ID!) { retryJob(id: $id) { __typename } }`, { id })).extensions?.code).toBe("NOT_FOUND");

    const ws = wsClient(s.url, other.token);
    try {
      await expect(subscribe(ws, JOB_UPDATED, { id }).done).rejects.toThrow(/NOT_FOUND|not found/);
      // brand B has not enabled the connector
      const refused = await other.ok(
        `mutation { startSync(input: { connector: "testconn", operation: "noop" }) { __typename ... on ErrorResult { errorCode message } } }`,
      );
      expect(refused.startSync).toMatchObject({ __typename: "ConnectorNotEnabledError", errorCode: "CONNECTOR_NOT_ENABLED" });
      await configure(other);
      const own = await other.ok(`mutation { startSync(input: { connector: "testconn", operation: "noop" }) { __typename ... on Job { id } } }`);
      expect(own.startSync.__typename).toBe("Job");
      await waitForJob(other, own.startSync.id);

      // brand B's feed sees nothing of brand A's jobs: proven live first (B's own job reaches it), then A runs a
      // job, then B's own second job reaching the feed shows A's events would have arrived by now
      const feed = subscribe(ws, `subscription { jobFeed { id state } }`);
      await untilLive(feed, () => runToEnd(other, "noop"));
      const job = await startSync(editor, "noop");
      await waitForJob(viewer, job.id);
      const sentinel = await startSync(other, "noop");
      await feed.until((e) => e.id === sentinel.id && e.state === "SUCCEEDED");
      const { jobs: bJobs } = await other.ok(`{ jobs(first: 100) { edges { node { id } } } }`);
      const bIds = bJobs.edges.map((e: any) => e.node.id);
      expect(feed.events.map((e) => e.id)).not.toContain(job.id);
      expect(feed.events.every((e) => bIds.includes(e.id))).toBe(true);
      feed.dispose();
    } finally {
      await ws.dispose();
    }
  });

  it("jobFeed streams every job change of the brand, optionally one connector's", async () => {
    const ws = wsClient(s.url, viewer.token);
    try {
      // `elsewhere` is subscribed before `feed` on the same socket: `feed` delivering the job's end is the
      // positive control that `elsewhere` would have had its events by then
      const elsewhere = subscribe(ws, `subscription { jobFeed(connector: "other") { id } }`);
      const feed = subscribe(ws, `subscription { jobFeed(connector: "testconn") { id state operation } }`);
      await untilLive(feed, () => runToEnd(editor, "noop"));
      const job = await startSync(editor, "noop");
      await feed.until((e) => e.id === job.id && e.state === "SUCCEEDED");
      const mine = feed.events.filter((e) => e.id === job.id).map((e) => e.state);
      expect(mine[mine.length - 1]).toBe("SUCCEEDED");
      expect(mine).toContain("RUNNING");
      expect(elsewhere.events).toEqual([]);
      feed.dispose();
      elsewhere.dispose();
    } finally {
      await ws.dispose();
    }
  });

  it("graphql-ws refuses a connection without a valid token", async () => {
    const ws = wsClient(s.url, "slv_bogus-token-0000000000");
    try {
      // the server closes the socket with 4403 Forbidden (not some other failure)
      expect(await wsOnce(ws, `subscription { jobFeed { id } }`)).toEqual({ closeCode: 4403 });
    } finally {
      await ws.dispose();
    }
  });
});
