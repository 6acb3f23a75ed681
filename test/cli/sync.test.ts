import path from "node:path";
import { spawn } from "node:child_process";
import { TestServer } from "../harness/test-server";
import { setSettings, startJobServer } from "../jobs/helpers";

/** `npm run cli -- sync | jobs | job` as a person runs them: a child process against the running server. */
jest.setTimeout(90_000);

const ROOT = path.resolve(__dirname, "../..");

function cli(args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-r", "@swc-node/register", "src/cli/index.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, SELVEDGE_URL: undefined, SELVEDGE_TOKEN: undefined, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

describe("npm run cli -- sync | jobs | job (against a running server)", () => {
  let s: TestServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    s = await startJobServer({}, { records: 30, delayMs: 20, badKeys: ["r0003", "r0007"] });
    env = { SELVEDGE_URL: s.url, SELVEDGE_TOKEN: (await s.clientFor("EDITOR")).token! };
  });
  afterAll(() => s?.stop());

  it("sync follows the job to SUCCEEDED (plain lines when not a TTY), prints the summary and the first issues, exits 0", async () => {
    const r = await cli(["sync", "testconn", "import-records"], env);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toMatch(/^job (\d+) queued: testconn import-records$/);
    expect(r.out).toMatch(/job \d+ RUNNING /);
    expect(r.out).toMatch(/job \d+ testconn\/import-records SUCCEEDED in .*: 28 processed, 2 failed, total 30/);
    expect(r.out).toMatch(/summary:\n {2}created: 28\n {2}dryRun: false/);
    expect(r.out).toMatch(/issues \(first 2 of 2\):\n {2}record r0003 {2}BAD_RECORD {2}Record r0003 is malformed\n {2}record r0007/);
    expect(r.out).not.toContain("\u001b["); // no terminal escapes in plain output
  });

  it("sync --dry-run --full passes the flags; jobs lists the newest first; job <id> shows one with its last log lines", async () => {
    const r = await cli(["sync", "testconn", "import-records", "--dry-run", "--full"], env);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/queued: testconn import-records \(dry run\) \(full\)/);
    const id = /^job (\d+) queued/.exec(r.out)![1];
    const job = await s.admin.ok(`query($id: ID!) { job(id: $id) { dryRun full state } }`, { id });
    expect(job.job).toEqual({ dryRun: true, full: true, state: "SUCCEEDED" });

    const list = await cli(["jobs", "--limit", "5"], env);
    expect(list.code).toBe(0);
    const ids = list.out
      .trim()
      .split("\n")
      .map((l) => Number(l.split("\t")[0]));
    expect(ids[0]).toBe(Number(id));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);

    const one = await cli(["job", id], env);
    expect(one.code).toBe(0);
    expect(one.out).toMatch(new RegExp(`job ${id} testconn/import-records SUCCEEDED .*\\(dry run\\)`));
    expect(one.out).toMatch(/last log lines \(\d+ of \d+\):/);
  });

  it("exits non-zero when the job FAILED, with its error", async () => {
    await setSettings(s.admin, { transientFailAt: 2, transientFailures: 10, badKeys: [] });
    const r = await cli(["sync", "testconn", "import-records", "--full"], env);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/job \d+ testconn\/import-records FAILED/);
    expect(r.out).toMatch(/error: Simulated 503 at record 2/);
    const id = /^job (\d+) queued/.exec(r.out)![1];
    const follow = await cli(["job", id, "--follow"], env);
    expect(follow.code).not.toBe(0);
  });

  it("says what is missing without a token or with a bad one, and exits 1", async () => {
    const none = await cli(["jobs"], { SELVEDGE_URL: s.url });
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/Set SELVEDGE_TOKEN/);
    const bad = await cli(["jobs"], { SELVEDGE_URL: s.url, SELVEDGE_TOKEN: "slv_nope" });
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/error: .*(token|authenticat)/i);
  });
});
