import { startTestServer, TestServer } from "../harness/test-server";
import { createProduct, createSeason } from "./catalogue-fixtures";

const SET_PRICE = `mutation($i: SetProductPriceInput!) { setProductPrice(input: $i) { currency wholesale retail season { name } } }`;
const SET_STOCK = `mutation($inputs: [SetStockLevelInput!]!) { setStockLevels(inputs: $inputs) { availableToSell projected availableFrom season { name } variant { size } } }`;

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

  const readProduct = () =>
    s.admin.ok(
      `query($id: ID!) { product(id: $id) {
    seasons { season { name } prices { currency wholesale } }
    prices { currency wholesale retail season { name } }
    variants { size stock { availableToSell projected availableFrom season { name } } } } }`,
      { id: product.id },
    );

  it("setting a price makes the product visible in the season; money is a decimal string in minor units", async () => {
    const eur = await s.admin.ok(SET_PRICE, { i: { productId: product.id, seasonId: aw.id, currency: "EUR", wholesale: "49.5", retail: "119" } });
    expect(eur.setProductPrice).toEqual({ currency: "EUR", wholesale: "49.50", retail: "119.00", season: { name: "AUTUMN/WINTER 20" } });
    const jpy = await s.admin.ok(SET_PRICE, { i: { productId: product.id, seasonId: aw.id, currency: "JPY", wholesale: "7200" } });
    expect(jpy.setProductPrice).toMatchObject({ wholesale: "7200", retail: null });
    const again = await s.admin.ok(SET_PRICE, { i: { productId: product.id, seasonId: aw.id, currency: "EUR", wholesale: "52.00", retail: "125.00" } });
    expect(again.setProductPrice.wholesale).toBe("52.00");
    const { product: p } = await readProduct();
    expect(p.seasons).toEqual([
      {
        season: { name: "AUTUMN/WINTER 20" },
        prices: [
          { currency: "EUR", wholesale: "52.00" },
          { currency: "JPY", wholesale: "7200" },
        ],
      },
    ]);
    const filtered = await s.admin.ok(`query($id: ID!, $s: ID) { product(id: $id) { prices(seasonId: $s, currency: "JPY") { wholesale } } }`, {
      id: product.id,
      s: aw.id,
    });
    expect(filtered.product.prices).toEqual([{ wholesale: "7200" }]);
  });

  it("visibility can be set without a price; hiding removes the season's prices", async () => {
    await s.admin.ok(`mutation($p: ID!, $s: ID!) { setProductSeasonVisibility(productId: $p, seasonId: $s, visible: true) }`, { p: product.id, s: ss.id });
    // Most recent season first.
    expect((await readProduct()).product.seasons.map((x: any) => x.season.name)).toEqual(["SPRING/SUMMER 21", "AUTUMN/WINTER 20"]);
    await s.admin.ok(SET_PRICE, { i: { productId: product.id, seasonId: ss.id, currency: "GBP", wholesale: "40" } });
    await s.admin.ok(`mutation($p: ID!, $s: ID!) { setProductSeasonVisibility(productId: $p, seasonId: $s, visible: false) }`, { p: product.id, s: ss.id });
    const { product: p } = await readProduct();
    expect(p.seasons.map((x: any) => x.season.name)).toEqual(["AUTUMN/WINTER 20"]);
    expect(p.prices.map((x: any) => x.currency)).not.toContain("GBP");
  });

  it("removes a price", async () => {
    await s.admin.ok(`mutation($p: ID!, $s: ID!) { removeProductPrice(productId: $p, seasonId: $s, currency: "JPY") }`, { p: product.id, s: aw.id });
    expect((await readProduct()).product.prices.map((x: any) => x.currency)).toEqual(["EUR"]);
    const err = await s.admin.fails(`mutation($p: ID!, $s: ID!) { removeProductPrice(productId: $p, seasonId: $s, currency: "JPY") }`, {
      p: product.id,
      s: aw.id,
    });
    expect(err.extensions?.code).toBe("NOT_FOUND");
  });

  it("stock per variant and season, with projected stock available from the docket's product line start date", async () => {
    await s.admin.ok(`mutation($i: SetProductionDocketLineInput!) { setProductionDocketLine(input: $i) { lineStartDate quantity } }`, {
      i: { productId: product.id, seasonId: aw.id, lineStartDate: "2020-06-15", quantity: 300 },
    });
    const [small, medium] = product.variants;
    const res = await s.admin.ok(SET_STOCK, {
      inputs: [
        { variantId: small.id, seasonId: aw.id, availableToSell: 5, projected: 20 },
        { variantId: medium.id, seasonId: aw.id, availableToSell: 0, projected: 12 },
        { variantId: small.id, seasonId: ss.id, availableToSell: 3 },
      ],
    });
    expect(res.setStockLevels).toEqual([
      { availableToSell: 5, projected: 20, availableFrom: "2020-06-15", season: { name: "AUTUMN/WINTER 20" }, variant: { size: "S" } },
      { availableToSell: 0, projected: 12, availableFrom: "2020-06-15", season: { name: "AUTUMN/WINTER 20" }, variant: { size: "M" } },
      { availableToSell: 3, projected: 0, availableFrom: null, season: { name: "SPRING/SUMMER 21" }, variant: { size: "S" } },
    ]);
    await s.admin.ok(`mutation($i: SetStockLevelInput!) { setStockLevel(input: $i) { availableToSell } }`, {
      i: { variantId: small.id, seasonId: aw.id, availableToSell: 7, projected: 20 },
    });
    const { product: p } = await readProduct();
    expect(p.variants[0].stock).toEqual([
      { availableToSell: 7, projected: 20, availableFrom: "2020-06-15", season: { name: "AUTUMN/WINTER 20" } },
      { availableToSell: 3, projected: 0, availableFrom: null, season: { name: "SPRING/SUMMER 21" } },
    ]);
  });

  it("concurrent first writes of one stock level, price and docket line all succeed and leave one row each", async () => {
    const p = await createProduct(s.admin, { sizes: [{ size: "U" }] });
    const variantId = p.variants[0].id;
    const n = [1, 2, 3, 4, 5, 6];
    const stock = await Promise.all(
      n.map((q) =>
        s.admin.ok(`mutation($i: SetStockLevelInput!) { setStockLevel(input: $i) { id } }`, { i: { variantId, seasonId: ss.id, availableToSell: q } }),
      ),
    );
    const prices = await Promise.all(n.map((q) => s.admin.ok(SET_PRICE, { i: { productId: p.id, seasonId: ss.id, currency: "EUR", wholesale: String(q) } })));
    const dockets = await Promise.all(
      n.map((q) =>
        s.admin.ok(`mutation($i: SetProductionDocketLineInput!) { setProductionDocketLine(input: $i) { id } }`, {
          i: { productId: p.id, seasonId: ss.id, lineStartDate: `2021-01-0${q}` },
        }),
      ),
    );
    expect(new Set(stock.map((r) => r.setStockLevel.id)).size).toBe(1);
    expect(prices.every((r) => r.setProductPrice.currency === "EUR")).toBe(true);
    expect(new Set(dockets.map((r) => r.setProductionDocketLine.id)).size).toBe(1);
    const read = await s.admin.ok(`query($id: ID!) { product(id: $id) { prices { currency } variants { stock { availableFrom } } } }`, { id: p.id });
    expect(read.product.prices).toEqual([{ currency: "EUR" }]);
    expect(read.product.variants[0].stock).toHaveLength(1);
    expect(read.product.variants[0].stock[0].availableFrom).toMatch(/^2021-01-0[1-6]$/);
  });

  describe("bad input is refused with the field and changes nothing", () => {
    const snapshot = async () => JSON.stringify((await readProduct()).product);

    it.each([
      ["an unknown currency", { currency: "XYZ", wholesale: "1.00" }, "currency"],
      ["a negative price", { currency: "EUR", wholesale: "-1.00" }, "wholesale"],
      ["more than 4 decimals", { currency: "EUR", wholesale: "1.00001" }, "wholesale"],
      ["a price that is not a number", { currency: "EUR", wholesale: "12,50" }, "wholesale"],
      ["a negative retail price", { currency: "EUR", wholesale: "1.00", retail: "-5" }, "retail"],
      ["a retail price with more than 4 decimals", { currency: "EUR", wholesale: "1.00", retail: "5.12345" }, "retail"],
      ["a lower-case currency", { currency: "eur", wholesale: "1.00" }, "currency"],
      ["an empty price", { currency: "EUR", wholesale: "" }, "wholesale"],
      ["an amount in exponent notation", { currency: "JPY", wholesale: "1e3" }, "wholesale"],
      ["an unknown product", { productId: "999999", currency: "EUR", wholesale: "1.00" }, "productId", "NOT_FOUND"],
      ["an unknown season", { seasonId: "999999", currency: "EUR", wholesale: "1.00" }, "seasonId", "NOT_FOUND"],
      ["a malformed product id", { productId: "abc", currency: "EUR", wholesale: "1.00" }, "productId"],
    ])("price: %s", async (_l, fields, field, code = "BAD_USER_INPUT") => {
      const before = await snapshot();
      const err = await s.admin.fails(SET_PRICE, { i: { productId: product.id, seasonId: aw.id, ...fields } });
      expect(err.extensions).toMatchObject({ code, field });
      expect(await snapshot()).toBe(before);
    });

    it("a bulk stock update with one bad row writes nothing", async () => {
      const before = await snapshot();
      const [small, medium] = product.variants;
      const negative = await s.admin.fails(SET_STOCK, {
        inputs: [
          { variantId: small.id, seasonId: aw.id, availableToSell: 99, projected: 0 },
          { variantId: medium.id, seasonId: aw.id, availableToSell: -1, projected: 0 },
        ],
      });
      expect(negative.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "inputs[1].availableToSell" });
      const unknown = await s.admin.fails(SET_STOCK, {
        inputs: [
          { variantId: small.id, seasonId: aw.id, availableToSell: 99, projected: 0 },
          { variantId: "999999", seasonId: aw.id, availableToSell: 1, projected: 0 },
        ],
      });
      expect(unknown.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "inputs[1].variantId" });
      const fractional = await s.admin.fails(SET_STOCK, { inputs: [{ variantId: small.id, seasonId: aw.id, availableToSell: 1.5, projected: 0 }] });
      expect(fractional.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "inputs[0].availableToSell" });
      expect(await snapshot()).toBe(before);
    });

    it.each([
      ["a negative projected quantity", (v: string) => ({ variantId: v, seasonId: aw.id, availableToSell: 1, projected: -2 }), "inputs[1].projected"],
      ["a fractional projected quantity", (v: string) => ({ variantId: v, seasonId: aw.id, availableToSell: 1, projected: 0.5 }), "inputs[1].projected"],
      ["an unknown season", (v: string) => ({ variantId: v, seasonId: "999999", availableToSell: 1, projected: 0 }), "inputs[1].seasonId"],
      ["a malformed variant id", () => ({ variantId: "x1", seasonId: aw.id, availableToSell: 1, projected: 0 }), "inputs[1].variantId"],
      ["the same variant and season twice", (v: string) => ({ variantId: v, seasonId: aw.id, availableToSell: 2, projected: 0 }), "inputs[1].variantId"],
    ])("a bulk stock update with %s in its second row writes nothing", async (_l, row, field) => {
      const before = await snapshot();
      const small = product.variants[0].id;
      const err = await s.admin.fails(SET_STOCK, { inputs: [{ variantId: small, seasonId: aw.id, availableToSell: 77, projected: 0 }, row(small)] });
      expect(err.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(await snapshot()).toBe(before);
    });

    it("setStockLevel names the field without a row index", async () => {
      const before = await snapshot();
      const q = `mutation($i: SetStockLevelInput!) { setStockLevel(input: $i) { id } }`;
      const v = product.variants[0].id;
      expect((await s.admin.fails(q, { i: { variantId: v, seasonId: aw.id, availableToSell: -1 } })).extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "availableToSell",
      });
      expect((await s.admin.fails(q, { i: { variantId: v, seasonId: aw.id, availableToSell: 1, projected: 2.5 } })).extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "projected",
      });
      expect((await s.admin.fails(q, { i: { variantId: "999999", seasonId: aw.id, availableToSell: 1 } })).extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "variantId",
      });
      expect(await snapshot()).toBe(before);
    });

    it("a docket line needs a real date and a non-negative quantity", async () => {
      const before = await snapshot();
      const q = `mutation($i: SetProductionDocketLineInput!) { setProductionDocketLine(input: $i) { id } }`;
      expect((await s.admin.fails(q, { i: { productId: product.id, seasonId: aw.id, lineStartDate: "2020-13-01" } })).extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "lineStartDate",
      });
      expect((await s.admin.fails(q, { i: { productId: product.id, seasonId: aw.id, lineStartDate: "2020-06-01", quantity: -3 } })).extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "quantity",
      });
      expect((await s.admin.fails(q, { i: { productId: product.id, seasonId: aw.id, lineStartDate: "15/06/2020" } })).extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "lineStartDate",
      });
      expect((await s.admin.fails(q, { i: { productId: product.id, seasonId: "999999", lineStartDate: "2020-06-01" } })).extensions).toMatchObject({
        code: "NOT_FOUND",
        field: "seasonId",
      });
      expect(await snapshot()).toBe(before);
    });
  });

  it("formats prices in each currency's minor units: 12.50 EUR, 1200 JPY, 4.250 KWD", async () => {
    const p = await createProduct(s.admin, { sizes: [] });
    const set = (currency: string, wholesale: string, retail?: string) =>
      s.admin.ok(SET_PRICE, { i: { productId: p.id, seasonId: ss.id, currency, wholesale, retail } });
    expect((await set("EUR", "12.5", "30")).setProductPrice).toMatchObject({ wholesale: "12.50", retail: "30.00" });
    expect((await set("JPY", "1200", "2500.0000")).setProductPrice).toMatchObject({ wholesale: "1200", retail: "2500" });
    expect((await set("KWD", "4.25")).setProductPrice).toMatchObject({ wholesale: "4.250", retail: null });
    expect((await set("GBP", "0.1234")).setProductPrice).toMatchObject({ wholesale: "0.12" });
    const read = await s.admin.ok(`query($id: ID!, $s: ID) { product(id: $id) { prices(seasonId: $s) { currency wholesale retail } } }`, {
      id: p.id,
      s: ss.id,
    });
    expect(read.product.prices).toEqual([
      { currency: "EUR", wholesale: "12.50", retail: "30.00" },
      { currency: "JPY", wholesale: "1200", retail: "2500" },
      { currency: "KWD", wholesale: "4.250", retail: null },
      { currency: "GBP", wholesale: "0.12", retail: null },
    ]);
    expect((await s.admin.ok(`query($id: ID!, $s: ID) { product(id: $id) { prices(seasonId: $s) { id } } }`, { id: p.id, s: aw.id })).product.prices).toEqual(
      [],
    );
  });

  it("setStockLevels upserts: writing the same variant and season again updates the row", async () => {
    const p = await createProduct(s.admin, { sizes: [{ size: "38" }, { size: "40" }] });
    const [a, b] = p.variants;
    const first = await s.admin.ok(`mutation($l: [SetStockLevelInput!]!) { setStockLevels(inputs: $l) { id availableToSell } }`, {
      l: [
        { variantId: a.id, seasonId: aw.id, availableToSell: 1, projected: 2 },
        { variantId: b.id, seasonId: aw.id, availableToSell: 3, projected: 4 },
      ],
    });
    const again = await s.admin.ok(`mutation($l: [SetStockLevelInput!]!) { setStockLevels(inputs: $l) { id availableToSell projected } }`, {
      l: [
        { variantId: b.id, seasonId: aw.id, availableToSell: 30, projected: 0 },
        { variantId: a.id, seasonId: ss.id, availableToSell: 9, projected: 1 },
      ],
    });
    expect(again.setStockLevels[0]).toEqual({ id: first.setStockLevels[1].id, availableToSell: 30, projected: 0 });
    const read = await s.admin.ok(`query($id: ID!) { product(id: $id) { variants { size stock { availableToSell projected season { name } } } } }`, {
      id: p.id,
    });
    expect(read.product.variants).toEqual([
      {
        size: "38",
        stock: [
          { availableToSell: 1, projected: 2, season: { name: "AUTUMN/WINTER 20" } },
          { availableToSell: 9, projected: 1, season: { name: "SPRING/SUMMER 21" } },
        ],
      },
      { size: "40", stock: [{ availableToSell: 30, projected: 0, season: { name: "AUTUMN/WINTER 20" } }] },
    ]);
    expect((await s.admin.ok(`mutation { setStockLevels(inputs: []) { id } }`)).setStockLevels).toEqual([]);
  });

  it("availableFrom follows the season's docket line: setting it again moves the date; another season's line does not apply", async () => {
    const p = await createProduct(s.admin, { sizes: [{ size: "U" }] });
    const docket = `mutation($i: SetProductionDocketLineInput!) { setProductionDocketLine(input: $i) { id lineStartDate quantity } }`;
    const line = (await s.admin.ok(docket, { i: { productId: p.id, seasonId: ss.id, lineStartDate: "2020-09-01", quantity: 50 } })).setProductionDocketLine;
    expect(line).toMatchObject({ lineStartDate: "2020-09-01", quantity: 50 });
    await s.admin.ok(SET_STOCK, {
      inputs: [
        { variantId: p.variants[0].id, seasonId: ss.id, availableToSell: 0, projected: 8 },
        { variantId: p.variants[0].id, seasonId: aw.id, availableToSell: 2, projected: 0 },
      ],
    });
    const moved = (await s.admin.ok(docket, { i: { productId: p.id, seasonId: ss.id, lineStartDate: "2020-10-15" } })).setProductionDocketLine;
    expect(moved).toEqual({ id: line.id, lineStartDate: "2020-10-15", quantity: 0 });
    const { variant } = await s.admin.ok(`query($id: ID!) { variant(id: $id) { stock { availableFrom projected season { name } variant { size } } } }`, {
      id: p.variants[0].id,
    });
    expect(variant.stock).toEqual([
      { availableFrom: "2020-10-15", projected: 8, season: { name: "SPRING/SUMMER 21" }, variant: { size: "U" } },
      { availableFrom: null, projected: 0, season: { name: "AUTUMN/WINTER 20" }, variant: { size: "U" } },
    ]);
    await s.admin.ok(docket, { i: { productId: p.id, seasonId: aw.id, lineStartDate: "2020-03-01", quantity: 7 } });
    const read = await s.admin.ok(`query($id: ID!) { product(id: $id) { productionDocket { id lineStartDate quantity season { name } product { id } } } }`, {
      id: p.id,
    });
    expect(read.product.productionDocket).toEqual([
      { id: line.id, lineStartDate: "2020-10-15", quantity: 0, season: { name: "SPRING/SUMMER 21" }, product: { id: p.id } },
      { id: expect.any(String), lineStartDate: "2020-03-01", quantity: 7, season: { name: "AUTUMN/WINTER 20" }, product: { id: p.id } },
    ]);
  });
});
