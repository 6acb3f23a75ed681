import { TestServer } from "../harness/test-server";
import { startJobServer, wsClient } from "../jobs/helpers";
import { wsOnce } from "./ws-helpers";

async function post(s: TestServer, query: string, variables: Record<string, unknown>) {
  const res = await fetch(`${s.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${s.admin.token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

const UPDATE = `mutation($values: [ConnectorSettingInput!]!) { updateConnectorSettings(connector: "testconn", values: $values) { name } }`;

describe("every string input has a maximum length, checked before the database sees it", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startJobServer();
  });
  afterAll(async () => s.stop());

  it.each([
    ["customers search", `query($q: String!) { customers(filter: { search: $q }) { totalCount } }`, { q: "a".repeat(50_001) }, "filter.search", 200],
    ["products search", `query($q: String!) { products(filter: { search: $q }) { totalCount } }`, { q: "%_".repeat(25_000) }, "filter.search", 200],
    ["a lookup argument", `query($c: String!) { customerByAccountCode(accountCode: $c) { id } }`, { c: "A".repeat(5_000) }, "accountCode", 1000],
    [
      "a field of an input",
      `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
      { input: { name: "x".repeat(70_000) } },
      "name",
      1000,
    ],
    [
      "a string inside a list of inputs",
      `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
      { input: { name: "ok", addresses: [{ type: "DELIVERY", line1: "l".repeat(1_001), city: "c", countryCode: "GB" }] } },
      "addresses[0].line1",
      1000,
    ],
  ])("%s: 400 BAD_USER_INPUT with the field and the limit", async (_label, query, variables, field, max) => {
    const res = await post(s, query, variables);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field, maxLength: max });
  });

  it("a literal in the document is checked like a variable", async () => {
    const res = await post(s, `{ customers(filter: { search: "${"b".repeat(300)}" }) { totalCount } }`, {});
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.search" });
  });

  it("a 70,000-character connector setting is refused, and so are settings too large together", async () => {
    const one = await post(s, UPDATE, { values: [{ key: "apiUrl", value: `https://x.test/${"p".repeat(70_000)}` }] });
    expect(one.status).toBe(400);
    expect(one.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "values[0].value" });
    const many = await post(s, UPDATE, { values: [{ key: "badKeys", value: Array.from({ length: 10 }, (_, i) => `${i}`.padEnd(9_000, "k")) }] });
    expect(many.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "values" });
    // Still usable afterwards.
    expect((await post(s, UPDATE, { values: [{ key: "badKeys", value: ["k1"] }] })).body.errors).toBeUndefined();
  });

  it("the same limits apply over graphql-ws", async () => {
    const client = wsClient(s.url, s.admin.token);
    const res = await wsOnce(client, `query($q: String!) { customers(filter: { search: $q }) { totalCount } }`, { q: "a".repeat(50_001) });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.search" });
    await client.dispose();
  });

  it("strings within the limits still work (a 200-character search, a 10,000-character description)", async () => {
    expect((await post(s, `query($q: String!) { customers(filter: { search: $q }) { totalCount } }`, { q: "z".repeat(200) })).body.errors).toBeUndefined();
    const res = await post(s, `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`, {
      input: { styleNumber: "LONG1", colourCode: "BLK", colourName: "Black", name: "Long", description: "d".repeat(10_000), sizes: [{ size: "M" }] },
    });
    expect(res.body.errors).toBeUndefined();
  });
});
