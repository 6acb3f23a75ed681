import type { JoorSandbox } from "../../plugins/joor/sandbox";
import { Client, priceAll, pushConnections, pushStyle, start } from "./helpers";

describe("JOOR sandbox: fault injection", () => {
  let sb: JoorSandbox;
  let c: Client;
  beforeAll(async () => {
    ({ sb, c } = await start());
    const s = await pushStyle(c, "FAULT", [["Red", "RED"]], ["S", "M"]);
    await priceAll(
      c,
      s.skus.map((x) => x.id),
    );
    await pushConnections(c, ["F1"]);
    await c.admin("POST", "/orders/generate", { count: 6, lines_per_order: 1 });
  });
  afterAll(() => sb.close());
  afterEach(async () => {
    await c.admin("DELETE", "/faults");
  });

  const fault = async (rule: Record<string, unknown>): Promise<any> => {
    const r = await c.admin("POST", "/faults", rule);
    expect(r.status).toBe(201);
    return r.body.items[0];
  };

  it("429 burst: the next N requests get 429 with Retry-After, then traffic flows", async () => {
    await fault({ type: "rate_limit", count: 2, retry_after: 7 });
    const r1 = await c.v4("GET", "/traits");
    expect(r1.status).toBe(429);
    expect(r1.headers.get("retry-after")).toBe("7");
    expect(r1.body.errors[0].status).toBe("TOO_MANY_REQUESTS");
    expect((await c.v2("GET", "/order?sync=0")).status).toBe(429);
    expect((await c.v4("GET", "/traits")).status).toBe(200);
    const list = await c.admin("GET", "/faults");
    expect(list.body.items[0]).toMatchObject({ type: "rate_limit", remaining: 0, fired: 2 });
  });

  it("5xx: status, body kind and path/method matching", async () => {
    await fault({ type: "server_error", count: 1, status: 502, body: "html", match: { method: "POST", path: "/v4/products" } });
    expect((await c.v4("GET", "/products")).status).toBe(200); // GET does not match
    const r = await c.v4("POST", "/products/bulk_create", [{ name: "x", external_id: "FAULT-5XX" }]);
    expect(r.status).toBe(502);
    expect(r.headers.get("content-type")).toContain("text/html");
    // The failed write did not happen.
    expect((await c.v4("POST", "/products/bulk_create", [{ name: "x", external_id: "FAULT-5XX" }])).status).toBe(200);
    await fault({ type: "server_error", count: 1 });
    const j = await c.v4("GET", "/traits");
    expect(j.status).toBe(503);
    expect(j.body.errors[0].status).toBe("SERVER_ERROR");
  });

  it("seeded 5xx rate: deterministic for the same seed and request sequence", async () => {
    const run = async (): Promise<number[]> => {
      await c.admin("DELETE", "/faults");
      await fault({ type: "server_error", rate: 0.3, seed: 42, status: 500 });
      const out: number[] = [];
      for (let i = 0; i < 30; i++) out.push((await c.v4("GET", "/traits")).status);
      return out;
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    const fails = a.filter((s) => s === 500).length;
    expect(fails).toBeGreaterThan(2);
    expect(fails).toBeLessThan(20);
  });

  it("latency delays responses", async () => {
    await fault({ type: "latency", latency_ms: 300, count: 1 });
    const t0 = Date.now();
    expect((await c.v4("GET", "/traits")).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    const t1 = Date.now();
    await c.v4("GET", "/traits");
    expect(Date.now() - t1).toBeLessThan(250);
  });

  it("drop_connection before: the socket is destroyed and nothing is written", async () => {
    await fault({ type: "drop_connection", count: 1, match: { path: "/v4/categories" } });
    await expect(c.v4("POST", "/categories/bulk_create", [{ name: "Dropped before" }])).rejects.toThrow();
    const cats = (await c.v4("GET", "/categories")).body.data.map((x: any) => x.name);
    expect(cats).not.toContain("Dropped before");
  });

  it("drop_connection after: the write happens but the reply is lost", async () => {
    await fault({ type: "drop_connection", phase: "after", count: 1, match: { path: "/v4/categories/bulk_create" } });
    await expect(c.v4("POST", "/categories/bulk_create", [{ name: "Dropped after" }])).rejects.toThrow();
    const again = await c.v4("POST", "/categories/bulk_create", [{ name: "Dropped after" }]);
    expect(again.body.errors[0].status).toBe("DUPLICATED");
  });

  it("drop_connection mid_body: headers and half a body, then the socket closes", async () => {
    await fault({ type: "drop_connection", phase: "mid_body", count: 1 });
    const res = await fetch(`${sb.urls.v4}/traits?account=${sb.accountId}`, { headers: { authorization: `Bearer ${c.token}` } });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it("malformed and truncated JSON bodies", async () => {
    await fault({ type: "malformed_json", count: 1 });
    const bad = await c.v4("GET", "/traits");
    expect(bad.status).toBe(200);
    expect(bad.headers.get("content-type")).toContain("application/json");
    expect(() => JSON.parse(bad.text)).toThrow();
    await fault({ type: "truncated_json", count: 1 });
    const cut = await c.v2("GET", "/order?sync=0");
    expect(cut.status).toBe(200);
    expect(() => JSON.parse(cut.text)).toThrow();
    expect(cut.text.length).toBeGreaterThan(10);
    expect(JSON.parse((await c.v4("GET", "/traits")).text).data).toHaveLength(6);
  });

  it("duplicate_page: a page of orders is served twice (sync=1), without losing any order", async () => {
    await fault({ type: "duplicate_page", count: 1, match: { path: "/v2/order" } });
    const seen: number[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await c.v2("GET", "/order?order_type=6&sync=1&count=2");
      seen.push(...r.body.orders.map((o: any) => o.order_id));
      if (r.body.response.next_start === null && r.body.orders.length === 0) break;
    }
    expect(seen).toHaveLength(8); // 6 orders + one duplicated page of 2
    expect(new Set(seen).size).toBe(6);
    expect(seen.slice(2, 4)).toEqual(seen.slice(0, 2));
  });

  it("duplicate_page on v4 lists repeats the previous page", async () => {
    const p1 = await c.v4("GET", "/skus?page=1&page_size=1");
    await fault({ type: "duplicate_page", count: 1 });
    const p2 = await c.v4("GET", "/skus?page=2&page_size=1");
    expect(p2.body.data).toEqual(p1.body.data);
    const p2again = await c.v4("GET", "/skus?page=2&page_size=1");
    expect(p2again.body.data).not.toEqual(p1.body.data);
  });

  it("counts injected faults and lists/deletes rules", async () => {
    const r = await fault({ type: "latency", latency_ms: 1, count: null });
    await c.v4("GET", "/traits");
    const counters = await c.admin("GET", "/counters");
    expect(counters.body.faults_injected.latency).toBeGreaterThan(0);
    expect((await c.admin("DELETE", `/faults/${r.id}`)).status).toBe(200);
    expect((await c.admin("GET", "/faults")).body.items).toEqual([]);
    expect((await c.admin("POST", "/faults", { type: "earthquake" })).status).toBe(400);
  });
});
