import { GraphQLClient } from "../harness/graphql-client";
import { startTestServer, TestServer } from "../harness/test-server";
import { Catalogue, CREATE_ORDER, createCustomer, orderRowCounts, ORDER_FIELDS, seedCatalogue } from "./orders-fixtures";

const ORDER = `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;

describe("orders API: roles, brand isolation and SQL statements per page", () => {
  let s: TestServer;
  let cat: Catalogue;
  let customerId: string;
  let orderId: string;
  beforeAll(async () => {
    s = await startTestServer({ role: "api" }); // API only: a worker's polling would add statements to the count
    cat = await seedCatalogue(s, s.brandId, "acc");
    customerId = await createCustomer(s.admin, "Access Shop");
    const { createOrder } = await s.admin.ok(CREATE_ORDER, {
      input: { customerId, seasonId: String(cat.season.id), lines: [{ variantId: String(cat.variants[0].id), quantity: 2 }] },
    });
    orderId = createOrder.id;
  });
  afterAll(async () => s.stop());

  /** Every order mutation, with arguments that would succeed for an EDITOR of brand A. */
  const mutations = (): [string, string, Record<string, unknown>][] => [
    ["createOrder", `mutation($input: CreateOrderInput!) { createOrder(input: $input) { id } }`, { input: { customerId } }],
    ["updateOrder", `mutation($input: UpdateOrderInput!) { updateOrder(input: $input) { id } }`, { input: { id: orderId, notes: "hacked" } }],
    ["replaceOrderLines", `mutation($id: ID!) { replaceOrderLines(orderId: $id, lines: []) { id } }`, { id: orderId }],
    ["approveOrder", `mutation($id: ID!) { approveOrder(id: $id) { id } }`, { id: orderId }],
    ["unapproveOrder", `mutation($id: ID!) { unapproveOrder(id: $id) { id } }`, { id: orderId }],
    ["lockOrder", `mutation($id: ID!) { lockOrder(id: $id) { id } }`, { id: orderId }],
    ["unlockOrder", `mutation($id: ID!) { unlockOrder(id: $id) { id } }`, { id: orderId }],
    ["closeOrder", `mutation($id: ID!) { closeOrder(id: $id) { id } }`, { id: orderId }],
  ];

  it("a VIEWER reads orders but every order mutation is FORBIDDEN and changes nothing", async () => {
    const viewer = await s.clientFor("VIEWER");
    expect((await viewer.ok(ORDER, { id: orderId })).order.id).toBe(orderId);
    expect((await viewer.ok(`{ orders { totalCount } }`)).orders.totalCount).toBe(1);
    const before = { rows: await orderRowCounts(s), order: (await s.admin.ok(ORDER, { id: orderId })).order };
    for (const [name, query, variables] of mutations()) {
      const err = await viewer.fails(query, variables);
      expect({ name, code: err.extensions?.code }).toEqual({ name, code: "FORBIDDEN" });
    }
    expect({ rows: await orderRowCounts(s), order: (await s.admin.ok(ORDER, { id: orderId })).order }).toEqual(before);
  });

  it("anonymous callers get UNAUTHENTICATED from every order query and mutation", async () => {
    const ops: [string, string, Record<string, unknown>][] = [
      ["orders", `{ orders { totalCount } }`, {}],
      ["order", `query($id: ID!) { order(id: $id) { id } }`, { id: orderId }],
      ...mutations(),
    ];
    for (const [name, query, variables] of ops) {
      const err = await s.anonymous.fails(query, variables);
      expect({ name, code: err.extensions?.code }).toEqual({ name, code: "UNAUTHENTICATED" });
    }
  });

  describe("another brand's admin", () => {
    let other: GraphQLClient;
    beforeAll(async () => {
      other = await s.otherBrand();
    });

    it("cannot list or read brand A's orders, even by filtering on A's ids", async () => {
      expect((await other.ok(`{ orders { totalCount edges { node { id } } } }`)).orders).toEqual({ totalCount: 0, edges: [] });
      const filtered = await other.ok(`query($c: ID!, $s: ID!) { orders(filter: { customerId: $c, seasonId: $s }) { totalCount } }`, {
        c: customerId,
        s: String(cat.season.id),
      });
      expect(filtered.orders.totalCount).toBe(0);
      expect((await other.fails(ORDER, { id: orderId })).extensions?.code).toBe("NOT_FOUND");
    });

    it("cannot change brand A's orders (NOT_FOUND) nor order for A's customer, and nothing changes", async () => {
      const before = { rows: await orderRowCounts(s), order: (await s.admin.ok(ORDER, { id: orderId })).order };
      for (const [name, query, variables] of mutations()) {
        const err = await other.fails(query, variables);
        const expected =
          name === "createOrder"
            ? { code: "BAD_USER_INPUT", field: "customerId" }
            : { code: "NOT_FOUND", field: name === "replaceOrderLines" ? "orderId" : "id" };
        expect({ name, code: err.extensions?.code, field: err.extensions?.field }).toEqual({ name, ...expected });
      }
      expect({ rows: await orderRowCounts(s), order: (await s.admin.ok(ORDER, { id: orderId })).order }).toEqual(before);
    });

    it("cannot use brand A's variants, season or users in its own orders", async () => {
      const theirCustomer = await createCustomer(other, "Their Shop");
      const cases: [Record<string, unknown>, string][] = [
        [{ lines: [{ variantId: String(cat.variants[0].id), quantity: 1, unitPrice: "1" }] }, "lines[0].variantId"],
        [{ lines: [{ barcode: cat.variants[0].barcode, quantity: 1, unitPrice: "1" }] }, "lines[0].barcode"],
        [{ seasonId: String(cat.season.id) }, "seasonId"],
        [{ ownerId: (await s.admin.ok(`{ viewer { id } }`)).viewer.id }, "ownerId"],
      ];
      for (const [extra, field] of cases) {
        const err = await other.fails(CREATE_ORDER, { input: { customerId: theirCustomer, ...extra } });
        expect({ field, code: err.extensions?.code }).toEqual({ field: err.extensions?.field, code: "BAD_USER_INPUT" });
      }
    });
  });

  it("a page of orders with lines, variants, customer, addresses, season and owner costs the same statements for 5 and 50 orders", async () => {
    const customers = [customerId];
    for (let i = 0; i < 4; i++) customers.push(await createCustomer(s.admin, `Bulk ${i}`));
    for (let i = 0; i < 55; i++) {
      await s.admin.ok(CREATE_ORDER, {
        input: {
          customerId: customers[i % customers.length],
          seasonId: String(cat.season.id),
          lines: cat.variants.map((v, j) => ({ variantId: String(v.id), quantity: 1 + ((i + j) % 4) })),
        },
      });
    }
    const PAGE = `query($first: Int) { orders(first: $first) { totalCount edges { node {
      ${ORDER_FIELDS} customer { id name addresses { id type line1 } } } } } }`;
    const statements = async (first: number) => {
      s.queryCounter.reset();
      const { orders } = await s.admin.ok(PAGE, { first });
      expect(orders.edges).toHaveLength(first);
      expect(orders.edges.every((e: any) => e.node.lines.length > 0 || e.node.id === orderId)).toBe(true);
      return s.queryCounter.count;
    };
    await statements(5); // warm-up (token lookup caches, prepared statements)
    const small = await statements(5);
    const large = await statements(50);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(10); // auth + page + count + lines, addresses, customers, their addresses, season, owner, variants
  });
});
