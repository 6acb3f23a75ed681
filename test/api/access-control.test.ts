import { GraphQLSchema } from "graphql";
import { getMetadataStorage } from "type-graphql";
import { buildFullSchema } from "../../src/server/full-schema";
import { GraphQLClient } from "../harness/graphql-client";
import { operationFor } from "../harness/dummy-args";
import { startTestServer, TestServer } from "../harness/test-server";

type Role = "VIEWER" | "EDITOR" | "ADMIN";
const RANK: Record<Role, number> = { VIEWER: 0, EDITOR: 1, ADMIN: 2 };

/** The role each Query/Mutation field demands, read from the @Authorized metadata of the resolvers. */
function requiredRoles(): Map<string, Role | null> {
  const roles = new Map<string, Role | null>();
  const storage = getMetadataStorage() as unknown as {
    authorizedFields: { target: object; fieldName: string; roles: Role[] }[];
    queries: { target: object; methodName: string; schemaName: string }[];
    mutations: { target: object; methodName: string; schemaName: string }[];
  };
  for (const handler of [...storage.queries, ...storage.mutations]) {
    const auth = storage.authorizedFields.find((a) => a.target === handler.target && a.fieldName === handler.methodName);
    roles.set(handler.schemaName, auth ? (auth.roles[0] ?? "VIEWER") : null);
  }
  return roles;
}

describe("access control on every operation", () => {
  let s: TestServer;
  let schema: GraphQLSchema;
  let clients: Record<Role, GraphQLClient>;
  beforeAll(async () => {
    s = await startTestServer();
    schema = await buildFullSchema();
    clients = { VIEWER: await s.clientFor("VIEWER"), EDITOR: await s.clientFor("EDITOR"), ADMIN: s.admin };
  });
  afterAll(async () => s.stop());

  it("every query and mutation declares a role (none is public)", () => {
    const roles = requiredRoles();
    const fields = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())];
    const unguarded = fields.filter((f) => !roles.get(f));
    expect(unguarded).toEqual([]);
  });

  it("anonymous callers get UNAUTHENTICATED from every query and mutation", async () => {
    for (const [kind, type] of [
      ["query", schema.getQueryType()!],
      ["mutation", schema.getMutationType()!],
    ] as const) {
      for (const field of Object.values(type.getFields())) {
        const { query, variables } = operationFor(kind, field);
        const err = await s.anonymous.fails(query, variables);
        expect({ field: field.name, code: err.extensions?.code }).toEqual({ field: field.name, code: "UNAUTHENTICATED" });
      }
    }
  });

  it("a bad or revoked token is UNAUTHENTICATED", async () => {
    const bogus = new GraphQLClient(s.url, "slv_not-a-real-token-at-all");
    expect((await bogus.fails(`{ viewer { id } }`)).extensions?.code).toBe("UNAUTHENTICATED");
    const viewer = await s.clientFor("VIEWER");
    const { apiTokens } = await s.admin.ok(`{ apiTokens { id prefix } }`);
    const mine = apiTokens.find((t: { prefix: string }) => viewer.token!.startsWith(t.prefix));
    await s.admin.ok(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, { id: mine.id });
    expect((await viewer.fails(`{ viewer { id } }`)).extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("a deactivated user's token stops working", async () => {
    const editor = await s.clientFor("EDITOR");
    const { viewer } = await editor.ok(`{ viewer { id } }`);
    await s.admin.ok(`mutation($id: ID!) { deactivateUser(id: $id) { active } }`, { id: viewer.id });
    expect((await editor.fails(`{ viewer { id } }`)).extensions?.code).toBe("UNAUTHENTICATED");
  });

  /** Sends every field of the kind as each role below the one it requires; answers the `field:role` pairs refused. */
  async function sweepRoles(kind: "query" | "mutation"): Promise<string[]> {
    const roles = requiredRoles();
    const type = kind === "query" ? schema.getQueryType()! : schema.getMutationType()!;
    const checked: string[] = [];
    for (const field of Object.values(type.getFields())) {
      const needed = roles.get(field.name)!;
      for (const role of ["VIEWER", "EDITOR"] as Role[]) {
        if (RANK[role] >= RANK[needed]) continue;
        const { query, variables } = operationFor(kind, field);
        const err = await clients[role].fails(query, variables);
        expect({ field: field.name, role, code: err.extensions?.code }).toEqual({ field: field.name, role, code: "FORBIDDEN" });
        checked.push(`${field.name}:${role}`);
      }
    }
    return checked;
  }

  it("every mutation refuses roles below the one it requires with FORBIDDEN", async () => {
    expect((await sweepRoles("mutation")).length).toBeGreaterThan(5);
  });

  it("every query refuses roles below the one it requires with FORBIDDEN (apiTokens is ADMIN only)", async () => {
    expect(await sweepRoles("query")).toEqual(expect.arrayContaining(["apiTokens:VIEWER", "apiTokens:EDITOR"]));
  });
});
