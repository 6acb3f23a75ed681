import { startTestServer, TestServer } from "../harness/test-server";
import { createProduct } from "./catalogue-fixtures";

/** The products page reads only the columns a query selects: every field still reads the same as `product(id)`. */
describe("products page fields", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.stop());

  const FIELDS = "id styleNumber colourCode colourName name description category composition countryOfOrigin active createdAt updatedAt";

  it("gives every product field on the page as on the product itself, whichever fields are selected", async () => {
    const p = await createProduct(s.admin, { description: "Long coat", sizes: [{ size: "M" }] });
    const one = (await s.admin.ok(`query($id: ID!) { product(id: $id) { ${FIELDS} } }`, { id: p.id })).product;
    const page = (await s.admin.ok(`{ products(first: 500) { edges { node { ${FIELDS} } } } }`)).products.edges.map((e: any) => e.node);
    const onPage = page.find((n: any) => n.id === p.id);
    expect(onPage).toEqual(one);
    expect(one).toMatchObject({ description: "Long coat", active: true });
    expect(typeof one.createdAt).toBe("string");
    // A narrow selection, then fields through a fragment: each reads its own columns.
    const narrow = (await s.admin.ok(`{ products(first: 500) { edges { node { id name } } } }`)).products.edges.find((e: any) => e.node.id === p.id).node;
    expect(narrow).toEqual({ id: p.id, name: one.name });
    const viaFragment = (
      await s.admin.ok(`{ products(first: 500) { edges { node { ...F } } } } fragment F on Product { id description updatedAt active }`)
    ).products.edges.find((e: any) => e.node.id === p.id).node;
    expect(viaFragment).toEqual({ id: p.id, description: "Long coat", updatedAt: one.updatedAt, active: true });
  });

  it("pages by cursor and counts only when asked", async () => {
    await createProduct(s.admin, { styleNumber: "PG-2", sizes: [{ size: "M" }] });
    const q = `query($after: String) { products(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`;
    const first = (await s.admin.ok(q)).products;
    expect(first.edges[0].cursor).toBe(first.pageInfo.endCursor);
    const second = (await s.admin.ok(q, { after: first.pageInfo.endCursor })).products;
    expect(second.totalCount).toBe(first.totalCount);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(Number(second.edges[0].node.id)).toBeGreaterThan(Number(first.edges[0].node.id));
  });
});
