import { loadConfig } from "../../src/config/config";
import { GraphQLClient } from "../harness/graphql-client";
import { startTestServer, TestServer } from "../harness/test-server";
import { wsClient } from "../jobs/helpers";
import { wsOnce } from "./ws-helpers";

const INTROSPECT = `{ __schema { queryType { name } } }`;

describe("production defaults", () => {
  it("introspection is off by default in production and on elsewhere; SELVEDGE_INTROSPECTION decides when set", () => {
    expect(loadConfig({ NODE_ENV: "production", SELVEDGE_SECRET_KEY: "k".repeat(32) }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", SELVEDGE_INTROSPECTION: "on" }).introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: "development" }).introspection).toBe(true);
    expect(loadConfig({ SELVEDGE_INTROSPECTION: "off" }).introspection).toBe(false);
    expect(loadConfig({}).corsOrigins).toEqual([]);
  });

  describe("with introspection off and no CORS origins", () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await startTestServer({ introspection: false });
    });
    afterAll(async () => s.stop());

    it("refuses introspection over HTTP and graphql-ws, still answers __typename", async () => {
      expect((await s.admin.fails(INTROSPECT)).extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect((await s.admin.fails(`{ __type(name: "Query") { name } }`)).extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect((await s.admin.ok(`{ __typename viewer { name } }`)).__typename).toBe("Query");
      const client = wsClient(s.url, s.admin.token);
      expect((await wsOnce(client, INTROSPECT)).errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      await client.dispose();
    });

    it("sends no CORS headers and no x-powered-by", async () => {
      const res = await fetch(`${s.url}/graphql`, {
        method: "POST",
        headers: { origin: "https://evil.example", "content-type": "application/json", authorization: `Bearer ${s.admin.token}` },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
      expect(res.headers.get("x-powered-by")).toBeNull();
      await res.arrayBuffer();
    });
  });

  describe("with CORS origins configured", () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await startTestServer({ corsOrigins: ["https://erp.example"] });
    });
    afterAll(async () => s.stop());

    it("answers the preflight of an allowed origin, and not of another", async () => {
      const preflight = (origin: string) =>
        fetch(`${s.url}/graphql`, {
          method: "OPTIONS",
          headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
        });
      const ok = await preflight("https://erp.example");
      expect(ok.status).toBe(204);
      expect(ok.headers.get("access-control-allow-origin")).toBe("https://erp.example");
      expect(ok.headers.get("access-control-allow-headers")).toMatch(/authorization/);
      const other = await preflight("https://evil.example");
      expect(other.headers.get("access-control-allow-origin")).toBeNull();
    });
  });

  describe("users' e-mail addresses", () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await startTestServer();
    });
    afterAll(async () => s.stop());

    it("VIEWERs and EDITORs see users without e-mail addresses (except their own); ADMINs see them", async () => {
      const viewer: GraphQLClient = await s.clientFor("VIEWER");
      const editor: GraphQLClient = await s.clientFor("EDITOR");
      const QUERY = `{ viewer { id email } users { id email } }`;
      for (const client of [viewer, editor]) {
        const { viewer: me, users } = await client.ok(QUERY);
        expect(me.email).toMatch(/@/);
        for (const u of users) expect(u.email).toBe(u.id === me.id ? me.email : null);
      }
      const { users } = await s.admin.ok(QUERY);
      expect(users.length).toBeGreaterThanOrEqual(3);
      for (const u of users) expect(u.email).toMatch(/@/);
    });
  });
});
