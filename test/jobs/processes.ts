import { ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import Redis from "ioredis";
import { createDataSource } from "../../src/db/data-source";
import { IdentityService } from "../../src/modules/identity/identity.service";
import { SystemData } from "../../src/db/system-data";
import { createTestDatabase, suiteDatabaseKind, TestDatabase } from "../harness/databases";
import { GraphQLClient } from "../harness/graphql-client";

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
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "info",
      SELVEDGE_MEDIA_DIR: path.join(os.tmpdir(), "selvedge-mp-media"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const proc: SelvedgeProcess = {
    child,
    pid: child.pid!,
    output,
    exited,
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

/** The Redis the scale-out tests use. */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A Redis connection that gives up at once instead of retrying forever (ioredis' default). */
function failFastRedis(url: string, connectTimeoutMs: number): Redis {
  return new Redis(url, {
    lazyConnect: true,
    connectTimeout: connectTimeoutMs,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
  });
}

/**
 * Fails at once, with a message that says what to do, when Redis does not answer — instead of the test waiting
 * for its processes until its timeout and ioredis keeping jest alive with its reconnects.
 */
export async function requireRedis(url = REDIS_URL, connectTimeoutMs = 3000): Promise<void> {
  const redis = failFastRedis(url, connectTimeoutMs);
  let cause: Error | undefined;
  redis.on("error", (e: Error) => (cause ??= e)); // the socket's error says more than "Connection is closed"
  try {
    await redis.connect();
    const pong = await redis.ping();
    if (pong !== "PONG") throw new Error(`PING answered ${JSON.stringify(pong)}`);
  } catch (e) {
    throw new Error(`Redis at ${url} does not answer (${(cause ?? (e as Error)).message}): start Redis, or set TEST_REDIS_URL to one that runs`);
  } finally {
    redis.disconnect();
  }
}

/** Deletes the keys a test wrote under its prefix; never hangs (does nothing when Redis is gone). */
export async function deleteRedisKeys(prefix: string, url = REDIS_URL): Promise<void> {
  const redis = failFastRedis(url, 3000);
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
  } catch {
    // Redis is not there: there is nothing to clean
  } finally {
    redis.disconnect();
  }
}

/**
 * The set-up of a multi-process test over Redis: checks Redis answers, one shared database, a key prefix of its
 * own, the environment every process gets, and brands with ADMIN tokens written straight to the database (as
 * the CLI would). `stop()` kills every process it spawned, drops the database and deletes the prefix's keys.
 */
export interface RedisScene {
  db: TestDatabase;
  prefix: string;
  env: Record<string, string>;
  procs: SelvedgeProcess[];
  spawn(env: Record<string, string>): Promise<SelvedgeProcess>;
  /** `count` new brands, each with an ADMIN client on the given API process. */
  brands(api: SelvedgeProcess, count: number): Promise<GraphQLClient[]>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function redisScene(env: Record<string, string> = {}): Promise<RedisScene> {
  await requireRedis();
  const db = await sharedDatabase();
  const prefix = `selvedge-test-${randomBytes(4).toString("hex")}`;
  const procs: SelvedgeProcess[] = [];
  const sceneEnv = {
    DATABASE_URL: db.url,
    REDIS_URL,
    SELVEDGE_REDIS_PREFIX: prefix,
    SELVEDGE_BOOTSTRAP_TOKEN: bootstrapToken(),
    SELVEDGE_PLUGINS: "./test/fixtures/test-plugin",
    ...env,
  };
  return {
    db,
    prefix,
    env: sceneEnv,
    procs,
    spawn: async (extra) => {
      const proc = await spawnSelvedge({ ...sceneEnv, ...extra });
      procs.push(proc);
      return proc;
    },
    brands: async (api, count) => {
      const ds = await createDataSource({ databaseUrl: db.url });
      await ds.initialize();
      try {
        const identity = new IdentityService(new SystemData(ds));
        const clients: GraphQLClient[] = [];
        for (let i = 0; i < count; i++) {
          const brand = await identity.createBrand(`Brand ${i}`, `brand-${i}`);
          const user = await identity.createUser(identity.scopeFor(brand.id), { name: "Admin", email: `admin@b${i}.test`, role: "ADMIN" });
          clients.push(new GraphQLClient(api.url!, (await identity.createToken(identity.scopeFor(brand.id), user.id, "test")).token));
        }
        return clients;
      } finally {
        await ds.destroy();
      }
    },
    stop: async (signal = "SIGTERM") => {
      await Promise.all(procs.map((p) => p.kill(signal)));
      await db.drop();
      await deleteRedisKeys(prefix);
    },
  };
}
