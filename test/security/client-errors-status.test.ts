import { createHash } from "node:crypto";
import { startTestServer, TestServer } from "../harness/test-server";

/** Raw POST so the HTTP status can be checked, not only the body. */
async function post(s: TestServer, body: unknown, token: string | null = s.admin.token) {
  const res = await fetch(`${s.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

describe("variables that do not fit their types are the client's error (HTTP 400, BAD_USER_INPUT)", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.stop());

  const cases: [string, string, Record<string, unknown>][] = [
    ["a string for an Int", `query($n: Int) { customers(first: $n) { totalCount } }`, { n: "ten" }],
    ["null for a required input", `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, { input: null }],
    ["an unknown input field", `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, { input: { name: "X", nope: 1 } }],
    ["a bad enum value", `query($f: CustomerFilter) { customers(filter: $f) { totalCount } }`, { f: { status: "SOMETIMES" } }],
  ];
  it.each(cases)("%s", async (_name, query, variables) => {
    const res = await post(s, { query, variables });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.status).toBe(400);
  });
});

describe("Apollo's own client errors keep their codes", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.stop());

  it("a persisted-query hash that does not match the query is a client error, not INTERNAL_SERVER_ERROR", async () => {
    const query = `{ viewer { name } }`;
    const wrong = createHash("sha256").update("something else").digest("hex");
    const res = await post(s, { query, extensions: { persistedQuery: { version: 1, sha256Hash: wrong } } });
    expect(res.body.errors?.[0]?.extensions?.code).not.toBe("INTERNAL_SERVER_ERROR");
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_REQUEST");
    expect(res.status).toBe(400);
  });

  it("an unknown persisted-query hash without the query says PERSISTED_QUERY_NOT_FOUND", async () => {
    const res = await post(s, { extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("a correct persisted-query hash is accepted", async () => {
    const query = `{ viewer { name } }`;
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const res = await post(s, { query, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
  });
});
