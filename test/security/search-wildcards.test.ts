import { startTestServer, TestServer } from "../harness/test-server";

const CUSTOMERS = `query($q: String!) { customers(first: 50, filter: { search: $q }) { totalCount edges { node { name } } } }`;
const PRODUCTS = `query($q: String!) { products(first: 50, filter: { search: $q }) { totalCount edges { node { name } } } }`;

describe("search text is literal: % _ \\ and ! match only themselves (customers and products)", () => {
  let s: TestServer;
  const names = ["Plain Shop", "100% Cotton Co", "Under_Score Ltd", "Back\\Slash Inc", "Bang! Boutique"];
  beforeAll(async () => {
    s = await startTestServer();
    for (const [i, name] of names.entries()) {
      await s.admin.ok(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, { input: { name, accountCode: `AC${i}` } });
      await s.admin.ok(`mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`, {
        input: { styleNumber: `ST${i}`, colourCode: "BLK", colourName: "Black", name, sizes: [{ size: "M" }] },
      });
    }
  });
  afterAll(async () => s.stop());

  const cases: [string, string[]][] = [
    ["%", ["100% Cotton Co"]],
    ["_", ["Under_Score Ltd"]],
    ["\\", ["Back\\Slash Inc"]],
    ["!", ["Bang! Boutique"]],
    ["0%", ["100% Cotton Co"]],
    ["r_s", ["Under_Score Ltd"]],
    ["k\\s", ["Back\\Slash Inc"]],
    ["shop", ["Plain Shop"]],
    ["%%", []],
  ];
  it.each(cases)("customers: %j", async (q, expected) => {
    const { customers } = await s.admin.ok(CUSTOMERS, { q });
    expect(customers.edges.map((e: { node: { name: string } }) => e.node.name).sort()).toEqual(expected);
  });
  it.each(cases)("products: %j", async (q, expected) => {
    const { products } = await s.admin.ok(PRODUCTS, { q });
    expect(products.edges.map((e: { node: { name: string } }) => e.node.name).sort()).toEqual(expected);
  });
});
