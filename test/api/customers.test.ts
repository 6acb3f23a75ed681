import { startTestServer, TestServer } from "../harness/test-server";

const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id name accountCode status currency addresses { type line1 countryCode isDefault } } }`;
const LIST = `query($first: Int, $after: String, $filter: CustomerFilter) {
  customers(first: $first, after: $after, filter: $filter) { totalCount edges { cursor node { id name accountCode status } } pageInfo { hasNextPage endCursor } } }`;

describe("customers API", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.stop());

  const address = (type: string, line1 = "1 High St") => ({ type, line1, city: "London", countryCode: "GB" });

  it("creates a customer with addresses and reads it back by id and by account code", async () => {
    const { createCustomer } = await s.admin.ok(CREATE, {
      input: { name: "Boutique One", accountCode: "B001", currency: "GBP", addresses: [address("DELIVERY"), address("ACCOUNTS"), address("STORE")] },
    });
    expect(createCustomer).toMatchObject({ name: "Boutique One", accountCode: "B001", status: "ACTIVE", currency: "GBP" });
    expect(createCustomer.addresses.map((a: any) => a.type)).toEqual(["DELIVERY", "ACCOUNTS", "STORE"]);
    const byId = await s.admin.ok(`query($id: ID!) { customer(id: $id) { name } }`, { id: createCustomer.id });
    expect(byId.customer.name).toBe("Boutique One");
    const byCode = await s.admin.ok(`{ customerByAccountCode(accountCode: "B001") { id } }`);
    expect(byCode.customerByAccountCode.id).toBe(createCustomer.id);
  });

  it("pages through customers with cursors and filters by status", async () => {
    for (let i = 0; i < 5; i++) await s.admin.ok(CREATE, { input: { name: `Paged ${i}`, status: i % 2 ? "INACTIVE" : "ACTIVE" } });
    const first = await s.admin.ok(LIST, { first: 2, filter: { search: "paged" } });
    expect(first.customers.totalCount).toBe(5);
    expect(first.customers.edges).toHaveLength(2);
    expect(first.customers.pageInfo.hasNextPage).toBe(true);
    const second = await s.admin.ok(LIST, { first: 10, after: first.customers.pageInfo.endCursor, filter: { search: "paged" } });
    expect(second.customers.edges.map((e: any) => e.node.name)).toEqual(["Paged 2", "Paged 3", "Paged 4"]);
    expect(second.customers.pageInfo.hasNextPage).toBe(false);
    const inactive = await s.admin.ok(LIST, { filter: { search: "paged", status: "INACTIVE" } });
    expect(inactive.customers.edges.map((e: any) => e.node.name)).toEqual(["Paged 1", "Paged 3"]);
  });

  it("updates, deactivates and manages addresses; one default per address type", async () => {
    const { createCustomer: c } = await s.admin.ok(CREATE, { input: { name: "Editable", accountCode: "E1" } });
    const upd = await s.admin.ok(`mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { name email } }`, {
      input: { id: c.id, name: "Edited", email: "buyer@shop.example" },
    });
    expect(upd.updateCustomer).toEqual({ name: "Edited", email: "buyer@shop.example" });
    const add = `mutation($id: ID!, $a: AddressInput!) { addCustomerAddress(customerId: $id, address: $a) { id isDefault } }`;
    const a1 = await s.admin.ok(add, { id: c.id, a: { ...address("DELIVERY"), isDefault: true } });
    await s.admin.ok(add, { id: c.id, a: { ...address("DELIVERY", "2 Low St"), isDefault: true } });
    const read = await s.admin.ok(`query($id: ID!) { customer(id: $id) { addresses { line1 isDefault } } }`, { id: c.id });
    expect(read.customer.addresses).toEqual([
      { line1: "1 High St", isDefault: false },
      { line1: "2 Low St", isDefault: true },
    ]);
    await s.admin.ok(`mutation($id: ID!) { removeCustomerAddress(id: $id) }`, { id: a1.addCustomerAddress.id });
    const deact = await s.admin.ok(`mutation($id: ID!) { deactivateCustomer(id: $id) { status } }`, { id: c.id });
    expect(deact.deactivateCustomer.status).toBe("INACTIVE");
  });

  describe("bad input gets a clear error and changes nothing", () => {
    const countCustomers = async () => (await s.admin.ok(`{ customers { totalCount } }`)).customers.totalCount;

    it.each([
      ["duplicate account code", { name: "Dup", accountCode: "DUP1" }, "accountCode"],
      ["unknown currency", { name: "Cur", currency: "XYZ" }, "currency"],
      ["invalid country", { name: "Ctry", addresses: [{ type: "DELIVERY", line1: "x", city: "y", countryCode: "QQ" }] }, "addresses[0].countryCode"],
      ["empty name", { name: "  " }, "name"],
      ["invalid email", { name: "Mail", email: "not-an-email" }, "email"],
    ])("%s", async (_label, input, field) => {
      await s.admin.request(CREATE, { input: { name: "Original", accountCode: "DUP1" } });
      const before = await countCustomers();
      const err = await s.admin.fails(CREATE, { input });
      expect(err.extensions?.code).toBe("BAD_USER_INPUT");
      expect(err.extensions?.field).toBe(field);
      expect(await countCustomers()).toBe(before);
    });

    it("rolls back the customer when an address in the same request is invalid", async () => {
      const before = await countCustomers();
      const err = await s.admin.fails(CREATE, {
        input: { name: "Half", addresses: [address("DELIVERY"), { type: "STORE", line1: "", city: "X", countryCode: "GB" }] },
      });
      expect(err.extensions?.field).toBe("addresses[1].line1");
      expect(await countCustomers()).toBe(before);
    });
  });
});
