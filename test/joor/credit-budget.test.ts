import { startSelvedge, type SelvedgeApp } from "../../src/server/bootstrap";
import { suiteDatabaseKind } from "../harness/databases";
import { GraphQLClient } from "../harness/graphql-client";
import { fastJobs, waitForJob } from "../jobs/helpers";
import { creditBudgetFor } from "../../plugins/joor/runtime";
import { startJoorEnv, type JoorEnv } from "./harness";

const BUDGET = { creditBudget: 15, creditWindowSeconds: 2, batchSize: 2 };
const START = `mutation { startSync(input: { connector: "joor", operation: "export-products" }) { ... on Job { id } } }`;

/**
 * JOOR's credit limit is per account: two brands on one JOOR account export at once, on two job slots (and, on
 * MariaDB, on two Selvedge worker instances sharing the database); with Redis the budget lives in Redis.
 */
const setups: { name: string; redisUrl: string | undefined }[] = [
  { name: "database budget", redisUrl: undefined },
  ...(process.env.TEST_REDIS_URL ? [{ name: "redis budget", redisUrl: process.env.TEST_REDIS_URL }] : []),
];

describe.each(setups)("JOOR credit budget ($name)", ({ redisUrl }) => {
  let env: JoorEnv;
  let second: SelvedgeApp | undefined;
  let other: GraphQLClient;
  beforeAll(async () => {
    env = await startJoorEnv({
      sandbox: { rateLimit: { enabled: true, budget: BUDGET.creditBudget, windowSeconds: BUDGET.creditWindowSeconds } },
      server: { redisUrl },
      settings: BUDGET,
    });
    other = await env.server.otherBrand(["joor"]);
    await env.configure(BUDGET, other);
    const [otherBrand] = (await env.server.app.ds.getRepository("brand").find({ order: { id: "DESC" }, take: 1 })) as { id: number }[];
    for (let i = 0; i < 5; i++) {
      await env.seed.product();
      await env.seedFor(otherBrand.id).product();
    }
    if (suiteDatabaseKind() === "mysql") {
      second = await startSelvedge({ config: { ...env.server.app.config, role: "worker", jobs: fastJobs() } });
    }
  });
  afterAll(async () => {
    await second?.stop();
    await env?.stop();
  });

  it("two workers exporting for one JOOR account never exceed its credit budget (no 429) and say when they wait", async () => {
    // another client of the account has just spent the whole budget: the jobs must wait before their first request
    const accountKey = `${new URL(env.sandbox.urls.v4).host}/${env.sandbox.accountId}`;
    await creditBudgetFor(env.server.app.hostOf("joor")).reserve(accountKey, BUDGET.creditBudget, {
      budget: BUDGET.creditBudget,
      windowMs: BUDGET.creditWindowSeconds * 1000,
    });
    const started = Date.now();
    const a = (await env.admin.ok(START)).startSync;
    const b = (await other.ok(START)).startSync;
    // while it waits, the job's progress says so and until when; once it runs again the wait is cleared
    const waits: { waitingUntil: string | null; waitingReason: string | null }[] = [];
    const watch = (async () => {
      for (;;) {
        const { job } = await env.admin.ok(`{ job(id: "${a.id}") { state waitingUntil waitingReason } }`);
        waits.push(job);
        if (["SUCCEEDED", "FAILED", "CANCELLED"].includes(job.state)) return job;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const [ja, jb] = await Promise.all([waitForJob(env.admin, a.id, 60_000), waitForJob(other, b.id, 60_000)]);
    const last = await watch;
    expect(waits.some((w) => w.waitingUntil !== null && w.waitingReason === "waiting for JOOR credits")).toBe(true);
    expect(last.waitingUntil).toBeNull();
    expect([ja.state, jb.state]).toEqual(["SUCCEEDED", "SUCCEEDED"]);
    const account = env.sandbox.counters.account(env.sandbox.accountId);
    expect(account.credits_charged).toBeGreaterThan(BUDGET.creditBudget);
    expect(account.rate_limited).toBe(0);
    // the budget paced the two jobs: they could not spend more than one budget per window
    const windows = Math.ceil(account.credits_charged / BUDGET.creditBudget);
    expect(Date.now() - started).toBeGreaterThanOrEqual((windows - 1) * BUDGET.creditWindowSeconds * 1000);
    const logs = [...(await env.logs(a.id)), ...(await env.logs(b.id, other))];
    expect(logs.some((l) => /^Waiting for JOOR credits until \d{4}-/.test(l.message))).toBe(true);
    expect(env.sandbox.state.account().products.size).toBe(10);
  });
});
