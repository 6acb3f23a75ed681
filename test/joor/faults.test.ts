import { waitForJob } from "../jobs/helpers";
import { startJoorEnv, type JoorEnv } from "./harness";
import { expectNoDuplicates, joorProducts, joorSkus } from "./sandbox-admin";

/** Sandbox fault switches: the export still ends in a complete, duplicate-free JOOR catalogue. */
describe("export under JOOR faults", () => {
  let env: JoorEnv;
  const PRODUCTS = 12;
  beforeAll(async () => {
    env = await startJoorEnv({ settings: { batchSize: 4, requestTimeoutMs: 600 } });
    for (let i = 0; i < PRODUCTS; i++) await env.seed.product();
    for (let i = 0; i < 6; i++) await env.seed.customer();
  });
  afterAll(() => env?.stop());
  afterEach(() => env.sandbox.faults.clear());

  /** Fault rules through the sandbox's admin API. */
  const addFaults = async (rules: unknown) => {
    const res = await fetch(`${env.sandbox.urls.admin}/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(rules),
    });
    expect(res.ok).toBe(true);
  };

  const expectComplete = async () => {
    const products = await joorProducts(env);
    expect(products).toHaveLength(PRODUCTS);
    expect(await joorSkus(env)).toHaveLength(PRODUCTS * 3);
    await expectNoDuplicates(env);
  };

  it("429 bursts, 5xx, latency beyond the timeout, dropped connections (before and after JOOR acted) and malformed JSON", async () => {
    await addFaults([
      { type: "rate_limit", retry_after: 1, count: 3, match: { path: "/v4/products" } },
      { type: "server_error", status: 503, count: 2, match: { path: "/v4/skus" } },
      { type: "server_error", status: 500, body: "html", count: 1, match: { path: "/v4/products" } },
      { type: "latency", latency_ms: 1500, count: 1, match: { path: "/v4/skus" } },
      { type: "drop_connection", phase: "after", count: 2, match: { path: "/v4/products/bulk_create" } },
      { type: "drop_connection", phase: "after", count: 1, match: { path: "/v4/skus/bulk_create" } },
      { type: "drop_connection", phase: "before", count: 1, match: { path: "/v4/skus" } },
      { type: "drop_connection", phase: "mid_body", count: 1, match: { path: "/v4/products" } },
      { type: "malformed_json", count: 1, match: { path: "/v4/skus/bulk_create" } },
      { type: "truncated_json", count: 1, match: { path: "/v4/products" } },
    ]);
    const job = await env.run("export-products", {}, 120_000);
    expect(job.state).toBe("SUCCEEDED");
    expect(job.failed).toBe(0);
    await expectComplete();
    const rules = env.sandbox.faults.list();
    expect(rules.length).toBe(10);
    expect(rules.filter((r) => r.fired === 0)).toEqual([]);
    const logs = await env.logs(job.id);
    expect(logs.some((l) => /retrying/.test(l.message))).toBe(true);
  });

  it("a full run under random faults changes nothing and duplicates nothing", async () => {
    await addFaults([
      { type: "server_error", rate: 0.15, seed: 7, count: null },
      { type: "malformed_json", rate: 0.1, seed: 8, count: null },
      { type: "drop_connection", phase: "after", rate: 0.1, seed: 9, count: null },
    ]);
    const job = await env.run("export-products", { full: true }, 120_000);
    expect(job.state).toBe("SUCCEEDED");
    expect(env.sandbox.faults.list().reduce((n, r) => n + r.fired, 0)).toBeGreaterThan(0);
    await expectComplete();
  });

  it("customers under faults: dropped and failed bulk-connection requests still give one JOOR customer per account code", async () => {
    await addFaults([
      { type: "drop_connection", phase: "after", count: 1, match: { method: "POST", path: "/v2/bulk-connection" } },
      { type: "server_error", status: 502, count: 2, match: { method: "GET", path: "/v2/bulk-connection" } },
      { type: "malformed_json", count: 1, match: { method: "GET", path: "/v2/bulk-connection" } },
    ]);
    const job = await env.run("export-customers", {}, 120_000);
    expect(job.state).toBe("SUCCEEDED");
    expect(job.summary).toMatchObject({ sent: 6, failed: 0 });
    const conns = (await (await fetch(`${env.sandbox.urls.admin}/connections?limit=1000`)).json()) as any;
    expect(conns.total).toBe(6);
    expect(env.sandbox.faults.list().filter((r) => r.fired === 0)).toEqual([]);
  });

  it("a token that expires mid-job is refreshed", async () => {
    for (let i = 0; i < 4; i++) await env.seed.product();
    await addFaults({ type: "latency", latency_ms: 150, count: null, match: { path: "/v4/skus" } });
    const { startSync } = await env.admin.ok(
      `mutation { startSync(input: { connector: "joor", operation: "export-products", full: true }) { ... on Job { id } } }`,
    );
    const tokensBefore = env.sandbox.counters.by_route.get("POST /auth/,/token") ?? 0;
    // wait until the job has talked to JOOR, then expire every live token
    for (let i = 0; i < 200 && (env.sandbox.counters.by_route.get("POST /v4/skus/bulk_update") ?? 0) === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const expired = await fetch(`${env.sandbox.urls.admin}/tokens/expire`, { method: "POST" });
    expect(expired.ok).toBe(true);
    const job = await waitForJob(env.admin, startSync.id, 60_000);
    expect(job.state).toBe("SUCCEEDED");
    expect(job.failed).toBe(0);
    expect(env.sandbox.counters.by_route.get("POST /auth/,/token") ?? 0).toBeGreaterThan(tokensBefore);
    expect(env.sandbox.counters.by_status.get(401) ?? 0).toBeGreaterThan(0);
    expect(await joorProducts(env)).toHaveLength(PRODUCTS + 4);
  });
});
