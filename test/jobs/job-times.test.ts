import { TestServer } from "../harness/test-server";
import { startJobServer, startSync, waitForJob } from "./helpers";

const ms = (iso: string) => new Date(iso).getTime();

/** Job times are stored with sub-second precision on every database (MariaDB `datetime` would keep whole seconds). */
describe("job times", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startJobServer({}, { records: 3, delayMs: 7 });
  });
  afterAll(async () => s.stop());

  it("startedAt and finishedAt keep their milliseconds and follow createdAt in order", async () => {
    const job = await startSync(s.admin);
    const done = await waitForJob(s.admin, job.id);
    expect(done.state).toBe("SUCCEEDED");
    // with whole seconds both would end in .000 (and startedAt could even sort before createdAt)
    expect([done.startedAt, done.finishedAt].some((t: string) => ms(t) % 1000 !== 0)).toBe(true);
    expect(ms(done.startedAt)).toBeGreaterThanOrEqual(ms(done.createdAt));
    expect(ms(done.finishedAt)).toBeGreaterThanOrEqual(ms(done.startedAt) + 3 * 7);
  });
});
