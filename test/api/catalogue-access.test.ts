import { GraphQLClient } from "../harness/graphql-client";
import { startTestServer, TestServer } from "../harness/test-server";
import { createProduct, createSeason } from "./catalogue-fixtures";
import { freshBarcode } from "../harness/fixtures";

/** Roles and brand isolation for every catalogue and season query and mutation. */
describe("catalogue access: roles and brand isolation", () => {
  let s: TestServer;
  let product: any;
  let aw: any;
  let ss: any;
  beforeAll(async () => {
    s = await startTestServer();
    aw = await createSeason(s.admin, "AUTUMN/WINTER 20", "2020-02-01");
    ss = await createSeason(s.admin, "SPRING/SUMMER 21", "2020-08-01");
    product = await createProduct(s.admin, { styleNumber: "ISO-1", colourCode: "BLK" });
    await s.admin.ok(`mutation($i: SetProductPriceInput!) { setProductPrice(input: $i) { id } }`, {
      i: { productId: product.id, seasonId: aw.id, currency: "EUR", wholesale: "49.50", retail: "120" },
    });
    await s.admin.ok(`mutation($i: SetProductionDocketLineInput!) { setProductionDocketLine(input: $i) { id } }`, {
      i: { productId: product.id, seasonId: aw.id, lineStartDate: "2020-06-15", quantity: 100 },
    });
    await s.admin.ok(`mutation($l: [SetStockLevelInput!]!) { setStockLevels(inputs: $l) { id } }`, {
      l: [{ variantId: product.variants[0].id, seasonId: aw.id, availableToSell: 5, projected: 10 }],
    });
  });
  afterAll(async () => s.stop());

  /** Brand A's whole catalogue as its admin sees it. */
  const snapshot = async () =>
    JSON.stringify(
      await s.admin.ok(`{
    seasons { id name code startDate active }
    products(first: 20) { totalCount edges { node { id styleNumber colourCode colourName name active countryOfOrigin sizes
      seasons { season { id } prices { currency wholesale retail } } productionDocket { lineStartDate quantity season { id } }
      variants { id size position barcode active stock { availableToSell projected availableFrom season { id } } } } } } }`),
    );

  const v = () => product.variants[0];
  const mutations: [string, string, () => Record<string, unknown>][] = [
    ["createSeason", `mutation { createSeason(input: { name: "NEW", startDate: "2021-01-01" }) { id } }`, () => ({})],
    ["updateSeason", `mutation($i: UpdateSeasonInput!) { updateSeason(input: $i) { id } }`, () => ({ i: { id: aw.id, name: "HACKED" } })],
    ["deactivateSeason", `mutation($id: ID!) { deactivateSeason(id: $id) { id } }`, () => ({ id: aw.id })],
    ["createProduct", `mutation { createProduct(input: { styleNumber: "N1", colourCode: "C", colourName: "C", name: "N" }) { id } }`, () => ({})],
    ["updateProduct", `mutation($i: UpdateProductInput!) { updateProduct(input: $i) { id } }`, () => ({ i: { id: product.id, name: "Hacked" } })],
    ["deactivateProduct", `mutation($id: ID!) { deactivateProduct(id: $id) { id } }`, () => ({ id: product.id })],
    ["addVariant", `mutation($id: ID!) { addVariant(productId: $id, size: "XXL") { id } }`, () => ({ id: product.id })],
    ["updateVariant", `mutation($i: UpdateVariantInput!) { updateVariant(input: $i) { id } }`, () => ({ i: { id: v().id, size: "Z", barcode: null } })],
    ["deactivateVariant", `mutation($id: ID!) { deactivateVariant(id: $id) { id } }`, () => ({ id: v().id })],
    [
      "setProductPrice",
      `mutation($i: SetProductPriceInput!) { setProductPrice(input: $i) { id } }`,
      () => ({ i: { productId: product.id, seasonId: aw.id, currency: "EUR", wholesale: "0.01" } }),
    ],
    [
      "removeProductPrice",
      `mutation($p: ID!, $s: ID!) { removeProductPrice(productId: $p, seasonId: $s, currency: "EUR") }`,
      () => ({ p: product.id, s: aw.id }),
    ],
    [
      "setProductSeasonVisibility (hide)",
      `mutation($p: ID!, $s: ID!) { setProductSeasonVisibility(productId: $p, seasonId: $s, visible: false) }`,
      () => ({ p: product.id, s: aw.id }),
    ],
    [
      "setProductSeasonVisibility (show)",
      `mutation($p: ID!, $s: ID!) { setProductSeasonVisibility(productId: $p, seasonId: $s, visible: true) }`,
      () => ({ p: product.id, s: ss.id }),
    ],
    [
      "setStockLevel",
      `mutation($i: SetStockLevelInput!) { setStockLevel(input: $i) { id } }`,
      () => ({ i: { variantId: v().id, seasonId: aw.id, availableToSell: 1000, projected: 0 } }),
    ],
    [
      "setStockLevels",
      `mutation($l: [SetStockLevelInput!]!) { setStockLevels(inputs: $l) { id } }`,
      () => ({ l: [{ variantId: v().id, seasonId: ss.id, availableToSell: 1000, projected: 0 }] }),
    ],
    [
      "setProductionDocketLine",
      `mutation($i: SetProductionDocketLineInput!) { setProductionDocketLine(input: $i) { id } }`,
      () => ({ i: { productId: product.id, seasonId: aw.id, lineStartDate: "2021-01-01" } }),
    ],
  ];
  const queries: [string, string, () => Record<string, unknown>][] = [
    ["seasons", `{ seasons { id } }`, () => ({})],
    ["season", `query($id: ID!) { season(id: $id) { id } }`, () => ({ id: aw.id })],
    ["products", `{ products { totalCount } }`, () => ({})],
    ["product", `query($id: ID!) { product(id: $id) { id } }`, () => ({ id: product.id })],
    ["variant", `query($id: ID!) { variant(id: $id) { id } }`, () => ({ id: v().id })],
    ["variantByBarcode", `query($b: String!) { variantByBarcode(barcode: $b) { id } }`, () => ({ b: v().barcode })],
  ];

  const codes = async (client: GraphQLClient, ops: typeof mutations) => {
    const out: Record<string, string | undefined> = {};
    for (const [name, query, vars] of ops) out[name] = (await client.fails(query, vars())).extensions?.code;
    return out;
  };
  const all = (ops: typeof mutations, code: string) => Object.fromEntries(ops.map(([name]) => [name, code]));

  it("anonymous requests are UNAUTHENTICATED for every query and mutation", async () => {
    const before = await snapshot();
    expect(await codes(s.anonymous, [...queries, ...mutations])).toEqual(all([...queries, ...mutations], "UNAUTHENTICATED"));
    expect(await snapshot()).toBe(before);
  });

  it("a VIEWER reads the catalogue but every mutation is FORBIDDEN and changes nothing", async () => {
    const viewer = await s.clientFor("VIEWER");
    const before = await snapshot();
    for (const [name, query, vars] of queries) expect({ name, errors: (await viewer.request(query, vars())).errors }).toEqual({ name, errors: undefined });
    expect((await viewer.ok(`query($id: ID!) { product(id: $id) { prices { wholesale } } }`, { id: product.id })).product.prices).toEqual([
      { wholesale: "49.50" },
    ]);
    expect(await codes(viewer, mutations)).toEqual(all(mutations, "FORBIDDEN"));
    expect(await snapshot()).toBe(before);
  });

  it("an EDITOR can change the catalogue", async () => {
    const editor = await s.clientFor("EDITOR");
    const season = await createSeason(editor, "EDITOR SEASON", "2019-01-01");
    const p = await createProduct(editor, { sizes: [{ size: "S", barcode: freshBarcode() }] });
    await editor.ok(`mutation($i: SetProductPriceInput!) { setProductPrice(input: $i) { id } }`, {
      i: { productId: p.id, seasonId: season.id, currency: "GBP", wholesale: "10" },
    });
    await editor.ok(`mutation($i: SetStockLevelInput!) { setStockLevel(input: $i) { id } }`, {
      i: { variantId: p.variants[0].id, seasonId: season.id, availableToSell: 3 },
    });
    await editor.ok(`mutation($id: ID!) { deactivateProduct(id: $id) { id } }`, { id: p.id });
  });

  describe("another brand's admin", () => {
    let other: GraphQLClient;
    beforeAll(async () => {
      other = await s.otherBrand();
    });

    it("sees empty lists: no seasons, no products (also when filtering on brand A's season), no barcode match", async () => {
      const lists = await other.ok(
        `query($s: ID!) { seasons { id } products { totalCount edges { node { id } } }
        inSeason: products(filter: { seasonId: $s }) { totalCount } }`,
        { s: aw.id },
      );
      expect(lists).toEqual({ seasons: [], products: { totalCount: 0, edges: [] }, inSeason: { totalCount: 0 } });
      expect((await other.ok(`query($b: String!) { variantByBarcode(barcode: $b) { id } }`, { b: v().barcode })).variantByBarcode).toBeNull();
    });

    it("gets NOT_FOUND for brand A's season, product and variant", async () => {
      expect(
        await codes(
          other,
          queries.filter(([n]) => ["season", "product", "variant"].includes(n)),
        ),
      ).toEqual({ season: "NOT_FOUND", product: "NOT_FOUND", variant: "NOT_FOUND" });
    });

    it("cannot change brand A's seasons, products, variants, prices, visibility, stock or dockets", async () => {
      const before = await snapshot();
      const targeted = mutations.filter(([n]) => n !== "createSeason" && n !== "createProduct");
      const expected = { ...all(targeted, "NOT_FOUND"), setStockLevel: "BAD_USER_INPUT", setStockLevels: "BAD_USER_INPUT" };
      expect(await codes(other, targeted)).toEqual(expected);
      expect(await snapshot()).toBe(before);
    });

    it("cannot mix its own season or product with brand A's", async () => {
      const mySeason = await createSeason(other, "OTHER SEASON", "2020-01-01");
      const myProduct = await createProduct(other, { sizes: [{ size: "S", barcode: freshBarcode() }] });
      const before = await snapshot();
      const price = `mutation($i: SetProductPriceInput!) { setProductPrice(input: $i) { id } }`;
      expect((await other.fails(price, { i: { productId: product.id, seasonId: mySeason.id, currency: "EUR", wholesale: "1" } })).extensions).toMatchObject({
        code: "NOT_FOUND",
        field: "productId",
      });
      expect((await other.fails(price, { i: { productId: myProduct.id, seasonId: aw.id, currency: "EUR", wholesale: "1" } })).extensions).toMatchObject({
        code: "NOT_FOUND",
        field: "seasonId",
      });
      const stock = `mutation($i: SetStockLevelInput!) { setStockLevel(input: $i) { id } }`;
      expect((await other.fails(stock, { i: { variantId: myProduct.variants[0].id, seasonId: aw.id, availableToSell: 1 } })).extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "seasonId",
      });
      expect((await other.fails(stock, { i: { variantId: v().id, seasonId: mySeason.id, availableToSell: 1 } })).extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "variantId",
      });
      const docket = `mutation($i: SetProductionDocketLineInput!) { setProductionDocketLine(input: $i) { id } }`;
      expect((await other.fails(docket, { i: { productId: myProduct.id, seasonId: aw.id, lineStartDate: "2020-01-01" } })).extensions).toMatchObject({
        code: "NOT_FOUND",
        field: "seasonId",
      });
      expect(await snapshot()).toBe(before);
      expect((await other.ok(`query($id: ID!) { product(id: $id) { seasons { season { id } } prices { id } } }`, { id: myProduct.id })).product).toEqual({
        seasons: [],
        prices: [],
      });
    });

    it("may reuse brand A's barcodes, style and colour and season names; each brand finds its own", async () => {
      const barcode = v().barcode;
      const mine = await createProduct(other, { styleNumber: "ISO-1", colourCode: "BLK", sizes: [{ size: "S", barcode }] });
      await createSeason(other, "AUTUMN/WINTER 20", "2020-02-01");
      const lookup = `query($b: String!) { variantByBarcode(barcode: $b) { id product { id } } }`;
      expect((await other.ok(lookup, { b: barcode })).variantByBarcode).toEqual({ id: mine.variants[0].id, product: { id: mine.id } });
      expect((await s.admin.ok(lookup, { b: barcode })).variantByBarcode).toEqual({ id: v().id, product: { id: product.id } });
      expect((await s.admin.ok(`{ seasons { name } }`)).seasons.filter((x: any) => x.name === "AUTUMN/WINTER 20")).toHaveLength(1);
    });
  });
});
