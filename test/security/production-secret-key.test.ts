import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bootstrapToken, spawnSelvedge } from "../jobs/processes";

/** Starting Node with swc takes a few seconds, much longer on a busy machine. */
const START_MS = 90_000;

describe("production start without SELVEDGE_SECRET_KEY", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "selvedge-key-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(
    "an API and a worker process on MySQL/MariaDB refuse to start, saying why",
    async () => {
      const errors = await Promise.all(
        ["api", "worker"].map((role) =>
          spawnSelvedge({ NODE_ENV: "production", SELVEDGE_ROLE: role, DATABASE_URL: "mysql://nobody:none@127.0.0.1:1/none" }, START_MS).then(
            () => null,
            (e: Error) => e,
          ),
        ),
      );
      for (const error of errors) {
        expect(error?.message).toMatch(/exited with 1/);
        expect(error?.message).toMatch(/SELVEDGE_SECRET_KEY is not set and NODE_ENV=production/);
      }
    },
    2 * START_MS,
  );

  it(
    "the development key is refused in production",
    async () => {
      const error = await spawnSelvedge(
        { NODE_ENV: "production", SELVEDGE_SECRET_KEY: "selvedge-development-secret-key-change-me", DATABASE_URL: `sqlite:${path.join(dir, "x.sqlite")}` },
        START_MS,
      ).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message).toMatch(/development key/);
    },
    2 * START_MS,
  );

  it(
    "with the embedded SQLite database, the first start generates a key next to it (0600) and later starts reuse it",
    async () => {
      const env = { NODE_ENV: "production", DATABASE_URL: `sqlite:${path.join(dir, "data", "selvedge.sqlite")}`, SELVEDGE_BOOTSTRAP_TOKEN: bootstrapToken() };
      const first = await spawnSelvedge(env, START_MS);
      const keyFile = path.join(dir, "data", "secret.key");
      expect(first.output.join("")).toMatch(/Generated the key that encrypts connector secrets/);
      expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
      const key = fs.readFileSync(keyFile, "utf8");
      expect(key.trim().length).toBeGreaterThanOrEqual(32);
      await first.kill();
      const second = await spawnSelvedge(env, START_MS);
      expect(second.output.join("")).not.toMatch(/Generated the key/);
      expect(fs.readFileSync(keyFile, "utf8")).toBe(key);
      const res = await fetch(`${second.url}/health`);
      expect(res.status).toBe(200);
      await second.kill();
    },
    3 * START_MS,
  );
});
