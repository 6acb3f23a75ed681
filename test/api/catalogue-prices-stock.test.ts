import { startTestServer, TestServer } from "../harness/test-server";
import { createProduct, createSeason } from "./catalogue-fixtures";

const SET_PRICE = `mutation($i: SetProductPriceInput!) { setProductPrice(input: $i) { currency wholesale retail season { name } } }`;
const SET_STOCK = `mutation($levels: [SetStockLevelInput!]!) { setStockLevels(levels: $levels) { availableToSell projected availableFrom season { name } variant { size } } }`;

describe("season visibility, prices, stock and production dockets", () => {
  let s: TestServer;
  let product: any;
  let aw: any;
  let ss: any;
  beforeAll(async () => {
    s = await startTestServer();
    product = await createProduct(s.admin);
    aw = await createSeason(s.admin, "AUTUMN/WINTER 20", "2020-02-01");
    ss = await createSeason(s.admin, "SPRING/SUMMER 21", "2020-08-01");
  });
  afterAll(async () => s.stop());

  const readProduct = () => s.admin.ok(`query($id: ID!) { product(id: $id) {
    seasons { season { name } prices { currency wholesale } }
    prices { currency wholesale retail season { name } }
    variants { size stock { availableToSell projected availableFrom season { name } } } } }`, { id: product.id });

  it("setting a price makes the product visible in the season; money is a decimal string in minor units", async () => {
    const eur = await s.admin.ok(SET_PRICE, { i: { productId: product.id, seasonId: aw.id, currency: "EUR", wholesale: "49.5", retail: "119" } });
    expect(eur.setProductPrice).toEqual({ currency: "EUR", wholesale: "49.50", retail: "119.00", season: { name: "AUTUMN/WINTER 20" } });
    const jpy = await s.admin.ok(SET_PRICE, { i: { productId: product.id, seasonId: aw.id, currency: "JPY", wholesale: "7200" } });
    expect(jpy.setProductPrice).toMatchObject({ wholesale: "7200", retail: null });
    const again = await s.admin.ok(SET_PRICE, { i: { productId: product.id, seasonId: aw.id, currency: "EUR", wholesale: "52.00", retail: "125.00" } });
    expect(again.setProductPrice.wholesale).toBe("52.00");
    const { product: p } = await readProduct();
    expect(p.seasons).toEqual([{ season: { name: "AUTUMN/WINTER 20" }, prices: [{ currency: "EUR", wholesale: "52.00" }, { currency: "JPY", wholesale: "7200" }] }]);
    const filtered = await s.admin.ok(`query($id: ID!, $s: ID) { product(id: $id) { prices(seasonId: $s, currency: "JPY") { wholesale } } }`, { id: product.id, s: aw.id });
    expect(filtered.product.prices).toEqual([{ wholesale: "7200" }]);
  });

  it("visibility can be set without a price; hiding removes the season's prices", async () => {
    await s.admin.ok(`mutation($p: ID!, $s: ID!) { setProductSeasonVisibility(productId: $p, seasonId: $s, visible: true) }`, { p: product.id, s: ss.id });
    expect((await readProduct()).product.seasons.map((x: any) => x.season.name)).toEqual(["AUTUMN/WINTER 20", "SPRING/SUMMER 21"]);
    await s.admin.ok(SET_PRICE, { i: { productId: product.id, seasonId: ss.id, currency: "GBP", wholesale: "40" } });
    await s.admin.ok(`mutation($p: ID!, $s: ID!) { setProductSeasonVisibility(productId: $p, seasonId: $s, visible: false) }`, { p: product.id, s: ss.id });
    const { product: p } = await readProduct();
    expect(p.seasons.map((x: any) => x.season.name)).toEqual(["AUTUMN/WINTER 20"]);
    expect(p.prices.map((x: any) => x.currency)).not.toContain("GBP");
  });

  it("removes a price", async () => {
    await s.admin.ok(`mutation($p: ID!, $s: ID!) { removeProductPrice(productId: $p, seasonId: $s, currency: "JPY") }`, { p: product.id, s: aw.id });
    expect((await readProduct()).product.prices.map((x: any) => x.currency)).toEqual(["EUR"]);
    const err = await s.admin.fails(`mutation($p: ID!, $s: ID!) { removeProductPrice(productId: $p, seasonId: $s, currency: "JPY") }`, { p: product.id, s: aw.id });
    expect(err.extensions?.code).toBe("NOT_FOUND");
  });

  it("stock per variant and season, with projected stock available from the docket's product line start date", async () => {
    await s.admin.ok(`mutation($i: SetProductionDocketLineInput!) { setProductionDocketLine(input: $i) { lineStartDate quantity } }`, {
      i: { productId: product.id, seasonId: aw.id, lineStartDate: "2020-06-15", quantity: 300 },
    });
    const [small, medium] = product.variants;
    const res = await s.admin.ok(SET_STOCK, { levels: [
      { variantId: small.id, seasonId: aw.id, availableToSell: 5, projected: 20 },
      { variantId: medium.id, seasonId: aw.id, availableToSell: 0, projected: 12 },
      { variantId: small.id, seasonId: ss.id, availableToSell: 3 },
    ] });
    expect(res.setStockLevels).toEqual([
      { availableToSell: 5, projected: 20, availableFrom: "2020-06-15", season: { name: "AUTUMN/WINTER 20" }, variant: { size: "S" } },
      { availableToSell: 0, projected: 12, availableFrom: "2020-06-15", season: { name: "AUTUMN/WINTER 20" }, variant: { size: "M" } },
      { availableToSell: 3, projected: 0, availableFrom: null, season: { name: "SPRING/SUMMER 21" }, variant: { size: "S" } },
    ]);
    await s.admin.ok(`mutation($i: SetStockLevelInput!) { setStockLevel(input: $i) { availableToSell } }`, { i: { variantId: small.id, seasonId: aw.id, availableToSell: 7, projected: 20 } });
    const { product: p } = await readProduct();
    expect(p.variants[0].stock).toEqual([
      { availableToSell: 7, projected: 20, availableFrom: "2020-06-15", season: { name: "AUTUMN/WINTER 20" } },
      { availableToSell: 3, projected: 0, availableFrom: null, season: { name: "SPRING/SUMMER 21" } },
    ]);
  });

  describe("bad input is refused with the field and changes nothing", () => {
    const snapshot = async () => JSON.stringify((await readProduct()).product);

    it.each([
      ["an unknown currency", { currency: "XYZ", wholesale: "1.00" }, "currency"],
      ["a negative price", { currency: "EUR", wholesale: "-1.00" }, "wholesale"],
      ["more than 4 decimals", { currency: "EUR", wholesale: "1.00001" }, "wholesale"],
      ["a price that is not a number", { currency: "EUR", wholesale: "12,50" }, "wholesale"],
      ["a negative retail price", { currency: "EUR", wholesale: "1.00", retail: "-5" }, "retail"],
    ])("price: %s", async (_l, fields, field) => {
      const before = await snapshot();
      const err = await s.admin.fails(SET_PRICE, { i: { productId: product.id, seasonId: aw.id, ...fields } });
      expect(err.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(await snapshot()).toBe(before);
    });

    it("a bulk stock update with one bad row writes nothing", async () => {
      const before = await snapshot();
      const [small, medium] = product.variants;
      const negative = await s.admin.fails(SET_STOCK, { levels: [
        { variantId: small.id, seasonId: aw.id, availableToSell: 99, projected: 0 },
        { variantId: medium.id, seasonId: aw.id, availableToSell: -1, projected: 0 },
      ] });
      expect(negative.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "levels[1].availableToSell" });
      const unknown = await s.admin.fails(SET_STOCK, { levels: [
        { variantId: small.id, seasonId: aw.id, availableToSell: 99, projected: 0 },
        { variantId: "999999", seasonId: aw.id, availableToSell: 1, projected: 0 },
      ] });
      expect(unknown.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "levels[1].variantId" });
      const fractional = await s.admin.fails(SET_STOCK, { levels: [{ variantId: small.id, seasonId: aw.id, availableToSell: 1.5, projected: 0 }] });
      expect(fractional.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "levels[0].availableToSell" });
      expect(await snapshot()).toBe(before);
    });

    it("a docket line needs a real date and a non-negative quantity", async () => {
      const before = await snapshot();
      const q = `mutation($i: SetProductionDocketLineInput!) { setProductionDocketLine(input: $i) { id } }`;
      expect((await s.admin.fails(q, { i: { productId: product.id, seasonId: aw.id, lineStartDate: "2020-13-01" } })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "lineStartDate" });
      expect((await s.admin.fails(q, { i: { productId: product.id, seasonId: aw.id, lineStartDate: "2020-06-01", quantity: -3 } })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "quantity" });
      expect(await snapshot()).toBe(before);
    });
  });

  it("another brand can neither see nor change this brand's catalogue", async () => {
    const other = await s.otherBrand();
    const before = JSON.stringify((await readProduct()).product);
    const barcode = product.variants[0].barcode;
    expect((await other.ok(`{ products { totalCount } seasons { id } }`)).products.totalCount).toBe(0);
    expect((await other.ok(`query($b: String!) { variantByBarcode(barcode: $b) { id } }`, { b: barcode })).variantByBarcode).toBeNull();
    const denied: [string, Record<string, unknown>][] = [
      [`query($id: ID!) { product(id: $id) { id } }`, { id: product.id }],
      [`query($id: ID!) { variant(id: $id) { id } }`, { id: product.variants[0].id }],
      [`mutation($i: UpdateProductInput!) { updateProduct(input: $i) { id } }`, { i: { id: product.id, name: "Hacked" } }],
      [`mutation($id: ID!) { deactivateProduct(id: $id) { id } }`, { id: product.id }],
      [`mutation($id: ID!) { addVariant(productId: $id, size: "XXL") { id } }`, { id: product.id }],
      [`mutation($i: UpdateVariantInput!) { updateVariant(input: $i) { id } }`, { i: { id: product.variants[0].id, size: "Z" } }],
      [`mutation($id: ID!) { deactivateVariant(id: $id) { id } }`, { id: product.variants[0].id }],
      [SET_PRICE, { i: { productId: product.id, seasonId: aw.id, currency: "EUR", wholesale: "0.01" } }],
      [`mutation($p: ID!, $s: ID!) { setProductSeasonVisibility(productId: $p, seasonId: $s, visible: false) }`, { p: product.id, s: aw.id }],
      [`mutation($p: ID!, $s: ID!) { removeProductPrice(productId: $p, seasonId: $s, currency: "EUR") }`, { p: product.id, s: aw.id }],
      [`mutation($i: SetProductionDocketLineInput!) { setProductionDocketLine(input: $i) { id } }`, { i: { productId: product.id, seasonId: aw.id, lineStartDate: "2021-01-01" } }],
    ];
    for (const [query, variables] of denied) {
      expect({ query, code: (await other.fails(query, variables)).extensions?.code }).toEqual({ query, code: "NOT_FOUND" });
    }
    const stock = await other.fails(SET_STOCK, { levels: [{ variantId: product.variants[0].id, seasonId: aw.id, availableToSell: 1000, projected: 0 }] });
    expect(stock.extensions?.code).toBe("BAD_USER_INPUT");
    expect(JSON.stringify((await readProduct()).product)).toBe(before);
  });

  it("a VIEWER reads but cannot change the catalogue", async () => {
    const viewer = await s.clientFor("VIEWER");
    expect((await viewer.ok(`{ products { totalCount } }`)).products.totalCount).toBeGreaterThan(0);
    expect((await viewer.fails(SET_PRICE, { i: { productId: product.id, seasonId: aw.id, currency: "EUR", wholesale: "1" } })).extensions?.code).toBe("FORBIDDEN");
  });
});
