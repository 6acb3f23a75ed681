import { startTestServer, TestServer } from "../harness/test-server";
import { ATTACH, createProduct, dataUrl, png } from "../api/images-fixtures";

describe("media storage serves only files, and no media request can stop the server", () => {
  let s: TestServer;
  let imageUrl: string;
  let productId: number;
  beforeAll(async () => {
    s = await startTestServer();
    const product = await createProduct(s, "MEDIA-1");
    productId = product.id;
    const res = await s.admin.ok(ATTACH, { p: String(product.id), pos: 1, url: dataUrl(await png(40, 50)) });
    imageUrl = res.attachProductImage.url;
  });
  afterAll(async () => s.stop());

  it("answers 404 for a directory of the media store and stays up", async () => {
    for (const dir of [`brand-${s.brandId}`, `brand-${s.brandId}/product-${productId}`, `brand-${s.brandId}/`, ""]) {
      const res = await fetch(`${s.url}/media/${dir}`);
      expect({ dir, status: res.status }).toEqual({ dir, status: 404 });
      await res.arrayBuffer();
    }
    const health = await fetch(`${s.url}/health`);
    expect(health.status).toBe(200);
  });

  it("answers 404 for paths that leave the media directory", async () => {
    for (const key of ["..%2F..%2Fetc%2Fpasswd", "%2E%2E/%2E%2E/etc/passwd"]) {
      const res = await fetch(`${s.url}/media/${key}`);
      expect(res.status).toBe(404);
      await res.arrayBuffer();
    }
  });

  it("serves a stored file with nosniff and its real content type, and never sends x-powered-by", async () => {
    const res = await fetch(imageUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-powered-by")).toBeNull();
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    const gql = await fetch(`${s.url}/health`);
    expect(gql.headers.get("x-powered-by")).toBeNull();
  });
});
