import type { JoorSandbox } from "../../plugins/joor/sandbox";
import { DEFAULT_SEED } from "../../plugins/joor/sandbox";
import { Client, http, start } from "./helpers";

describe("JOOR sandbox: credit-based rate limit", () => {
  describe("with JOOR's defaults (300 credits / 300 s, GET 1, write 5)", () => {
    let sb: JoorSandbox;
    let c: Client;
    beforeAll(async () => ({ sb, c } = await start({ rateLimit: {} })));
    afterAll(() => sb.close());

    it("allows 60 writes, then answers 429 with Retry-After until the fixed window resets", async () => {
      for (let i = 0; i < 60; i++) {
        const r = await c.v4("POST", "/categories/bulk_create", [{ name: `cat ${i}` }]);
        expect(r.status).toBe(200);
        if (i === 0) {
          expect(r.headers.get("x-throttling-account-id")).toBe(sb.accountId);
          expect(r.headers.get("x-throttling-credits-remaining")).toBe("295");
        }
      }
      const over = await c.v4("GET", "/traits");
      expect(over.status).toBe(429);
      expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(290);
      expect(over.body.errors[0].status).toBe("TOO_MANY_REQUESTS");
      const v2 = await c.v2("GET", "/order?sync=0");
      expect(v2.status).toBe(429);
      expect(v2.body.response.code).toBe(429);
      const counters = await c.admin("GET", "/counters");
      expect(counters.body.accounts[sb.accountId]).toMatchObject({ writes: 60, write_credits: 300, rate_limited: 2 });
      expect(counters.body.credits).toMatchObject({ used: 300, remaining: 0 });
      expect(counters.body.by_route["POST /v4/categories/bulk_create"]).toBe(60);
      const log = (await c.admin("GET", "/requests?limit=4")).body.items;
      expect(log.map((e: any) => [e.route, e.status, e.credits, e.account])).toEqual([
        ["POST /v4/categories/bulk_create", 200, 5, sb.accountId],
        ["GET /v4/traits", 429, 0, sb.accountId],
        ["GET /v2/order", 429, 0, sb.accountId],
        ["GET /__admin/counters", 200, 0, null],
      ]);
      await c.admin("POST", "/clock/advance", { seconds: 300 });
      const after = await c.v4("GET", "/traits");
      expect(after.status).toBe(200);
      expect(after.headers.get("x-throttling-credits-remaining")).toBe("299");
    });
  });

  describe("configurable and switchable", () => {
    let sb: JoorSandbox;
    let c: Client;
    beforeAll(
      async () =>
        ({ sb, c } = await start({
          rateLimit: { enabled: true, budget: 10, windowSeconds: 60 },
          seed: {
            accounts: [
              ...DEFAULT_SEED.accounts,
              {
                ...DEFAULT_SEED.accounts[0],
                id: "200002",
                credentials: { ...DEFAULT_SEED.accounts[0].credentials, username: "other@sandbox.test", v2_token: "other-token" },
              },
            ],
          },
        })),
    );
    afterAll(() => sb.close());

    it("charges GET 1 and writes 5, and does not charge rejected requests", async () => {
      expect((await c.v4("POST", "/categories/bulk_create", [{ name: "a" }])).status).toBe(200);
      for (let i = 0; i < 4; i++) expect((await c.v4("GET", "/traits")).status).toBe(200);
      const write = await c.v4("POST", "/categories/bulk_create", [{ name: "b" }]);
      expect(write.status).toBe(429); // 9 used, a write needs 5
      expect((await c.v4("GET", "/traits")).status).toBe(200); // the 429 did not consume credits
      expect((await c.v4("GET", "/traits")).status).toBe(429);
    });

    it("keeps a separate budget per account", async () => {
      const form = new URLSearchParams({
        grant_type: "password",
        client_id: sb.credentials.client_id,
        client_secret: sb.credentials.client_secret,
        username: "other@sandbox.test",
        password: sb.credentials.password,
      });
      const t = (await (await fetch(sb.urls.auth, { method: "POST", body: form })).json()).access_token;
      const r = await http(`${sb.urls.v4}/traits?account=200002`, { headers: { authorization: `Bearer ${t}` } });
      expect(r.status).toBe(200);
      expect(r.headers.get("x-throttling-account-id")).toBe("200002");
    });

    it("is reconfigured and switched off at run time through the admin API", async () => {
      const cfg = await c.admin("PUT", "/rate-limit", { budget: 1000, windowSeconds: 300 });
      expect(cfg.body.config).toMatchObject({ enabled: true, budget: 1000, windowSeconds: 300 });
      expect((await c.v4("GET", "/traits")).status).toBe(200);
      await c.admin("PUT", "/rate-limit", { enabled: true, budget: 1, reset: true });
      expect((await c.v4("GET", "/traits")).status).toBe(200);
      expect((await c.v4("GET", "/traits")).status).toBe(429);
      await c.admin("PUT", "/rate-limit", { enabled: false });
      for (let i = 0; i < 20; i++) expect((await c.v4("POST", "/categories/bulk_create", [{ name: `off ${i}` }])).status).toBe(200);
      // Credits are still counted while the limit is off (for the P4 benchmark).
      expect((await c.admin("GET", "/counters")).body.accounts[sb.accountId].write_credits).toBeGreaterThanOrEqual(100);
    });
  });
});
