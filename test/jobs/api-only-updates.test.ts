import { GraphQLClient } from "../harness/graphql-client";
import { TestDatabase } from "../harness/databases";
import { configure, startSync, subscribe, wsClient } from "./helpers";
import { bootstrapToken, SelvedgeProcess, sharedDatabase, spawnSelvedge } from "./processes";

const REFRESH_MS = 500;

/**
 * Without Redis, an API-only process never hears a worker's events: its `jobUpdated` subscribers re-read the
 * job after SELVEDGE_JOB_REFRESH_MS without events, so the terminal state arrives at most that late (+ a query).
 */
jest.setTimeout(120_000); // real processes on a shared, possibly loaded machine

describe("jobUpdated on an API-only process without Redis", () => {
  let db: TestDatabase;
  const procs: SelvedgeProcess[] = [];
  afterAll(async () => {
    for (const p of procs.splice(0)) await p.kill("SIGKILL");
    await db?.drop();
  });

  it("delivers the terminal state of a job run by another process within the refresh interval", async () => {
    db = await sharedDatabase();
    const token = bootstrapToken();
    const env = { DATABASE_URL: db.url, SELVEDGE_BOOTSTRAP_TOKEN: token, SELVEDGE_PLUGINS: "./test/fixtures/test-plugin", SELVEDGE_JOB_POLL_MS: "50" };
    const api = await spawnSelvedge({ ...env, SELVEDGE_ROLE: "api", SELVEDGE_JOB_REFRESH_MS: String(REFRESH_MS) });
    procs.push(api);
    procs.push(await spawnSelvedge({ ...env, SELVEDGE_ROLE: "worker" }));
    const client = new GraphQLClient(api.url!, token);
    const ws = wsClient(api.url!, token);
    try {
      // three jobs of different lengths, so the end falls anywhere in the refresh cycle
      for (const records of [7, 13, 19]) {
        await configure(client, { records, delayMs: 60 });
        const job = await startSync(client);
        let seenAt = 0;
        const events = await subscribe(ws, `subscription($id: ID!) { jobUpdated(id: $id) { state finishedAt } }`, { id: job.id }, (e: any) => {
          if (e.state === "SUCCEEDED") seenAt = Date.now();
        }).done;
        const last = events[events.length - 1];
        expect(last.state).toBe("SUCCEEDED");
        expect(seenAt - Date.parse(last.finishedAt)).toBeLessThan(REFRESH_MS + 1000);
      }
    } finally {
      await ws.dispose();
    }
  });
});
