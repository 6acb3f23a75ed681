import { startTestServer, TestServer } from "../harness/test-server";

async function post(s: TestServer, query: string, token: string | null) {
  const res = await fetch(`${s.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  return { status: res.status, body };
}

const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: viewer { name }`).join(" ")} }`;

describe("callers are authenticated before execution; document size and aliases are capped for everyone", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.stop());

  it("refuses an anonymous 9,900-alias document at once with 401 UNAUTHENTICATED, and /health stays responsive", async () => {
    const pending = post(s, aliases(9900), null);
    const health = await fetch(`${s.url}/health`);
    expect(health.status).toBe(200);
    const res = await pending;
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.body.data).toBeUndefined();
  });

  it("refuses an anonymous request with a bad token the same way", async () => {
    const res = await post(s, `{ viewer { name } }`, "not-a-real-token-at-all");
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses too many aliases from an authenticated caller with 400 QUERY_TOO_COMPLEX, before validation", async () => {
    const res = await post(s, aliases(3000), s.admin.token);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", maxQueryAliases: s.app.config.maxQueryAliases });
    const fine = await post(s, aliases(s.app.config.maxQueryAliases), s.admin.token);
    expect(fine.status).toBe(200);
  });

  it("counts aliases inside fragments each time the fragment is spread", async () => {
    const fragment = `fragment F on User { ${Array.from({ length: 20 }, (_, i) => `n${i}: name`).join(" ")} }`;
    const query = `{ ${Array.from({ length: 20 }, (_, i) => `v${i}: viewer { ...F }`).join(" ")} } ${fragment}`;
    const res = await post(s, query, s.admin.token);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
  });

  it("refuses a document over the size limit with 413 QUERY_TOO_LARGE (anonymous callers are refused before it is read)", async () => {
    const big = `{ viewer { name } } # ${"x".repeat(s.app.config.maxQueryBytes)}`;
    const res = await post(s, big, s.admin.token);
    expect(res.status).toBe(413);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_LARGE");
    expect((await post(s, big, null)).status).toBe(401);
  });

  it("refuses a document with more tokens than the parser limit as a parse failure", async () => {
    const many = `{ viewer { ${"id ".repeat(s.app.config.maxQueryTokens)} } }`;
    const res = await post(s, many, s.admin.token);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
  });
});
