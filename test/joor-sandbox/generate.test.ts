import type { JoorSandbox } from "../../plugins/joor/sandbox";
import { Client, COLOR_TRAIT_ID, SIZE_TRAIT_ID, start, trait } from "./helpers";

function gs1(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (body.charCodeAt(body.length - 1 - i) - 48) * (i % 2 === 0 ? 3 : 1);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

describe("JOOR sandbox: the catalogue generator never makes duplicate SKUs", () => {
  let sb: JoorSandbox;
  let c: Client;
  beforeAll(async () => ({ sb, c } = await start()));
  afterAll(() => sb.close());

  it("skips barcodes, style codes and SKU external ids the brand already pushed", async () => {
    // A product whose style code is the one the generator would use next, with a SKU holding the
    // generator's first barcode and an external id of the generator's pattern.
    const first = (await c.v4("POST", "/products/bulk_create", [{ name: "probe" }])).body.data[0].id;
    const clashStyle = `GEN${Number(first) + 2}`;
    const pushed = await c.v4("POST", "/products/bulk_create", [{ name: "clash", external_id: clashStyle, product_identifier: clashStyle }]);
    expect(pushed.status).toBe(200);
    const firstUpc = gs1(`7${"1".padStart(10, "0")}`);
    const skuExt = `GEN${Number(first) + 3}-1-XS`;
    const s = await c.v4("POST", "/skus/bulk_create", [
      {
        product_id: pushed.body.data[0].id,
        external_id: skuExt,
        trait_values: [trait(COLOR_TRAIT_ID, "Red", "RED"), trait(SIZE_TRAIT_ID, "XS")],
        identifiers: [{ type: "UPC", value: firstUpc }],
      },
    ]);
    expect(s.status).toBe(200);

    const gen = await c.admin("POST", "/catalogue/generate", { products: 3, colors: 12, sizes: ["XS", "S", "M"] });
    expect(gen.status).toBe(201);
    expect(gen.body.skus).toBe(3 * 12 * 3);
    const skus = (await c.admin("GET", "/skus?limit=100000")).body.items;
    expect(skus).toHaveLength(gen.body.skus + 1);
    const unique = (key: (x: any) => string) => new Set(skus.map(key)).size;
    expect(unique((x) => x.upc)).toBe(skus.length);
    expect(unique((x) => x.external_id)).toBe(skus.length);
    expect(unique((x) => `${x.product_id}|${x.trait_values[0].value}|${x.trait_values[1].value}`)).toBe(skus.length);
    const products = (await c.admin("GET", "/products?limit=1000")).body.items;
    expect(new Set(products.map((p: any) => p.external_id)).size).toBe(products.length);
    // The clashing product still owns its style code and barcode.
    expect((await c.v4("GET", `/skus?upcs=${firstUpc}`)).body.data[0].product_id).toBe(pushed.body.data[0].id);
  });

  it("refuses repeated sizes (they would be duplicate colour × size SKUs)", async () => {
    const r = await c.admin("POST", "/catalogue/generate", { products: 1, sizes: ["S", "S"] });
    expect(r.status).toBe(400);
    expect(r.body.issues[0].field).toBe("sizes");
  });
});
