import { fork } from "node:child_process";
import path from "node:path";
import { BENCH_TOKEN, BenchServerOptions, benchHeaders } from "./bench-options";

export interface BenchServer {
  url: string;
  handwrittenUrl: string;
  token: string;
  products: number;
  variants: number;
  /** startSelvedge on an empty database (migrations included), ms. */
  startMs: number;
  /** RSS right after start, before seeding, MB. */
  idleRssMb: number;
  /** SQL statements one POST of this body costs. */
  statementsFor(body: string): Promise<number>;
  rssMb(): Promise<number>;
  /** The server process's CPU time so far (user + system), ms. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts bench/lib/bench-server.ts in a child process (production mode, TypeScript through swc). */
export async function startBenchServer(options: BenchServerOptions): Promise<BenchServer> {
  const child = fork(path.resolve(__dirname, "bench-server.ts"), [], {
    // BENCH_CPU_PROF=<dir>: the server process writes a V8 CPU profile there when it stops;
    // BENCH_SERVER_NODE_ARGS: more node flags for the server process (e.g. "--trace-gc").
    execArgv: [
      "-r",
      "@swc-node/register",
      "--expose-gc",
      ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      ...(process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? []),
    ],
    env: { ...process.env, NODE_ENV: "production", SELVEDGE_BENCH_SERVER: JSON.stringify(options) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let next = 0;
  const waiting = new Map<number, (v: unknown) => void>();
  const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
    child.on("message", (msg: { type?: string; id?: number; value?: unknown }) => {
      if (msg.type === "ready") resolve(msg as Record<string, unknown>);
      else if (msg.id !== undefined) waiting.get(msg.id)?.(msg.value);
    });
    child.on("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const ask = <T>(type: string) =>
    new Promise<T>((resolve) => {
      const id = next++;
      waiting.set(id, resolve as (v: unknown) => void);
      child.send({ type, id });
    });
  const info = await ready;
  return {
    url: info.url as string,
    handwrittenUrl: info.handwrittenUrl as string,
    token: BENCH_TOKEN,
    products: info.products as number,
    variants: info.variants as number,
    startMs: info.startMs as number,
    idleRssMb: info.idleRssMb as number,
    statementsFor: async (body) => {
      await ask("reset");
      const res = await fetch(`${info.url}/graphql`, { method: "POST", headers: benchHeaders, body });
      const json = (await res.json()) as { errors?: unknown[] };
      if (json.errors) throw new Error(JSON.stringify(json.errors));
      return ask<number>("count");
    },
    rssMb: () => ask<number>("rss"),
    cpuMs: () => ask<number>("cpu"),
    stop: async () => {
      child.removeAllListeners("exit");
      await ask("stop");
    },
  };
}
