import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { startTestServer, TestServer } from "../harness/test-server";
import { fastJobs } from "./helpers";

/** ctx.progress.setWaiting: a job paused by its platform says until when and why, live, and stops saying it. */
describe("Job.waitingUntil and waitingReason", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ plugins: ["./test/fixtures/load-plugin"], jobs: fastJobs() });
    await s.admin.ok(`mutation { enableConnector(name: "loadconn") { enabled } }`);
    await s.admin.ok(`mutation { updateConnectorSettings(connector: "loadconn", values: [{ key: "waitMs", value: 800 }]) { name } }`);
  });
  afterAll(() => s?.stop());

  it("a waiting job publishes waitingUntil (in the future) with its reason, then clears both, and ends without them", async () => {
    const r = await s.admin.ok(`mutation { startSync(input: { connector: "loadconn", operation: "throttled" }) { ... on Job { id } } }`);
    const id = r.startSync.id;
    const ws = createClient({
      url: s.url.replace("http", "ws") + "/graphql",
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${s.admin.token}` },
    });
    const events: { state: string; processed: number; waitingUntil: string | null; waitingReason: string | null; updatedAt: string }[] = [];
    await new Promise<void>((resolve, reject) => {
      ws.subscribe(
        { query: `subscription($id: ID!) { jobUpdated(id: $id) { state processed waitingUntil waitingReason updatedAt } }`, variables: { id } },
        { next: (e) => events.push((e.data as { jobUpdated: (typeof events)[number] }).jobUpdated), error: reject, complete: resolve },
      );
    });
    await ws.dispose();
    const waiting = events.filter((e) => e.waitingUntil);
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting[0]).toMatchObject({ state: "RUNNING", processed: 5, waitingReason: "waiting for API credits" });
    expect(Date.parse(waiting[0].waitingUntil!)).toBeGreaterThan(Date.parse(waiting[0].updatedAt));
    const last = events[events.length - 1];
    expect(last).toMatchObject({ state: "SUCCEEDED", processed: 10, waitingUntil: null, waitingReason: null });
    const stored = await s.admin.ok(`query($id: ID!) { job(id: $id) { waitingUntil waitingReason } }`, { id });
    expect(stored.job).toEqual({ waitingUntil: null, waitingReason: null });
  });
});
