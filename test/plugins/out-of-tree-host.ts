import { ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createTestDatabase, suiteDatabaseKind, TestDatabase } from "../harness/databases";
import { GraphQLClient } from "../harness/graphql-client";

export const REPO = path.resolve(__dirname, "../..");
export const run = promisify(execFile);

/** Selvedge as an operator starts it (`node -r @swc-node/register src/main.ts`), in its own process. */
export interface HostProcess {
  admin: GraphQLClient;
  output(): string;
  stop(): Promise<void>;
}

/** Starts the host in a child process with SELVEDGE_PLUGINS = `plugins`, in `cwd`; resolves once it is ready. */
export async function startHostProcess(plugins: string, cwd: string): Promise<HostProcess> {
  const db: TestDatabase = await createTestDatabase(suiteDatabaseKind());
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), "selvedge-media-"));
  const token = `slv_test_${randomBytes(16).toString("hex")}`;
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "test",
    LOG_FORMAT: "json",
    LOG_LEVEL: "info",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: db.url,
    SELVEDGE_BOOTSTRAP_TOKEN: token,
    SELVEDGE_MEDIA_DIR: mediaDir,
    SELVEDGE_PLUGINS: plugins,
    SELVEDGE_JOB_POLL_MS: "50",
    SELVEDGE_SECRET_KEY: "out-of-tree-test-secret-key",
    SWC_NODE_PROJECT: path.join(REPO, "tsconfig.json"), // cwd may be a deployment folder without the host's tsconfig
  };
  const child: ChildProcess = spawn(process.execPath, ["-r", require.resolve("@swc-node/register"), path.join(REPO, "src/main.ts")], { cwd, env });
  let out = "";
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const ready = out
        .split("\n")
        .map((l) => (l.startsWith("{") ? JSON.parse(l) : null))
        .find((l) => l?.msg === "Selvedge API ready");
      if (ready) resolve(String(ready.url).replace(/\/graphql$/, ""));
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`Selvedge exited (${code}) before it was ready:\n${out}`)));
  });
  return {
    admin: new GraphQLClient(url, token),
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      await db.drop();
      fs.rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}
