import { startTestServer, TestServer } from "../harness/test-server";

describe("query depth and cost limits, and error hygiene", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ maxQueryDepth: 3, maxQueryCost: 2000 });
  });
  afterAll(async () => s.stop());

  it("refuses a query nested deeper than the limit, before running it", async () => {
    await s.admin.ok(`{ customers { edges { node { name } } } }`);
    const err = await s.admin.fails(`{ customers { edges { node { addresses { city } } } } }`);
    expect(err.message).toMatch(/exceeds maximum operation depth/);
  });

  it("refuses a query whose estimated cost exceeds the limit", async () => {
    await s.admin.ok(`{ customers(first: 100) { edges { node { name } } } }`);
    const err = await s.admin.fails(`{ customers(first: 500) { edges { node { name email phone accountCode } } } }`);
    expect(err.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", maxCost: 2000 });
  });

  it("judges the cost with each request's variables, also for an operation it accepted before", async () => {
    const q = `query($n: Int) { customers(first: $n) { edges { node { name email phone accountCode } } } }`;
    for (let i = 0; i < 2; i++) {
      await s.admin.ok(q, { n: 10 });
      const err = await s.admin.fails(q, { n: 500 });
      expect(err.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", maxCost: 2000 });
    }
  });

  it("answers malformed input with a client error, never an internal one", async () => {
    const cases = [
      [`{ customers(first: 0) { totalCount } }`, "BAD_USER_INPUT"],
      [`{ customers(first: 1, after: "garbage!") { totalCount } }`, "BAD_USER_INPUT"],
      [`query($id: ID!) { customer(id: $id) { id } }`, "BAD_USER_INPUT", { id: "abc" }],
      [`{ customers(first: "ten") { totalCount } }`, "GRAPHQL_VALIDATION_FAILED"],
      [`{ customers { `, "GRAPHQL_PARSE_FAILED"],
      [`{ nope }`, "GRAPHQL_VALIDATION_FAILED"],
    ] as const;
    for (const [query, code, variables] of cases) {
      const err = await s.admin.fails(query, (variables ?? {}) as Record<string, unknown>);
      expect({ query, code: err.extensions?.code }).toEqual({ query, code });
    }
  });
});

describe("variables of the wrong type", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.stop());

  it("get BAD_USER_INPUT naming the field inside the variable, never an internal error", async () => {
    const err = await s.admin.fails(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { name: "X", addresses: [{ type: "DELIVERY", line1: "a", city: "b", countryCode: 44 }] },
    });
    expect(err.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "addresses[0].countryCode" });
    const missing = await s.admin.fails(`query($id: ID!) { customer(id: $id) { id } }`, {});
    expect(missing.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
  });
});
