import { createClient, Client } from "graphql-ws";
import WebSocket from "ws";
import { loadConfig, JobsConfig, SelvedgeConfig } from "../../src/config/config";
import { GraphQLClient } from "../harness/graphql-client";
import { ENABLE_CONNECTOR, JOB, JOB_FIELDS, settingValues, START_SYNC, UPDATE_CONNECTOR_SETTINGS } from "../harness/operations";
import { startTestServer, TestServer } from "../harness/test-server";

export const TEST_PLUGIN = "./test/fixtures/test-plugin";

/** Job timings fast enough for tests. */
export function fastJobs(overrides: Partial<JobsConfig> = {}): JobsConfig {
  return {
    ...loadConfig({}).jobs,
    pollMs: 50,
    heartbeatMs: 100,
    staleAfterMs: 1500,
    schedulerTickMs: 60_000,
    progressIntervalMs: 100,
    concurrency: 2,
    shutdownGraceMs: 1000,
    refreshMs: 500,
    ...overrides,
  };
}

/** A test server with the test connector installed, enabled for brand A and configured. */
export async function startJobServer(overrides: Partial<SelvedgeConfig> = {}, settings: Record<string, unknown> = {}): Promise<TestServer> {
  const s = await startTestServer({ plugins: [TEST_PLUGIN], jobs: fastJobs(), ...overrides });
  await configure(s.admin, settings);
  return s;
}

export async function configure(client: GraphQLClient, settings: Record<string, unknown> = {}): Promise<void> {
  await client.run(ENABLE_CONNECTOR, { name: "testconn" });
  await setSettings(client, { apiUrl: "https://platform.test/api", apiKey: "k-secret-123", ...settings });
}

export async function setSettings(client: GraphQLClient, values: Record<string, unknown>): Promise<void> {
  await client.run(UPDATE_CONNECTOR_SETTINGS, { connector: "testconn", values: settingValues(values) });
}

export { JOB_FIELDS };

/** START_SYNC's document, for tests that send it with variables of their own. */
export const START = START_SYNC.document;

export async function startSync(client: GraphQLClient, operation = "import-records", extra: Record<string, unknown> = {}): Promise<any> {
  return (await client.run(START_SYNC, { input: { connector: "testconn", operation, ...extra } })).startSync;
}

export async function getJob(client: GraphQLClient, id: string): Promise<any> {
  return (await client.run(JOB, { id })).job;
}

/** Polls the job over HTTP until it is in a terminal state. */
export async function waitForJob(
  client: GraphQLClient,
  id: string,
  timeoutMs = 20_000,
  until = (j: any) => ["SUCCEEDED", "FAILED", "CANCELLED"].includes(j.state),
) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJob(client, id);
    if (until(job)) return job;
    if (Date.now() > end) throw new Error(`Job ${id} did not reach the expected state: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts the operation and waits for its end (one live job per brand and operation: the next can start after). */
export async function runToEnd(client: GraphQLClient, operation = "import-records") {
  const job = await startSync(client, operation);
  if (job.__typename !== "Job") throw new Error(`startSync ${operation} refused: ${JSON.stringify(job)}`);
  return waitForJob(client, job.id);
}

export function wsClient(url: string, token: string | null): Client {
  return createClient({
    url: url.replace(/^http/, "ws") + "/graphql",
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    lazy: true,
    retryAttempts: 0,
  });
}

export interface Subscription<T> {
  events: T[];
  /** Resolves when the server completes the subscription; rejects on an error. */
  done: Promise<T[]>;
  /**
   * Resolves with the first event (already received or still to come) that matches; rejects when the
   * subscription ends or fails first. A positive signal to wait for instead of sleeping.
   */
  until(match: (e: T) => boolean): Promise<T>;
  dispose(): void;
}

export function subscribe<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}, onEvent?: (e: T) => void): Subscription<T> {
  const events: T[] = [];
  const waiters: { match: (e: T) => boolean; resolve: (e: T) => void }[] = [];
  let dispose = () => {};
  const done = new Promise<T[]>((resolve, reject) => {
    dispose = client.subscribe<any>(
      { query, variables },
      {
        next: (msg) => {
          if (msg.errors?.length) return reject(new Error(JSON.stringify(msg.errors)));
          const value = Object.values(msg.data ?? {})[0] as T;
          events.push(value);
          onEvent?.(value);
          for (const w of [...waiters]) {
            if (w.match(value)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(value);
            }
          }
        },
        error: (e) => reject(e instanceof Error ? e : new Error(JSON.stringify(e))),
        complete: () => resolve(events),
      },
    );
  });
  done.catch(() => undefined); // observed through `done` or `until` by the test
  const until = (match: (e: T) => boolean) => {
    const seen = events.find(match);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise<T>((resolve, reject) => {
      waiters.push({ match, resolve });
      done.then(
        () => reject(new Error(`the subscription ended without a matching event; it saw ${JSON.stringify(events)}`)),
        (e: Error) => reject(e),
      );
    });
  };
  return { events, done, until, dispose };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits for a feed's first event — the positive signal that it is live — starting a job with `start` now and
 * every half second until one arrives (graphql-ws has no acknowledgement of a subscription).
 */
export async function untilLive<T>(feed: Subscription<T>, start: () => Promise<unknown>, tries = 60): Promise<T> {
  const first = feed.until(() => true);
  for (let i = 0; i < tries; i++) {
    if (i % 10 === 0) await start();
    const seen = await Promise.race([first, sleep(50).then(() => undefined)]);
    if (seen !== undefined) return seen;
  }
  throw new Error(`the feed delivered no event in ${tries} checks while jobs were started for it`);
}
