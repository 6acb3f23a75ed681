import { Product } from "../../src/entities/product.entity";
import { GraphQLClient } from "../harness/graphql-client";
import { startTestServer, TestServer } from "../harness/test-server";
import { ATTACH, createProduct, dataUrl, png, PRODUCT_IMAGES, REMOVE, storedState, uploadRequest } from "./images-fixtures";

const PRODUCTS_IMAGES = `{ products(first: 50) { edges { node { id images { id url } } } } }`;

describe("product images: roles and brand isolation", () => {
  let s: TestServer;
  let product: Product;
  let image: { id: string; url: string };
  let other: GraphQLClient;
  let otherProductId: string;
  let otherImage: { id: string; url: string };
  let file: Buffer;
  beforeAll(async () => {
    s = await startTestServer();
    file = await png(40, 40);
    product = await createProduct(s, "ACC1");
    image = (await s.admin.ok(ATTACH, { p: String(product.id), pos: 1, url: dataUrl(file) })).attachProductImage;
    // Brand B: its own product with the very same file at the same position.
    other = await s.otherBrand();
    const otherBrandId = (await other.ok(`{ brand { id } }`)).brand.id;
    otherProductId = String((await createProduct(s, "ACC1", Number(otherBrandId))).id);
    otherImage = (await other.ok(ATTACH, { p: otherProductId, pos: 1, url: dataUrl(file) })).attachProductImage;
  });
  afterAll(() => s.stop());

  it("VIEWER reads images but cannot attach or remove (FORBIDDEN, nothing changed)", async () => {
    const viewer = await s.clientFor("VIEWER");
    expect((await viewer.ok(PRODUCT_IMAGES, { id: String(product.id) })).product.images).toEqual([expect.objectContaining({ id: image.id, url: image.url })]);
    const before = await storedState(s);
    expect((await viewer.fails(ATTACH, { p: String(product.id), pos: 2, url: dataUrl(file) })).extensions?.code).toBe("FORBIDDEN");
    expect((await uploadRequest(s, viewer.token, { p: String(product.id), pos: 2 }, { data: file, name: "a.png" })).errors?.[0].extensions?.code).toBe(
      "FORBIDDEN",
    );
    expect((await viewer.fails(REMOVE, { id: image.id })).extensions?.code).toBe("FORBIDDEN");
    expect(await storedState(s)).toEqual(before);
  });

  it("anonymous requests are UNAUTHENTICATED (nothing changed)", async () => {
    const before = await storedState(s);
    expect((await s.anonymous.fails(ATTACH, { p: String(product.id), pos: 2, url: dataUrl(file) })).extensions?.code).toBe("UNAUTHENTICATED");
    expect((await uploadRequest(s, null, { p: String(product.id), pos: 2 }, { data: file, name: "a.png" })).errors?.[0].extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
    expect((await s.anonymous.fails(REMOVE, { id: image.id })).extensions?.code).toBe("UNAUTHENTICATED");
    expect((await s.anonymous.fails(PRODUCT_IMAGES, { id: String(product.id) })).extensions?.code).toBe("UNAUTHENTICATED");
    expect(await storedState(s)).toEqual(before);
  });

  it("EDITOR attaches and removes", async () => {
    const editor = await s.clientFor("EDITOR");
    const { attachProductImage } = await editor.ok(ATTACH, { p: String(product.id), pos: 2, url: dataUrl(await png(41, 41)) });
    expect(await editor.ok(REMOVE, { id: attachProductImage.id })).toEqual({ removeProductImage: true });
  });

  it("another brand cannot see brand A's images, in a product or a list", async () => {
    expect((await other.fails(PRODUCT_IMAGES, { id: String(product.id) })).extensions?.code).toBe("NOT_FOUND");
    const { products } = await other.ok(PRODUCTS_IMAGES);
    expect(products.edges.map((e: any) => e.node.id)).toEqual([otherProductId]);
    expect(products.edges[0].node.images).toEqual([{ id: otherImage.id, url: otherImage.url }]);
    const { products: mine } = await s.admin.ok(PRODUCTS_IMAGES);
    expect(mine.edges.flatMap((e: any) => e.node.images.map((i: any) => i.id))).toEqual([image.id]);
  });

  it("the same file in two brands is two files: each brand's key is under its own prefix", async () => {
    expect(otherImage.url).not.toBe(image.url);
    expect(image.url).toContain(`/media/brand-${s.brandId}/`);
  });

  it("another brand cannot attach to, replace or remove brand A's images (NOT_FOUND, nothing changed)", async () => {
    const before = await storedState(s);
    expect((await other.fails(ATTACH, { p: String(product.id), pos: 1, url: dataUrl(await png(9, 9)) })).extensions).toMatchObject({
      code: "NOT_FOUND",
      field: "productId",
    });
    expect((await other.fails(REMOVE, { id: image.id })).extensions?.code).toBe("NOT_FOUND");
    expect(await storedState(s)).toEqual(before);
    expect((await fetch(image.url)).status).toBe(200);
  });

  it("removing brand B's copy of the same file leaves brand A's file served", async () => {
    await other.ok(REMOVE, { id: otherImage.id });
    expect((await fetch(otherImage.url)).status).toBe(404);
    expect((await fetch(image.url)).status).toBe(200);
  });
});
