import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";

/**
 * `npm run demo` end to end as a new user runs it: the JOOR sandbox, Selvedge on a fresh database, the demo
 * brand, export-all, retailer orders, import-orders with holds, the dashboard URL and a token that works; it
 * stays up until interrupted.
 */
jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, "../..");

it("npm run demo exports, imports orders (holding the bad ones), prints the dashboard URL and a working token, and stops on Ctrl-C", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selvedge-demo-"));
  const child = spawn(process.execPath, ["-r", "@swc-node/register", "demo/run-demo.ts"], {
    cwd: ROOT,
    env: { ...process.env, DEMO_PORT: "0", DEMO_DIR: dir, LOG_LEVEL: "error" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`demo did not finish in time:\n${out}\n${err}`)), 280_000);
      const check = setInterval(() => {
        if (/stay up until Ctrl-C/.test(out)) {
          clearInterval(check);
          clearTimeout(timer);
          resolve();
        }
      }, 200);
      exited.then((code) => {
        clearInterval(check);
        clearTimeout(timer);
        reject(new Error(`demo exited ${code}:\n${out}\n${err}`));
      });
    });
    expect(out).toMatch(/connection test: OK/);
    expect(out).toMatch(/export-all: succeeded/);
    expect(out).toMatch(/customers: \d+ sent/);
    expect(out).toMatch(/products: \d+ products sent \(\d+ SKUs/);
    expect(out).toMatch(/orders placed in JOOR: 36 \(3 with an unknown barcode, 3 with an unknown customer code\)/);
    expect(out).toMatch(/orders: 30 imported, 6 held/);
    expect(out).toMatch(/UNKNOWN_BARCODE/);
    expect(out).toMatch(/UNKNOWN_CUSTOMER/);
    const url = /Dashboard: (http:\/\/\S+)\/dashboard/.exec(out)![1];
    const token = /admin token \(kept in the tab only\): (\S+)/.exec(out)![1];
    const page = await fetch(`${url}/dashboard`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<script type="module" src="\/dashboard\/app-/);
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `{ jobs(first: 5) { edges { node { operation state } } } }` }),
    });
    const jobs = ((await res.json()) as any).data.jobs.edges.map((e: any) => e.node);
    expect(jobs).toEqual([
      { operation: "export-all", state: "SUCCEEDED" },
      { operation: "import-orders", state: "SUCCEEDED" },
    ]);
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
