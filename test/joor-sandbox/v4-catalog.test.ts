import type { JoorSandbox } from "../../plugins/joor/sandbox";
import { Client, COLOR_TRAIT_ID, SIZE_TRAIT_ID, pushStyle, start, trait, upc } from "./helpers";

describe("JOOR sandbox: v4 products, SKUs, traits, categories", () => {
  let sb: JoorSandbox;
  let c: Client;
  beforeAll(async () => ({ sb, c } = await start()));
  afterAll(() => sb.close());

  const sku = (productId: string, color: string, size: string, code = color.slice(0, 3).toUpperCase(), u = upc()) => ({
    product_id: productId,
    trait_values: [trait(COLOR_TRAIT_ID, color, code), trait(SIZE_TRAIT_ID, size)],
    identifiers: [{ type: "UPC", value: u }],
  });

  it("lists JOOR's fixed traits and the seeded categories; creates categories", async () => {
    const traits = (await c.v4("GET", "/traits")).body.data;
    expect(traits).toEqual(
      expect.arrayContaining([
        { id: "U0tVVHJhaXQ6U3R5bGVDb2xvcg==", name: "Color", type: "SKU" },
        { id: "U0tVVHJhaXQ6U2l6ZQ==", name: "Size", type: "SKU" },
        { id: "UHJvZHVjdFRyYWl0Ok1BVA==", name: "Materials", type: "PRODUCT" },
      ]),
    );
    const cats = (await c.v4("GET", "/categories")).body.data;
    expect(cats[0]).toEqual({ id: expect.any(String), name: "Tops", parent_name: null, department: "WOMEN" });
    const created = await c.v4("POST", "/categories/bulk_create", [
      { name: "Shirts", parent_name: "Tops", department: "MEN" },
      { name: "Tops", department: "WOMEN" },
      { name: "X", department: "ALIENS" },
    ]);
    expect(created.status).toBe(200);
    expect(created.body.data).toHaveLength(1);
    expect(created.body.errors.map((e: any) => [e.status, e.details.index])).toEqual([
      ["DUPLICATED", 1],
      ["VALIDATION_ERROR", 2],
    ]);
  });

  it("creates products, returns per-item errors, and answers DUPLICATED on re-create", async () => {
    const cat = (await c.v4("GET", "/categories")).body.data[0].id;
    const r = await c.v4("POST", "/products/bulk_create", [
      {
        name: "Oxford shirt",
        external_id: "OX-1",
        product_identifier: "OX1",
        description: "Cotton",
        order_minimum: 2,
        category_ids: [cat],
        product_trait_values: [{ trait_name: "Materials", value: "100% cotton" }],
        tags: [{ name: "fit", value: "slim" }],
      },
      { name: "No such category", external_id: "BAD-1", category_ids: ["nope"] },
      { external_id: "NONAME" },
      { name: "Extra field", colour: "red" },
    ]);
    expect(r.status).toBe(200);
    expect(r.body.data).toHaveLength(1);
    const p = r.body.data[0];
    expect(p).toMatchObject({
      name: "Oxford shirt",
      external_id: "OX-1",
      product_identifier: "OX1",
      order_minimum: 2,
      product_trait_values: [{ trait: { id: "UHJvZHVjdFRyYWl0Ok1BVA==", name: "Materials" }, value: "100% cotton", external_id: null }],
    });
    expect(r.body.errors.map((e: any) => e.details.index)).toEqual([1, 2, 3]);
    expect(r.body.errors[0].message).toContain("unknown category");
    expect(r.body.errors[1].details.issues[0].field).toBe("name");
    expect(r.body.errors[2].details.issues[0]).toEqual({ field: "colour", message: expect.stringContaining("unknown field") });

    const again = await c.v4("POST", "/products/bulk_create", [{ name: "Oxford shirt", external_id: "OX-1" }]);
    expect(again.status).toBe(400);
    expect(again.body.data).toEqual([]);
    // DUPLICATED carries only what JOOR is seen to send: no product id (clients look it up again).
    expect(again.body.errors[0]).toEqual({ status: "DUPLICATED", message: expect.any(String), details: { index: 0 } });

    const upd = await c.v4("POST", "/products/bulk_update", [
      { id: p.id, name: "Oxford shirt II" },
      { id: "0", name: "x" },
      { id: p.id, external_id: "changed" },
    ]);
    expect(upd.body.data[0].name).toBe("Oxford shirt II");
    expect(upd.body.errors.map((e: any) => e.status)).toEqual(["NOT_FOUND", "VALIDATION_ERROR"]);
    const got = await c.v4("GET", `/products?product_ids=${p.id},404`);
    expect(got.body.data.map((x: any) => x.name)).toEqual(["Oxford shirt II"]);
    expect(got.body.errors[0].status).toBe("NOT_FOUND");
  });

  it("requires exactly one Color and one Size trait value with JOOR's trait ids, and valid identifiers", async () => {
    const pid = (await c.v4("POST", "/products/bulk_create", [{ name: "Trait test", external_id: "TT" }])).body.data[0].id;
    const r = await c.v4("POST", "/skus/bulk_create", [
      { product_id: pid, trait_values: [trait(COLOR_TRAIT_ID, "Red")], identifiers: [{ type: "UPC", value: upc() }] },
      { product_id: pid, trait_values: [trait("Q29sb3I=", "Red"), trait(SIZE_TRAIT_ID, "S")] },
      { product_id: pid, trait_values: [trait(COLOR_TRAIT_ID, "Red"), trait(SIZE_TRAIT_ID, "S")], identifiers: [{ type: "ISBN", value: "123" }] },
      { product_id: pid, trait_values: [trait(COLOR_TRAIT_ID, "Red"), trait(SIZE_TRAIT_ID, "S")], identifiers: [{ type: "UPC", value: "12345" }] },
      { product_id: "missing", trait_values: [trait(COLOR_TRAIT_ID, "Red"), trait(SIZE_TRAIT_ID, "S")] },
    ]);
    expect(r.status).toBe(400);
    expect(r.body.errors).toHaveLength(5);
    expect(r.body.errors[0].message).toContain("Size trait value");
    expect(r.body.errors[1].message).toContain("SKU traits are Color");
    expect(r.body.errors[2].message).toContain("type must be one of UPC");
    expect(r.body.errors[3].message).toContain("8, 11, 12, 13 or 14 digits");
    expect(r.body.errors[4].message).toContain("unknown product");
  });

  it("accepts a full colour × size matrix and rejects an incomplete one", async () => {
    const full = await pushStyle(
      c,
      "MATRIX-OK",
      [
        ["Red", "RED"],
        ["Blue", "BLU"],
      ],
      ["S", "M", "L"],
    );
    expect(full.skus).toHaveLength(6);
    const pid = (await c.v4("POST", "/products/bulk_create", [{ name: "Holey", external_id: "HOLEY" }])).body.data[0].id;
    const r = await c.v4("POST", "/skus/bulk_create", [sku(pid, "Red", "S"), sku(pid, "Red", "M"), sku(pid, "Blue", "S")]);
    expect(r.status).toBe(400);
    expect(r.body.data).toEqual([]);
    expect(r.body.errors).toHaveLength(3);
    expect(r.body.errors[0]).toMatchObject({ status: "INCOMPLETE_MATRIX", details: { product_id: pid, missing: [{ color: "Blue", size: "M" }] } });
    // Sending the missing combination alongside completes it.
    const ok = await c.v4("POST", "/skus/bulk_create", [sku(pid, "Red", "S"), sku(pid, "Red", "M"), sku(pid, "Blue", "S"), sku(pid, "Blue", "M")]);
    expect(ok.status).toBe(200);
    expect(ok.body.data).toHaveLength(4);
    // Adding a new size later for only one colour breaks the matrix: rejected, existing SKUs untouched.
    const partial = await c.v4("POST", "/skus/bulk_create", [sku(pid, "Red", "L")]);
    expect(partial.body.errors[0].status).toBe("INCOMPLETE_MATRIX");
    expect(partial.body.errors[0].details.missing).toEqual([{ color: "Blue", size: "L" }]);
    expect((await c.v4("GET", `/skus?product_ids=${pid}`)).body.data).toHaveLength(4);
  });

  it("treats sizes as case-sensitive ('Small' ≠ 'small')", async () => {
    const pid = (await c.v4("POST", "/products/bulk_create", [{ name: "Case", external_id: "CASE" }])).body.data[0].id;
    const r = await c.v4("POST", "/skus/bulk_create", [sku(pid, "Red", "Small"), sku(pid, "Blue", "small")]);
    expect(r.body.errors[0].status).toBe("INCOMPLETE_MATRIX");
    expect(r.body.errors[0].details.sizes).toEqual(["Small", "small"]);
    expect(r.body.errors[0].details.missing).toEqual([
      { color: "Red", size: "small" },
      { color: "Blue", size: "Small" },
    ]);
    const ok = await c.v4("POST", "/skus/bulk_create", [sku(pid, "Red", "Small"), sku(pid, "Red", "small")]);
    expect(ok.body.data.map((s: any) => s.trait_values[1].value)).toEqual(["Small", "small"]);
  });

  it("answers DUPLICATED for a re-created SKU, a reused UPC or external_id", async () => {
    const s = await pushStyle(c, "DUP", [["Black", "BLK"]], ["M"]);
    const again = await c.v4("POST", "/skus/bulk_create", [
      { product_id: s.productId, trait_values: [trait(COLOR_TRAIT_ID, "Black", "BLK"), trait(SIZE_TRAIT_ID, "M")] },
    ]);
    expect(again.status).toBe(400);
    expect(again.body.errors[0]).toMatchObject({ status: "DUPLICATED", details: { sku_id: s.skus[0].id } });
    const other = await pushStyle(c, "DUP2", [["Black", "BLK"]], ["M"]);
    const reused = await c.v4("POST", "/skus/bulk_update", [{ id: other.skus[0].id, identifiers: [{ type: "UPC", value: s.skus[0].upc }] }]);
    expect(reused.body.errors[0]).toEqual({ status: "DUPLICATED", message: expect.any(String), details: { index: 0, sku_id: s.skus[0].id } });
    const ext = await c.v4("POST", "/skus/bulk_update", [{ id: other.skus[0].id, external_id: "DUP-BLK-M" }]);
    expect(ext.body.errors[0]).toEqual({ status: "DUPLICATED", message: expect.any(String), details: { index: 0, sku_id: s.skus[0].id } });
  });

  it("accepts identifier types in any case and JOOR's own 11-digit upc example, stored as sent", async () => {
    const pid = (await c.v4("POST", "/products/bulk_create", [{ name: "Case test", external_id: "UPC-CASE-11" }])).body.data[0].id;
    const r = await c.v4("POST", "/skus/bulk_create", [
      { product_id: pid, trait_values: [trait(COLOR_TRAIT_ID, "Red", "RED"), trait(SIZE_TRAIT_ID, "S")], identifiers: [{ type: "upc", value: "03338300740" }] },
      {
        product_id: pid,
        trait_values: [trait(COLOR_TRAIT_ID, "Red", "RED"), trait(SIZE_TRAIT_ID, "M")],
        identifiers: [
          { type: "Ean", value: "4006381333931" },
          { type: "mpn", value: "RED-M" },
        ],
      },
    ]);
    expect(r.status).toBe(200);
    expect(r.body.errors).toEqual([]);
    expect(r.body.data[0].identifiers).toEqual([{ type: "UPC", value: "03338300740" }]);
    // The 11-digit barcode is a key like any other: lookups, inventory and orders find the SKU by it.
    expect((await c.v4("GET", "/skus?upcs=03338300740")).body.data[0].id).toBe(r.body.data[0].id);
    const inv = await c.v2("POST", "/bulk-inventory", { inventory_items: { inventory_item: [{ upc: "03338300740", inventory: 4 }] } });
    expect(inv.body.inventory_log[0].status).toBe("pass");
  });

  it("enforces one external_id per colour within a product", async () => {
    const pid = (await c.v4("POST", "/products/bulk_create", [{ name: "Codes", external_id: "CODES" }])).body.data[0].id;
    const r = await c.v4("POST", "/skus/bulk_create", [sku(pid, "Red", "S", "RED"), sku(pid, "Red", "M", "RD")]);
    expect(r.body.errors[0].message).toContain("two external_ids");
  });

  it("updates SKUs by id and by external_id, including trait status", async () => {
    const s = await pushStyle(c, "UPD", [["Green", "GRN"]], ["S", "M"]);
    const r = await c.v4("POST", "/skus/bulk_update", [
      { id: s.skus[0].id, sku_identifier: "UPD-GRN-S", trait_values: [{ trait_id: COLOR_TRAIT_ID, value: "Green", status: "INACTIVE" }] },
    ]);
    expect(r.status).toBe(200);
    expect(r.body.data[0]).toMatchObject({ sku_identifier: "UPD-GRN-S", status: "INACTIVE" });
    expect(r.body.data[0].trait_values[0]).toMatchObject({
      trait: { id: COLOR_TRAIT_ID, name: "Color" },
      value: "Green",
      external_id: "GRN",
      status: "INACTIVE",
      order_nbr: 1,
    });
    const sibling = await c.v4("GET", `/skus?sku_ids=${s.skus[1].id}`);
    expect(sibling.body.data[0].trait_values[0].status).toBe("INACTIVE"); // the colour, not just one SKU
    const byExt = await c.v4("POST", "/skus/bulk_update_by_external_id", [{ external_id: "UPD-GRN-M", sku_identifier: "X" }, { external_id: "nope" }]);
    expect(byExt.body.data[0].sku_identifier).toBe("X");
    expect(byExt.body.errors[0].status).toBe("NOT_FOUND");
  });

  it("reads SKUs by product, id, UPC and pages the full list", async () => {
    const s = await pushStyle(c, "READ", [["Ecru", "ECR"]], ["XS", "S"]);
    const byProduct = await c.v4("GET", `/skus?product_ids=${s.productId}`);
    expect(byProduct.body.data.map((x: any) => x.id)).toEqual(s.skus.map((x) => x.id));
    expect(byProduct.body.data[0].identifiers).toEqual([{ type: "UPC", value: s.skus[0].upc }]);
    // Like a real SKU GET: no images is null, not [].
    expect(byProduct.body.data[0].trait_values.map((t: any) => t.images)).toEqual([null, null]);
    expect(byProduct.body.data[0].id).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(Buffer.from(byProduct.body.data[0].id, "base64").toString()).toMatch(new RegExp(`^0\\|${s.productId}\\|\\d+$`));
    const byUpc = await c.v4("GET", `/skus?upcs=${s.skus[1].upc}`);
    expect(byUpc.body.data[0].id).toBe(s.skus[1].id);
    const page = await c.v4("GET", "/skus?page=1&page_size=2");
    expect(page.body.data).toHaveLength(2);
    expect(page.body.meta).toMatchObject({ page: 1, page_size: 2, next_page: 2 });
    const bad = await c.v4("GET", "/skus?page_size=5000");
    expect(bad.status).toBe(400);
  });

  it("rejects non-array and oversized bulk bodies and malformed JSON", async () => {
    expect((await c.v4("POST", "/products/bulk_create", { name: "x" })).status).toBe(400);
    expect((await c.v4("POST", "/products/bulk_create", [])).status).toBe(400);
    const big = await c.v4(
      "POST",
      "/products/bulk_create",
      Array.from({ length: 1001 }, (_, i) => ({ name: `p${i}` })),
    );
    expect(big.status).toBe(413);
    expect(big.body.errors[0].status).toBe("TOO_MANY_ITEMS");
    const res = await fetch(`${sb.urls.v4}/products/bulk_create?account=${sb.accountId}`, {
      method: "POST",
      headers: { authorization: `Bearer ${c.token}`, "content-type": "application/json" },
      body: '[{"name": ',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].status).toBe("MALFORMED_JSON");
  });

  it("lets the admin read back products and SKUs with UPCs", async () => {
    const s = await pushStyle(c, "ADMIN-RB", [["Plum", "PLM"]], ["One Size"]);
    const skus = await c.admin("GET", `/skus?upc=${s.skus[0].upc}`);
    expect(skus.body.items[0]).toMatchObject({ id: s.skus[0].id, upc: s.skus[0].upc, product_identifier: "ADMIN-RB" });
    const products = await c.admin("GET", "/products?limit=1000");
    expect(products.body.items.find((p: any) => p.id === s.productId)).toMatchObject({ sku_count: 1 });
  });
});
