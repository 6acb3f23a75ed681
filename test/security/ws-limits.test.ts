import { startTestServer, TestServer } from "../harness/test-server";
import { wsClient } from "../jobs/helpers";
import { wsOnce } from "./ws-helpers";

/** customers { edges { node { addresses { city } } } } is 5 deep; the limit is 3 here, as over HTTP. */
const TOO_DEEP = `{ customers { edges { node { addresses { city } } } } }`;
const TOO_EXPENSIVE = `{ customers(first: 500) { edges { node { name email phone accountCode } } } }`;

describe("graphql-ws applies the same validation rules and limits as HTTP", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ maxQueryDepth: 3, maxQueryCost: 2000, maxQueryAliases: 5 });
  });
  afterAll(async () => s.stop());

  it("refuses a query deeper than the limit over the socket, as over HTTP", async () => {
    expect((await s.admin.fails(TOO_DEEP)).message).toMatch(/exceeds maximum operation depth/);
    const client = wsClient(s.url, s.admin.token);
    const res = await wsOnce(client, TOO_DEEP);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.message).toMatch(/exceeds maximum operation depth/);
    await client.dispose();
  });

  it("refuses a query over the cost limit over the socket (QUERY_TOO_COMPLEX)", async () => {
    expect((await s.admin.fails(TOO_EXPENSIVE)).extensions?.code).toBe("QUERY_TOO_COMPLEX");
    const client = wsClient(s.url, s.admin.token);
    const res = await wsOnce(client, TOO_EXPENSIVE);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", maxCost: 2000 });
    await client.dispose();
  });

  it("refuses too many aliases and bad variables over the socket, and still runs a good query", async () => {
    const client = wsClient(s.url, s.admin.token);
    const aliased = `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: viewer { name }`).join(" ")} }`;
    expect((await wsOnce(client, aliased)).errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    const bad = await wsOnce(client, `query($n: Int) { customers(first: $n) { totalCount } }`, { n: "ten" });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const good = await wsOnce(client, `{ viewer { name } customers(first: 5) { totalCount } }`);
    expect(good.errors).toBeUndefined();
    expect(good.data.customers.totalCount).toBe(0);
    await client.dispose();
  });

  it("applies the limits to mutations over the socket", async () => {
    const client = wsClient(s.url, s.admin.token);
    const aliased = `mutation { ${Array.from({ length: 6 }, (_, i) => `c${i}: createCustomer(input: { name: "C${i}" }) { id }`).join(" ")} }`;
    expect((await wsOnce(client, aliased)).errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect((await s.admin.ok(`{ customers { totalCount } }`)).customers.totalCount).toBe(0);
    await client.dispose();
  });
});
