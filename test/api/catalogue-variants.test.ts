import { startTestServer, TestServer } from "../harness/test-server";
import { createProduct } from "./catalogue-fixtures";
import { freshBarcode } from "../harness/fixtures";

const ADD = `mutation($p: ID!, $size: String!, $b: String) { addVariant(productId: $p, size: $size, barcode: $b) { id size position barcode active } }`;
const UPDATE = `mutation($i: UpdateVariantInput!) { updateVariant(input: $i) { id size position barcode } }`;
const READ = `query($id: ID!) { product(id: $id) { sizes variants { id size position barcode active } } }`;

describe("variants API: size runs and barcodes", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.stop());

  const run = async (productId: string) => (await s.admin.ok(READ, { id: productId })).product;
  const positions = async (productId: string) => (await run(productId)).variants.map((v: any) => [v.size, v.position]);

  it("moving a size within the run shifts the others and keeps positions 0..n-1", async () => {
    const p = await createProduct(s.admin, { sizes: [{ size: "S" }, { size: "M" }, { size: "L" }, { size: "XL" }] });
    const [small, , , xl] = p.variants;
    expect((await s.admin.ok(UPDATE, { i: { id: xl.id, position: 0 } })).updateVariant.position).toBe(0);
    expect(await positions(p.id)).toEqual([
      ["XL", 0],
      ["S", 1],
      ["M", 2],
      ["L", 3],
    ]);
    await s.admin.ok(UPDATE, { i: { id: small.id, position: 3 } });
    expect(await positions(p.id)).toEqual([
      ["XL", 0],
      ["M", 1],
      ["L", 2],
      ["S", 3],
    ]);
    await s.admin.ok(UPDATE, { i: { id: small.id, position: 3 } });
    expect((await run(p.id)).sizes).toEqual(["XL", "M", "L", "S"]);
    const added = (await s.admin.ok(ADD, { p: p.id, size: "XXL" })).addVariant;
    expect(added).toMatchObject({ size: "XXL", position: 4, barcode: null, active: true });
    expect((await run(p.id)).sizes).toEqual(["XL", "M", "L", "S", "XXL"]);
  });

  it.each([
    ["past the end of the run", 3],
    ["negative", -1],
  ])("a position %s is refused and nothing moves", async (_l, position) => {
    const p = await createProduct(s.admin, { sizes: [{ size: "S" }, { size: "M" }, { size: "L" }] });
    const err = await s.admin.fails(UPDATE, { i: { id: p.variants[0].id, position, size: "XS" } });
    expect(err.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "position" });
    expect(await positions(p.id)).toEqual([
      ["S", 0],
      ["M", 1],
      ["L", 2],
    ]);
  });

  it("size labels are trimmed and case-sensitive", async () => {
    const p = await createProduct(s.admin, { sizes: [{ size: " S " }, { size: "M" }] });
    expect(p.sizes).toEqual(["S", "M"]);
    expect((await s.admin.ok(ADD, { p: p.id, size: "s" })).addVariant.size).toBe("s");
    expect((await s.admin.ok(ADD, { p: p.id, size: " L\t" })).addVariant.size).toBe("L");
    expect((await s.admin.fails(ADD, { p: p.id, size: "S " })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "size" });
    expect((await s.admin.fails(ADD, { p: p.id, size: "   " })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "size" });
    expect((await s.admin.fails(ADD, { p: p.id, size: "X".repeat(31) })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "size" });
    const m = p.variants[1];
    expect((await s.admin.ok(UPDATE, { i: { id: m.id, size: "m " } })).updateVariant.size).toBe("m");
    expect((await s.admin.fails(UPDATE, { i: { id: m.id, size: "L" } })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "size" });
    expect((await s.admin.fails(UPDATE, { i: { id: m.id, size: "" } })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "size" });
    expect((await run(p.id)).sizes).toEqual(["S", "m", "s", "L"]);
  });

  it("a barcode can be set, replaced by a UPC-A code, kept, and removed with null or an empty string", async () => {
    const p = await createProduct(s.admin, { sizes: [{ size: "S" }] });
    const id = p.variants[0].id;
    const first = freshBarcode();
    expect((await s.admin.ok(UPDATE, { i: { id, barcode: ` ${first} ` } })).updateVariant.barcode).toBe(first);
    expect((await s.admin.ok(UPDATE, { i: { id, barcode: first, size: "S1" } })).updateVariant).toMatchObject({ barcode: first, size: "S1" });
    expect((await s.admin.ok(UPDATE, { i: { id, barcode: "042100005264" } })).updateVariant.barcode).toBe("042100005264");
    expect((await s.admin.ok(`{ variantByBarcode(barcode: "042100005264") { id } }`)).variantByBarcode).toEqual({ id });
    expect((await s.admin.ok(`query($b: String!) { variantByBarcode(barcode: $b) { id } }`, { b: first })).variantByBarcode).toBeNull();
    expect((await s.admin.ok(UPDATE, { i: { id, size: "S2" } })).updateVariant.barcode).toBe("042100005264");
    expect((await s.admin.ok(UPDATE, { i: { id, barcode: null } })).updateVariant.barcode).toBeNull();
    await s.admin.ok(UPDATE, { i: { id, barcode: first } });
    expect((await s.admin.ok(UPDATE, { i: { id, barcode: "" } })).updateVariant.barcode).toBeNull();
  });

  it("variantByBarcode ignores surrounding spaces and finds the variant with its product and stock", async () => {
    const barcode = freshBarcode();
    const p = await createProduct(s.admin, { sizes: [{ size: "One Size", barcode }] });
    const q = `query($b: String!) { variantByBarcode(barcode: $b) { id size barcode product { id styleNumber } stock { id } } }`;
    expect((await s.admin.ok(q, { b: ` ${barcode} ` })).variantByBarcode).toEqual({
      id: p.variants[0].id,
      size: "One Size",
      barcode,
      product: { id: p.id, styleNumber: p.styleNumber },
      stock: [],
    });
  });

  describe("bad input gets BAD_USER_INPUT with the field and changes nothing", () => {
    let product: any;
    let taken: string;
    beforeAll(async () => {
      taken = freshBarcode();
      await createProduct(s.admin, { sizes: [{ size: "S", barcode: taken }] });
      product = await createProduct(s.admin, { sizes: [{ size: "S" }, { size: "M", barcode: freshBarcode() }] });
    });

    it.each([
      ["a wrong GS1 check digit (EAN-13)", "4006381333932"],
      ["a wrong GS1 check digit (UPC-A)", "036000291453"],
      ["8 digits", "96385074"],
      ["14 digits", "40063813339310"],
      ["letters", "40063813339A1"],
      ["a barcode of another product of the brand", "taken"],
      ["the barcode of another size of the same product", "sibling"],
    ])("addVariant and updateVariant refuse %s", async (_l, code) => {
      const barcode = code === "taken" ? taken : code === "sibling" ? product.variants[1].barcode : code;
      const before = await run(product.id);
      expect((await s.admin.fails(ADD, { p: product.id, size: "L", b: barcode })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "barcode" });
      expect((await s.admin.fails(UPDATE, { i: { id: product.variants[0].id, barcode, size: "XS" } })).extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "barcode",
      });
      expect(await run(product.id)).toEqual(before);
    });

    it("unknown and malformed ids", async () => {
      expect((await s.admin.fails(ADD, { p: "999999", size: "L" })).extensions).toMatchObject({ code: "NOT_FOUND", field: "productId" });
      expect((await s.admin.fails(ADD, { p: "p-1", size: "L" })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "productId" });
      expect((await s.admin.fails(UPDATE, { i: { id: "999999", size: "L" } })).extensions?.code).toBe("NOT_FOUND");
      expect((await s.admin.fails(`{ variant(id: "999999") { id } }`)).extensions?.code).toBe("NOT_FOUND");
      expect((await s.admin.fails(`{ variant(id: "0") { id } }`)).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
      expect((await s.admin.fails(`mutation { deactivateVariant(id: "999999") { id } }`)).extensions?.code).toBe("NOT_FOUND");
    });
  });

  it("a deactivated variant stays in the size run, marked inactive", async () => {
    const p = await createProduct(s.admin, { sizes: [{ size: "S" }, { size: "M" }] });
    await s.admin.ok(`mutation($id: ID!) { deactivateVariant(id: $id) { id } }`, { id: p.variants[0].id });
    expect((await run(p.id)).variants.map((v: any) => [v.size, v.active])).toEqual([
      ["S", false],
      ["M", true],
    ]);
  });

  it("concurrent addVariant and moves keep the size run gap- and tie-free", async () => {
    const p = await createProduct(s.admin, { sizes: [{ size: "S" }, { size: "M" }] });
    const added = await Promise.all(["A", "B", "C", "D"].map((size) => s.admin.ok(ADD, { p: p.id, size })));
    expect(added.map((r) => r.addVariant.position).sort()).toEqual([2, 3, 4, 5]);
    await Promise.all([s.admin.ok(UPDATE, { i: { id: p.variants[0].id, position: 5 } }), s.admin.ok(ADD, { p: p.id, size: "E" })]);
    const read = (await run(p.id)).variants.map((v: any) => v.position);
    expect(read).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
