import { gzipSync } from "node:zlib";
import type { JoorSandbox } from "../../plugins/joor/sandbox";
import { Client, http, start } from "./helpers";

describe("JOOR sandbox: client mistakes are 4xx, never 500", () => {
  let sb: JoorSandbox;
  let c: Client;
  beforeAll(async () => ({ sb, c } = await start()));
  afterAll(() => sb.close());

  const v4url = (path: string) => `${sb.urls.v4}${path}?account=${sb.accountId}`;
  const auth = () => ({ authorization: `Bearer ${c.token}` });

  it("answers an unsupported charset with 415", async () => {
    const r = await http(v4url("/products/bulk_create"), {
      method: "POST",
      raw: JSON.stringify([{ name: "x" }]),
      headers: { ...auth(), "content-type": "application/json; charset=koi8-r" },
    });
    expect(r.status).toBe(415);
    expect(r.body.errors[0].status).toBe("UNSUPPORTED_CHARSET");
  });

  it("answers an unsupported or broken Content-Encoding with 4xx, and inflates a real gzip body", async () => {
    const body = JSON.stringify([{ name: "Gzipped product" }]);
    const unsupported = await fetch(v4url("/products/bulk_create"), {
      method: "POST",
      body,
      headers: { ...auth(), "content-type": "application/json", "content-encoding": "compress" },
    });
    expect(unsupported.status).toBe(415);
    const broken = await fetch(v4url("/products/bulk_create"), {
      method: "POST",
      body,
      headers: { ...auth(), "content-type": "application/json", "content-encoding": "gzip" },
    });
    expect(broken.status).toBeGreaterThanOrEqual(400);
    expect(broken.status).toBeLessThan(500);
    const ok = await fetch(v4url("/products/bulk_create"), {
      method: "POST",
      body: gzipSync(body),
      headers: { ...auth(), "content-type": "application/json", "content-encoding": "gzip" },
    });
    expect(ok.status).toBe(200);
  });

  it("answers malformed percent-encoding in a path with 400 on v2, v4 and the admin API", async () => {
    const v2 = await c.v2("GET", "/connection/customer_code/%E0%A4%A");
    expect(v2.status).toBe(400);
    expect(v2.body.response).toMatchObject({ code: 400, error: "MALFORMED_URI" });
    const v4 = await http(`${sb.urls.v4}/orders/%ZZ/x?account=${sb.accountId}`, { headers: auth() });
    expect(v4.status).toBeLessThan(500);
    const admin = await c.admin("GET", "/orders/%E0%A4%A");
    expect(admin.status).toBe(400);
    const job = await c.v2("GET", "/bulk-connection/%");
    expect(job.status).toBe(400);
  });

  it("does not charge credits for OPTIONS (answered before authentication, with Allow)", async () => {
    await c.admin("PUT", "/rate-limit", { reset: true });
    const before = (await c.admin("GET", "/counters")).body.credits;
    const r = await fetch(v4url("/products"), { method: "OPTIONS" });
    expect(r.status).toBe(204);
    expect(r.headers.get("allow")).toContain("POST");
    expect((await fetch(`${sb.urls.v2}/order`, { method: "OPTIONS" })).status).toBe(204);
    const after = (await c.admin("GET", "/counters")).body.credits;
    expect(after).toEqual(before);
    expect(sb.rateLimiter.costOf("OPTIONS")).toBe(0);
  });
});
