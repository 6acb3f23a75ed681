import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { http } from "./helpers";

const ROOT = resolve(__dirname, "../..");

function launch(env: Record<string, string>): Promise<{ child: ChildProcess; out: () => string; url: string }> {
  const child = spawn(process.execPath, ["-r", "@swc-node/register", "plugins/joor/sandbox/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => (out += String(d)));
  child.stderr?.on("data", (d) => (out += String(d)));
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`sandbox did not start:\n${out}`)), 30_000);
    const poll = setInterval(() => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        clearInterval(poll);
        ok({ child, out: () => out, url: m[1] });
      }
    }, 50);
    child.once("exit", (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      fail(new Error(`sandbox exited with ${code}:\n${out}`));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((ok) => {
    child.once("exit", (code) => ok(code));
    child.kill("SIGTERM");
  });
}

describe("npm run joor:sandbox (plugins/joor/sandbox/main.ts)", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "joor-sandbox-cli-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("starts with the default seeded account, prints how to use it and stops cleanly", async () => {
    const { child, out, url } = await launch({ JOOR_SANDBOX_PORT: "0" });
    try {
      expect(out()).toContain("account id      100001");
      expect(out()).toContain(`${url}/auth/`);
      expect(out()).toContain("Authorization: OAuth2 sandbox-v2-token-100001");
      expect(out()).toContain(`${url}/__admin/`);
      const admin = await http(`${url}/__admin/`);
      expect(admin.status).toBe(200);
      expect(admin.body.accounts[0].id).toBe("100001");
      const form = new URLSearchParams({
        grant_type: "password",
        client_id: "selvedge-sandbox",
        client_secret: "sandbox-client-secret",
        username: "brand@sandbox.test",
        password: "sandbox-password",
      });
      expect((await fetch(`${url}/auth/`, { method: "POST", body: form })).status).toBe(200);
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });

  it("reads JOOR_SANDBOX_SEED, JOOR_SANDBOX_STATE and the rate-limit switches", async () => {
    const seedPath = join(dir, "seed.json");
    const statePath = join(dir, "state.json");
    writeFileSync(
      seedPath,
      JSON.stringify({
        accounts: [
          { id: "4242", credentials: { client_id: "c", client_secret: "s", username: "u", password: "p", v2_token: "tok" }, warehouses: [{ name: "Main" }] },
        ],
      }),
    );
    const { child, out, url } = await launch({
      JOOR_SANDBOX_PORT: "0",
      JOOR_SANDBOX_SEED: seedPath,
      JOOR_SANDBOX_STATE: statePath,
      JOOR_SANDBOX_RATE_LIMIT: "off",
    });
    try {
      expect(out()).toContain("account id      4242");
      expect(out()).toContain("rate limit      off");
      expect(out()).toContain(`persisted to ${statePath}`);
      const r = await http(`${url}/v2/connection`, { headers: { authorization: "OAuth2 tok" } });
      expect(r.status).toBe(200);
    } finally {
      expect(await stop(child)).toBe(0);
    }
    expect(JSON.parse(readFileSync(statePath, "utf8")).accounts[0].id).toBe("4242");
  });

  it("exits with a clear message on a bad seed file", async () => {
    const seedPath = join(dir, "bad.json");
    writeFileSync(seedPath, JSON.stringify({ accounts: [{ id: "" }] }));
    await expect(launch({ JOOR_SANDBOX_PORT: "0", JOOR_SANDBOX_SEED: seedPath })).rejects.toThrow(/exited with 1[\s\S]*invalid sandbox seed/);
  });
});
