import { startTestServer, TestServer } from "../harness/test-server";
import { CREATE_PRODUCT, createProduct, createSeason, productInput } from "./catalogue-fixtures";
import { freshBarcode } from "../harness/fixtures";

describe("products and variants API", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.stop());

  const counts = async () => {
    const { products } = await s.admin.ok(`{ products(first: 500) { totalCount edges { node { variants { id } } } } }`);
    return { products: products.totalCount, variants: products.edges.reduce((n: number, e: any) => n + e.node.variants.length, 0) };
  };

  it("creates a product with its size run in order and reads it back", async () => {
    const p = await createProduct(s.admin, { sizes: [{ size: "XS" }, { size: "S", barcode: freshBarcode() }, { size: "M", barcode: "036000291452" }] });
    expect(p.sizes).toEqual(["XS", "S", "M"]);
    expect(p.variants.map((v: any) => [v.size, v.position])).toEqual([
      ["XS", 0],
      ["S", 1],
      ["M", 2],
    ]);
    expect(p.variants[0].barcode).toBeNull();
    expect(p.variants[2].barcode).toBe("036000291452");
    const read = await s.admin.ok(`query($id: ID!) { product(id: $id) { name category composition countryOfOrigin variants { product { id } } } }`, {
      id: p.id,
    });
    expect(read.product).toMatchObject({ name: "Wool Coat", category: "Outerwear", composition: "100% Wool", countryOfOrigin: "PT" });
    expect(read.product.variants.every((v: any) => v.product.id === p.id)).toBe(true);
  });

  it("looks a variant up by barcode", async () => {
    const barcode = freshBarcode();
    const p = await createProduct(s.admin, { sizes: [{ size: "One Size", barcode }] });
    const { variantByBarcode } = await s.admin.ok(`query($b: String!) { variantByBarcode(barcode: $b) { id size product { id } } }`, { b: barcode });
    expect(variantByBarcode).toMatchObject({ size: "One Size", product: { id: p.id } });
    expect((await s.admin.ok(`{ variantByBarcode(barcode: "4006381333931") { id } }`)).variantByBarcode).toBeNull();
  });

  it("sizes are case-sensitive: S and s are two sizes", async () => {
    const p = await createProduct(s.admin, { sizes: [{ size: "S" }, { size: "s" }] });
    expect(p.sizes).toEqual(["S", "s"]);
  });

  it("keeps the size run in the order given, whatever the labels", async () => {
    const sizes = ["44", "38", "One Size", "40", "XS"].map((size) => ({ size, barcode: freshBarcode() }));
    const p = await createProduct(s.admin, { sizes });
    const read = await s.admin.ok(`query($id: ID!) { product(id: $id) { sizes variants { size position barcode } } }`, { id: p.id });
    expect(read.product.sizes).toEqual(["44", "38", "One Size", "40", "XS"]);
    expect(read.product.variants).toEqual(sizes.map((x, position) => ({ size: x.size, position, barcode: x.barcode })));
  });

  it("a product's own style and colour may change case; another product's may not be taken in any case", async () => {
    const p = await createProduct(s.admin, { styleNumber: "CASE-1", colourCode: "BLK", sizes: [] });
    await createProduct(s.admin, { styleNumber: "CASE-2", colourCode: "BLK", sizes: [] });
    const upd = `mutation($i: UpdateProductInput!) { updateProduct(input: $i) { styleNumber colourCode } }`;
    expect((await s.admin.ok(upd, { i: { id: p.id, styleNumber: "case-1", colourCode: "blk" } })).updateProduct).toEqual({
      styleNumber: "case-1",
      colourCode: "blk",
    });
    expect((await s.admin.fails(upd, { i: { id: p.id, styleNumber: "Case-2" } })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "styleNumber" });
  });

  it("adds, updates and deactivates variants; updates and deactivates products", async () => {
    const p = await createProduct(s.admin, { sizes: [{ size: "S" }] });
    const add = await s.admin.ok(`mutation($p: ID!, $b: String) { addVariant(productId: $p, size: "M", barcode: $b) { id size position } }`, {
      p: p.id,
      b: freshBarcode(),
    });
    expect(add.addVariant).toMatchObject({ size: "M", position: 1 });
    const barcode = freshBarcode();
    const upd = await s.admin.ok(`mutation($i: UpdateVariantInput!) { updateVariant(input: $i) { size barcode } }`, { i: { id: p.variants[0].id, barcode } });
    expect(upd.updateVariant).toEqual({ size: "S", barcode });
    expect((await s.admin.ok(`mutation($id: ID!) { deactivateVariant(id: $id) { active } }`, { id: add.addVariant.id })).deactivateVariant.active).toBe(false);
    const up = await s.admin.ok(`mutation($i: UpdateProductInput!) { updateProduct(input: $i) { name colourName description } }`, {
      i: { id: p.id, name: "Renamed", colourName: "Jet", description: "Soft" },
    });
    expect(up.updateProduct).toEqual({ name: "Renamed", colourName: "Jet", description: "Soft" });
    expect((await s.admin.ok(`mutation($id: ID!) { deactivateProduct(id: $id) { active } }`, { id: p.id })).deactivateProduct.active).toBe(false);
    const { variant } = await s.admin.ok(`query($id: ID!) { variant(id: $id) { active } }`, { id: add.addVariant.id });
    expect(variant.active).toBe(false);
  });

  it("lists with filters (search, style, active, category, season visibility) and pages with cursors", async () => {
    const season = await createSeason(s.admin, "FILTER SEASON", "2030-01-01");
    const a = await createProduct(s.admin, { styleNumber: "FLT-1", name: "Filter Jacket", category: "Filtered", sizes: [] });
    const b = await createProduct(s.admin, {
      styleNumber: "FLT-1",
      colourCode: "NVY",
      colourName: "Navy",
      name: "Filter Jacket",
      category: "Filtered",
      sizes: [],
    });
    await s.admin.ok(`mutation($p: ID!, $s: ID!) { setProductSeasonVisibility(productId: $p, seasonId: $s, visible: true) }`, { p: b.id, s: season.id });
    await s.admin.ok(`mutation($id: ID!) { deactivateProduct(id: $id) { id } }`, { id: a.id });
    const q = `query($f: ProductFilter, $first: Int, $after: String) { products(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
    const ids = async (f: object) => (await s.admin.ok(q, { f })).products.edges.map((e: any) => e.node.id);
    expect(await ids({ styleNumber: "FLT-1" })).toEqual([a.id, b.id]);
    expect(await ids({ search: "filter jack" })).toEqual([a.id, b.id]);
    expect(await ids({ styleNumber: "FLT-1", active: true })).toEqual([b.id]);
    expect(await ids({ category: "Filtered", active: false })).toEqual([a.id]);
    expect(await ids({ seasonId: season.id })).toEqual([b.id]);
    const page1 = (await s.admin.ok(q, { f: { styleNumber: "FLT-1" }, first: 1 })).products;
    expect(page1).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const page2 = (await s.admin.ok(q, { f: { styleNumber: "FLT-1" }, first: 1, after: page1.pageInfo.endCursor })).products;
    expect(page2.edges.map((e: any) => e.node.id)).toEqual([b.id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect((await s.admin.fails(q, { first: 1, after: "not-a-cursor" })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    expect((await s.admin.fails(q, { first: 0 })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect((await s.admin.fails(q, { f: { seasonId: "abc" } })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.seasonId" });
  });

  it("search text is literal: % and _ match only themselves", async () => {
    const pct = await createProduct(s.admin, { styleNumber: "PCT_1", name: "100% Cotton Tee", sizes: [] });
    await createProduct(s.admin, { styleNumber: "PCTX1", name: "1000 Cotton Tee", sizes: [] });
    const ids = async (search: string) =>
      (await s.admin.ok(`query($q: String) { products(filter: { search: $q }) { edges { node { id } } } }`, { q: search })).products.edges.map(
        (e: any) => e.node.id,
      );
    expect(await ids("100%")).toEqual([pct.id]);
    expect(await ids("pct_")).toEqual([pct.id]);
    expect(await ids("%%%")).toEqual([]);
    expect(await ids("cotton tee")).toHaveLength(2);
  });

  it("updateProduct validates like createProduct and changes nothing on bad input; null clears optional fields", async () => {
    const p = await createProduct(s.admin, { sizes: [] });
    const upd = `mutation($i: UpdateProductInput!) { updateProduct(input: $i) { name countryOfOrigin category } }`;
    const read = async () => (await s.admin.ok(`query($id: ID!) { product(id: $id) { name countryOfOrigin category } }`, { id: p.id })).product;
    const before = await read();
    expect((await s.admin.fails(upd, { i: { id: p.id, countryOfOrigin: "XX", name: "Changed" } })).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "countryOfOrigin",
    });
    expect((await s.admin.fails(upd, { i: { id: p.id, name: " " } })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "name" });
    expect((await s.admin.fails(upd, { i: { id: p.id, category: "C".repeat(101) } })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "category" });
    expect(await read()).toEqual(before);
    expect((await s.admin.ok(upd, { i: { id: p.id, countryOfOrigin: null, category: null } })).updateProduct).toEqual({
      name: before.name,
      countryOfOrigin: null,
      category: null,
    });
    expect((await s.admin.fails(`{ product(id: "999999") { id } }`)).extensions?.code).toBe("NOT_FOUND");
    expect((await s.admin.fails(`mutation { deactivateProduct(id: "999999") { id } }`)).extensions?.code).toBe("NOT_FOUND");
  });

  describe("bad input gets BAD_USER_INPUT with the field and changes nothing", () => {
    let taken: string;
    beforeAll(async () => {
      taken = freshBarcode();
      await createProduct(s.admin, { styleNumber: "DUP", colourCode: "RED", sizes: [{ size: "S", barcode: taken }] });
    });

    it.each([
      ["a wrong GS1 check digit", () => ({ sizes: [{ size: "S", barcode: "4006381333932" }] }), "sizes[0].barcode"],
      ["a barcode of the wrong length", () => ({ sizes: [{ size: "S", barcode: "12345" }] }), "sizes[0].barcode"],
      ["a barcode with letters", () => ({ sizes: [{ size: "S", barcode: "40063813339A1" }] }), "sizes[0].barcode"],
      ["a barcode already used in the brand", () => ({ sizes: [{ size: "S", barcode: taken }] }), "sizes[0].barcode"],
      [
        "the same barcode twice in one product",
        () => {
          const b = freshBarcode();
          return {
            sizes: [
              { size: "S", barcode: b },
              { size: "M", barcode: b },
            ],
          };
        },
        "sizes[1].barcode",
      ],
      ["the same size twice", () => ({ sizes: [{ size: "M" }, { size: "M" }] }), "sizes[1].size"],
      ["a duplicate style and colour", () => ({ styleNumber: "DUP", colourCode: "RED", sizes: [] }), "styleNumber"],
      ["an unknown country of origin", () => ({ countryOfOrigin: "XX" }), "countryOfOrigin"],
      ["an empty name", () => ({ name: "" }), "name"],
      ["a too long style number", () => ({ styleNumber: "S".repeat(51) }), "styleNumber"],
      ["a UPC-A barcode with a wrong check digit", () => ({ sizes: [{ size: "S", barcode: "036000291453" }] }), "sizes[0].barcode"],
      ["a 14-digit barcode", () => ({ sizes: [{ size: "S", barcode: "40063813339310" }] }), "sizes[0].barcode"],
      [
        "a duplicate barcode in a later size",
        () => {
          const b = freshBarcode();
          return {
            sizes: [
              { size: "S", barcode: freshBarcode() },
              { size: "M", barcode: b },
              { size: "L", barcode: ` ${b}` },
            ],
          };
        },
        "sizes[2].barcode",
      ],
      ["the same size twice once trimmed", () => ({ sizes: [{ size: "S" }, { size: "S " }] }), "sizes[1].size"],
      ["an empty size", () => ({ sizes: [{ size: "S" }, { size: " " }] }), "sizes[1].size"],
      ["a duplicate style and colour in another case", () => ({ styleNumber: "dup", colourCode: "red", sizes: [] }), "styleNumber"],
      ["a lower-case country of origin", () => ({ countryOfOrigin: "pt" }), "countryOfOrigin"],
      ["a country of origin that is not a country", () => ({ countryOfOrigin: "EU" }), "countryOfOrigin"],
    ])("%s", async (_l, overrides, field) => {
      const before = await counts();
      const err = await s.admin.fails(CREATE_PRODUCT, { input: productInput(overrides()) });
      expect(err.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(await counts()).toEqual(before);
    });

    it("variant mutations validate barcodes and sizes too", async () => {
      const p = await createProduct(s.admin, { sizes: [{ size: "S" }] });
      const before = await counts();
      const add = `mutation($p: ID!, $size: String!, $b: String) { addVariant(productId: $p, size: $size, barcode: $b) { id } }`;
      expect((await s.admin.fails(add, { p: p.id, size: "M", b: "4006381333932" })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "barcode" });
      expect((await s.admin.fails(add, { p: p.id, size: "M", b: taken })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "barcode" });
      expect((await s.admin.fails(add, { p: p.id, size: "S" })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "size" });
      const upd = `mutation($i: UpdateVariantInput!) { updateVariant(input: $i) { id } }`;
      expect((await s.admin.fails(upd, { i: { id: p.variants[0].id, barcode: taken } })).extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "barcode",
      });
      expect((await s.admin.fails(upd, { i: { id: p.variants[0].id, position: -1 } })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "position" });
      expect(await counts()).toEqual(before);
      expect((await s.admin.ok(`query($id: ID!) { variant(id: $id) { barcode position } }`, { id: p.variants[0].id })).variant).toEqual({
        barcode: null,
        position: 0,
      });
    });

    it("updateProduct refuses to take another product's style and colour", async () => {
      const p = await createProduct(s.admin, { styleNumber: "DUP", colourCode: "BLU", sizes: [] });
      const err = await s.admin.fails(`mutation($i: UpdateProductInput!) { updateProduct(input: $i) { id } }`, { i: { id: p.id, colourCode: "RED" } });
      expect(err.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "styleNumber" });
      expect((await s.admin.ok(`query($id: ID!) { product(id: $id) { colourCode } }`, { id: p.id })).product.colourCode).toBe("BLU");
    });
  });
});
