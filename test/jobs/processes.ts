import { ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { createTestDatabase, suiteDatabaseKind, TestDatabase } from "../harness/databases";

const ROOT = path.resolve(__dirname, "../..");

/** A Selvedge process started like production (`node -r @swc-node/register src/main.ts`), for multi-process tests. */
export interface SelvedgeProcess {
  child: ChildProcess;
  pid: number;
  /** The API URL (API processes). */
  url?: string;
  output: string[];
  /** Resolves when the process exited. */
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A shared database for several processes: a SQLite file, or a throw-away MariaDB database with TEST_DB=mysql. */
export async function sharedDatabase(): Promise<TestDatabase> {
  if (suiteDatabaseKind() === "mysql") return createTestDatabase("mysql");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selvedge-mp-"));
  return { url: `sqlite:${path.join(dir, "db.sqlite")}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export const bootstrapToken = () => `slv_mp_${randomBytes(16).toString("hex")}`;

export async function spawnSelvedge(env: Record<string, string>, timeoutMs = 60_000): Promise<SelvedgeProcess> {
  const child = spawn(process.execPath, ["-r", "@swc-node/register", "src/main.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "info",
      SELVEDGE_MEDIA_DIR: path.join(os.tmpdir(), "selvedge-mp-media"), ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const proc: SelvedgeProcess = {
    child, pid: child.pid!, output, exited,
    kill: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  const role = env.SELVEDGE_ROLE ?? "all";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Selvedge (${role}) did not start in ${timeoutMs} ms:\n${output.join("")}`)), timeoutMs);
    let buffer = "";
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (!line.startsWith("{")) continue;
        try {
          const entry = JSON.parse(line) as { msg?: string; url?: string };
          if (entry.msg === "Selvedge API ready") proc.url = entry.url!.replace(/\/graphql$/, "");
          const ready = role === "worker" ? entry.msg === "job worker started" : entry.msg === "Selvedge API ready";
          if (ready) {
            clearTimeout(timer);
            resolve();
          }
        } catch {
          // not a log line
        }
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (c: Buffer) => output.push(c.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Selvedge (${role}) exited with ${code} before it was ready:\n${output.join("")}`));
    });
  });
  return proc;
}
