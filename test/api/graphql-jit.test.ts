import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { loadConfig } from "../../src/config/config";
import { startTestServer, TestServer } from "../harness/test-server";
import { createProduct, createSeason } from "./catalogue-fixtures";

const PAGE = `query($first: Int) { products(first: $first) { edges { node {
  id styleNumber sizes
  variants { barcode stock { availableToSell projected availableFrom season { name } } }
  prices { currency wholesale retail season { name } }
} } } }`;

/** One operation over graphql-ws (query or mutation), its single result. */
async function overWebSocket(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<{ data?: any; errors?: any[] }> {
  const client = createClient({
    url: url.replace(/^http/, "ws") + "/graphql",
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  try {
    return await new Promise((resolve, reject) => {
      let result: { data?: any; errors?: any[] } = {};
      client.subscribe({ query, variables }, { next: (r) => (result = r as never), error: reject, complete: () => resolve(result) });
    });
  } finally {
    await client.dispose();
  }
}

describe("graphql-jit (compiled execution) is the default on both transports, with an off switch", () => {
  it("is on unless SELVEDGE_GRAPHQL_JIT=off", () => {
    expect(loadConfig({}).graphqlJit).toBe(true);
    expect(loadConfig({ SELVEDGE_GRAPHQL_JIT: "on" }).graphqlJit).toBe(true);
    expect(loadConfig({ SELVEDGE_GRAPHQL_JIT: "off" }).graphqlJit).toBe(false);
  });

  describe.each([
    ["on", true],
    ["off", false],
  ])("SELVEDGE_GRAPHQL_JIT=%s", (_name, graphqlJit) => {
    let s: TestServer;
    beforeAll(async () => {
      s = await startTestServer({ role: "api", graphqlJit });
      const product = await createProduct(s.admin, { styleNumber: "JIT1" });
      const season = await createSeason(s.admin, "AUTUMN/WINTER 30", "2030-02-01");
      await s.admin.ok(`mutation($i: SetProductPriceInput!) { setProductPrice(input: $i) { id } }`, {
        i: { productId: product.id, seasonId: season.id, currency: "EUR", wholesale: "49.5", retail: "119" },
      });
      await s.admin.ok(`mutation($i: SetStockLevelInput!) { setStockLevel(input: $i) { id } }`, {
        i: { variantId: product.variants[0].id, seasonId: season.id, availableToSell: 7, projected: 3 },
      });
      await s.admin.ok(`mutation($i: SetProductionDocketLineInput!) { setProductionDocketLine(input: $i) { id } }`, {
        i: { productId: product.id, seasonId: season.id, lineStartDate: "2030-03-15", quantity: 10 },
      });
    });
    afterAll(async () => s.stop());

    it("a product page over graphql-ws answers exactly as over HTTP", async () => {
      const http = await s.admin.ok(PAGE, { first: 10 });
      const node = http.products.edges[0].node;
      expect(node).toMatchObject({
        styleNumber: "JIT1",
        sizes: ["S", "M", "L"],
        prices: [{ currency: "EUR", wholesale: "49.50", retail: "119.00", season: { name: "AUTUMN/WINTER 30" } }],
      });
      expect(node.variants[0].stock).toEqual([{ availableToSell: 7, projected: 3, availableFrom: "2030-03-15", season: { name: "AUTUMN/WINTER 30" } }]);
      const ws = await overWebSocket(s.url, s.admin.token!, PAGE, { first: 10 });
      expect(ws.errors).toBeUndefined();
      expect(ws.data).toEqual(http);
    });

    it("an HTTP response is the JSON of its result, field order and escaping included", async () => {
      const name = 'Quote " back\\ slash\nline \u2028 \u0007 é 😀 </script>';
      await createProduct(s.admin, { styleNumber: "JITJSON", name });
      const query = `{ products(first: 50) { edges { node { name id styleNumber sizes variants { barcode position } prices { wholesale currency } } } } }`;
      const post = (q: string) =>
        fetch(`${s.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${s.admin.token}` },
          body: JSON.stringify({ query: q }),
        });
      for (let i = 0; i < 2; i++) {
        const body = await (await post(query)).text();
        const parsed = JSON.parse(body);
        expect(body).toBe(JSON.stringify(parsed) + "\n");
        expect(Object.keys(parsed.data.products.edges[0].node)).toEqual(["name", "id", "styleNumber", "sizes", "variants", "prices"]);
        expect(parsed.data.products.edges.map((e: any) => e.node.name)).toContain(name);
      }
      // A result with errors (and a custom scalar) is written as before.
      const failed = JSON.parse(await (await post(`{ product(id: "999999") { id createdAt } }`)).text());
      expect(failed.errors[0].extensions.code).toBeDefined();
      const dated = await (await post(`{ products(first: 1) { edges { node { createdAt } } } }`)).text();
      expect(dated).toBe(JSON.stringify(JSON.parse(dated)) + "\n");
      expect(typeof JSON.parse(dated).data.products.edges[0].node.createdAt).toBe("string");
    });

    it("a mutation over graphql-ws runs and its input defaults apply", async () => {
      const ws = await overWebSocket(
        s.url,
        s.admin.token!,
        `mutation($input: CreateProductInput!) { createProduct(input: $input) { styleNumber active sizes } }`,
        {
          input: { styleNumber: "JITWS", colourCode: "RED", colourName: "Red", name: "Shirt", sizes: [{ size: "M" }] },
        },
      );
      expect(ws.errors).toBeUndefined();
      expect(ws.data.createProduct).toEqual({ styleNumber: "JITWS", active: true, sizes: ["M"] });
    });
  });
});
