import { GraphQLClient } from "../harness/graphql-client";
import { startTestServer, TestServer } from "../harness/test-server";

describe("brands, users and tokens", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.stop());

  it("viewer and brand describe the caller", async () => {
    const data = await s.admin.ok(`{ viewer { name email role active } brand { name slug modules } }`);
    expect(data.viewer).toEqual({ name: "Administrator", email: "admin@demo.local", role: "ADMIN", active: true });
    expect(data.brand).toMatchObject({ slug: "demo", modules: ["inventory"] });
  });

  it("an admin creates a user and a token that works, shown once", async () => {
    const { createUser } = await s.admin.ok(`mutation { createUser(input: { name: "Ed", email: "Ed@Brand.Example", role: EDITOR }) { id email role } }`);
    expect(createUser).toMatchObject({ email: "ed@brand.example", role: "EDITOR" });
    const { createApiToken } = await s.admin.ok(
      `mutation($u: ID!) { createApiToken(userId: $u, name: "ci") { token apiToken { id name prefix revokedAt } } }`,
      { u: createUser.id },
    );
    expect(createApiToken.token.startsWith(createApiToken.apiToken.prefix)).toBe(true);
    const ed = new GraphQLClient(s.url, createApiToken.token);
    expect((await ed.ok(`{ viewer { email } }`)).viewer.email).toBe("ed@brand.example");
    const listed = await s.admin.ok(`{ apiTokens { id name } }`);
    expect(JSON.stringify(listed)).not.toContain(createApiToken.token);
  });

  it("updates a user's role, and the new role applies at once", async () => {
    const viewer = await s.clientFor("VIEWER");
    const { viewer: me } = await viewer.ok(`{ viewer { id } }`);
    expect((await viewer.fails(`mutation { createCustomer(input: { name: "No" }) { id } }`)).extensions?.code).toBe("FORBIDDEN");
    await s.admin.ok(`mutation($id: ID!) { updateUser(input: { id: $id, role: EDITOR }) { role } }`, { id: me.id });
    await viewer.ok(`mutation { createCustomer(input: { name: "Yes" }) { id } }`);
  });

  it("setBrandModules enables known modules only", async () => {
    const { setBrandModules } = await s.admin.ok(`mutation { setBrandModules(modules: ["joor", "inventory"]) { modules } }`);
    expect(setBrandModules.modules).toEqual(["inventory", "joor"]);
    const err = await s.admin.fails(`mutation { setBrandModules(modules: ["teleport"]) { modules } }`);
    expect(err.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "modules" });
    expect((await s.admin.ok(`{ brand { modules } }`)).brand.modules).toEqual(["inventory", "joor"]);
  });

  it("bad user input is refused and nothing is created", async () => {
    const before = (await s.admin.ok(`{ users { id } }`)).users.length;
    const dup = await s.admin.fails(`mutation { createUser(input: { name: "Dup", email: "admin@demo.local", role: VIEWER }) { id } }`);
    expect(dup.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "email" });
    const bad = await s.admin.fails(`mutation { createUser(input: { name: "Bad", email: "nope", role: VIEWER }) { id } }`);
    expect(bad.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "email" });
    expect((await s.admin.ok(`{ users { id } }`)).users.length).toBe(before);
  });

  it("a token already registered (in any brand) is refused with BAD_USER_INPUT and nothing is stored", async () => {
    const identity = s.app.services.identity;
    const secret = "a-fixed-token-registered-once-0001";
    const mine = identity.scopeFor(s.brandId);
    const [me] = await identity.listUsers(mine);
    await identity.createToken(mine, me.id, "first", secret);
    const otherId = (await identity.createBrand("Token Other", "token-other")).id;
    const theirs = identity.scopeFor(otherId);
    const them = await identity.createUser(theirs, { name: "T", email: "t@token-other.test", role: "ADMIN" });
    const before = (await identity.listTokens(theirs)).length;
    await expect(identity.createToken(theirs, them.id, "copy", secret)).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "token" } });
    expect(await identity.listTokens(theirs)).toHaveLength(before);
  });

  it("another brand's admin sees none of this brand's users or tokens and cannot change them", async () => {
    const other = await s.otherBrand();
    const mine = await s.admin.ok(`{ users { id } apiTokens { id } }`);
    const theirs = await other.ok(`{ users { id } apiTokens { id } }`);
    const myUserIds = mine.users.map((u: { id: string }) => u.id);
    expect(theirs.users.map((u: { id: string }) => u.id).filter((id: string) => myUserIds.includes(id))).toEqual([]);
    const err = await other.fails(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: myUserIds[0] });
    expect(err.extensions?.code).toBe("NOT_FOUND");
    const tokenErr = await other.fails(`mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, { id: mine.apiTokens[0].id });
    expect(tokenErr.extensions?.code).toBe("NOT_FOUND");
    const createErr = await other.fails(`mutation($u: ID!) { createApiToken(userId: $u, name: "steal") { token } }`, { u: myUserIds[0] });
    expect(createErr.extensions?.code).toBe("NOT_FOUND");
    await s.admin.ok(`{ viewer { id } }`);
  });

  it("brand isolation for customers: no read, list, lookup or change across brands", async () => {
    const { createCustomer: c } = await s.admin.ok(
      `mutation { createCustomer(input: { name: "Secret", accountCode: "SEC1", addresses: [{ type: DELIVERY, line1: "x", city: "y", countryCode: "FR" }] }) { id addresses { id } } }`,
    );
    const other = await s.otherBrand();
    expect((await other.fails(`query($id: ID!) { customer(id: $id) { id } }`, { id: c.id })).extensions?.code).toBe("NOT_FOUND");
    expect((await other.ok(`{ customerByAccountCode(accountCode: "SEC1") { id } }`)).customerByAccountCode).toBeNull();
    expect((await other.ok(`{ customers { totalCount } }`)).customers.totalCount).toBe(0);
    for (const [q, v] of [
      [`mutation($id: ID!) { updateCustomer(input: { id: $id, name: "Hacked" }) { id } }`, { id: c.id }],
      [`mutation($id: ID!) { deactivateCustomer(id: $id) { id } }`, { id: c.id }],
      [`mutation($id: ID!) { addCustomerAddress(customerId: $id, address: { type: STORE, line1: "a", city: "b", countryCode: "GB" }) { id } }`, { id: c.id }],
      [
        `mutation($id: ID!) { updateCustomerAddress(id: $id, address: { type: STORE, line1: "a", city: "b", countryCode: "GB" }) { id } }`,
        { id: c.addresses[0].id },
      ],
      [`mutation($id: ID!) { removeCustomerAddress(id: $id) }`, { id: c.addresses[0].id }],
    ] as const) {
      expect((await other.fails(q, v)).extensions?.code).toBe("NOT_FOUND");
    }
    const after = await s.admin.ok(`query($id: ID!) { customer(id: $id) { name status addresses { type } } }`, { id: c.id });
    expect(after.customer).toEqual({ name: "Secret", status: "ACTIVE", addresses: [{ type: "DELIVERY" }] });
  });
});
