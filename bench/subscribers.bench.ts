import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { Worker } from "node:worker_threads";
import { loadConfig } from "../src/config/config";
import { startSelvedge } from "../src/server/bootstrap";

/**
 * CONTRACT §7 P6: 1,000 graphql-ws subscribers on one running job. The server runs in this thread; the
 * subscribers run in a worker thread (their own heap, so the server's heap growth is the server's). Every
 * subscriber must receive the terminal state; latency = receipt time − the event's `updatedAt` (publish time).
 * Loopback only.
 */
export interface SubscribersBenchResult {
  subscribers: number;
  gotTerminalState: number;
  eventsDelivered: number;
  eventsPerSubscriber: number;
  p50LatencyMs: number;
  p99LatencyMs: number;
  maxLatencyMs: number;
  serverHeapPerSubscriberKb: number;
  processRssPerSubscriberKb: number;
  connectSeconds: number;
}

const CLIENTS_JS = `
const { parentPort, workerData } = require("node:worker_threads");
const { createClient } = require("graphql-ws");
const WebSocket = require("ws");
const { url, token, jobId, count } = workerData;
const latencies = [];
let terminal = 0, subscribed = 0, events = 0;
const clients = [];
const query = "subscription($id: ID!) { jobUpdated(id: $id) { id state processed total progress updatedAt } }";
(async () => {
  for (let i = 0; i < count; i++) {
    const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: "Bearer " + token }, retryAttempts: 0, lazy: true });
    clients.push(client);
    let first = true;
    client.subscribe({ query, variables: { id: jobId } }, {
      next: (msg) => {
        const job = msg.data && msg.data.jobUpdated;
        if (!job) return;
        events++;
        if (first) { first = false; subscribed++; if (subscribed === count) parentPort.postMessage({ type: "subscribed" }); }
        else latencies.push(Date.now() - Date.parse(job.updatedAt));
        if (job.state === "SUCCEEDED" || job.state === "FAILED" || job.state === "CANCELLED") terminal++;
      },
      error: (e) => parentPort.postMessage({ type: "error", error: String(e && e.message || JSON.stringify(e)) }),
      complete: () => { if (terminal === count) finish(); },
    });
    if (i % 50 === 49) await new Promise((r) => setTimeout(r, 5));
  }
})();
let finished = false;
function finish() {
  if (finished) return; finished = true;
  parentPort.postMessage({ type: "done", terminal, events, latencies });
  Promise.all(clients.map((c) => c.dispose())).then(() => process.exit(0));
}
parentPort.on("message", (m) => { if (m === "stop") finish(); });
`;

function gcFn(): () => void {
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

export async function run(subscribers = 1000): Promise<SubscribersBenchResult> {
  const gc = gcFn();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selvedge-p6-"));
  const token = "slv_bench_token_p6_0123456789abcdef";
  const config = loadConfig(
    { LOG_LEVEL: "error" },
    {
      port: 0,
      host: "127.0.0.1",
      databaseUrl: `sqlite:${dir}/p6.sqlite`,
      mediaDir: `${dir}/media`,
      bootstrapToken: token,
      redisUrl: undefined,
      plugins: ["./test/fixtures/test-plugin"],
    },
  );
  const app = await startSelvedge({ config });
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const json = (await res.json()) as { data?: any; errors?: unknown[] };
    if (json.errors) throw new Error(JSON.stringify(json.errors));
    return json.data;
  };
  try {
    await gql(`mutation { enableConnector(name: "testconn") { enabled } }`);
    const values = { apiUrl: "https://platform.test", apiKey: "k", records: 300, delayMs: 8 };
    await gql(`mutation($v: [ConnectorSettingInput!]!) { updateConnectorSettings(connector: "testconn", values: $v) { name } }`, {
      v: Object.entries(values).map(([key, value]) => ({ key, value })),
    });
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const rssBefore = process.memoryUsage().rss;
    const { startSync } = await gql(`mutation { startSync(input: { connector: "testconn", operation: "import-records" }) { ... on Job { id } } }`);
    const connectStart = Date.now();
    const worker = new Worker(CLIENTS_JS, {
      eval: true,
      workerData: { url: app.url!.replace(/^http/, "ws") + "/graphql", token, jobId: startSync.id, count: subscribers },
    });
    let connectSeconds = 0;
    let heapAfter = heapBefore;
    let rssAfter = rssBefore;
    const result = await new Promise<{ terminal: number; events: number; latencies: number[] }>((resolve, reject) => {
      const timeout = setTimeout(() => worker.postMessage("stop"), 120_000);
      worker.on("message", (m: { type: string; error?: string; terminal: number; events: number; latencies: number[] }) => {
        if (m.type === "subscribed") {
          connectSeconds = (Date.now() - connectStart) / 1000;
          gc();
          heapAfter = process.memoryUsage().heapUsed;
          rssAfter = process.memoryUsage().rss;
        } else if (m.type === "error") {
          clearTimeout(timeout);
          reject(new Error(m.error));
        } else if (m.type === "done") {
          clearTimeout(timeout);
          resolve(m);
        }
      });
      worker.on("error", reject);
    });
    await worker.terminate().catch(() => undefined);
    const sorted = [...result.latencies].sort((a, b) => a - b);
    return {
      subscribers,
      gotTerminalState: result.terminal,
      eventsDelivered: result.events,
      eventsPerSubscriber: Math.round((result.events / subscribers) * 10) / 10,
      p50LatencyMs: percentile(sorted, 50),
      p99LatencyMs: percentile(sorted, 99),
      maxLatencyMs: sorted[sorted.length - 1] ?? NaN,
      serverHeapPerSubscriberKb: Math.round(((heapAfter - heapBefore) / subscribers / 1024) * 10) / 10,
      processRssPerSubscriberKb: Math.round(((rssAfter - rssBefore) / subscribers / 1024) * 10) / 10,
      connectSeconds,
    };
  } finally {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  run()
    .then((r) => {
      console.table([r]);
      process.exit(r.gotTerminalState === r.subscribers ? 0 : 1);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
