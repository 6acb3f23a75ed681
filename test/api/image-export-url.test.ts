import sharp from "sharp";
import { startTestServer, TestServer } from "../harness/test-server";
import { ATTACH, createProduct, dataUrl, png } from "./images-fixtures";
import { scopeFor } from "../harness/scope";
import { JOOR_IMAGE_RULE } from "../../plugins/joor/mapping/image-rule";

/**
 * Export renditions: a stable public URL per stored image that serves it at an export size a plugin declared
 * (`exportSizes`; here the default JOOR plugin's 660x900), fetched by platforms.
 */
describe("image export rendition URL", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.stop());

  it("serves a stored image as a JPEG at the 660×900 ratio, at most 1320×1800, the same bytes every time", async () => {
    const product = await createProduct(s, "EXP1");
    const res = await s.admin.ok(ATTACH, { p: String(product.id), pos: 1, url: dataUrl(await png(3000, 2000)) });
    const image = await s.app.services.images.get(scopeFor(s.app, s.brandId), Number(res.attachProductImage.id));
    const url = s.app.services.images.exportUrl(image, JOOR_IMAGE_RULE);
    expect(url).toBe(`${s.url}/media/export/660x900/${image.storageKey.replace(/\.png$/, "")}.jpg`);
    const first = Buffer.from(await (await fetch(url)).arrayBuffer());
    const meta = await sharp(first).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.width! / meta.height!).toBeCloseTo(660 / 900, 5);
    expect(meta.width!).toBeLessThanOrEqual(1320);
    expect(meta.height!).toBeLessThanOrEqual(1800);
    const second = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(second.equals(first)).toBe(true);
  });

  it("refuses a URL for a rule no plugin declared", async () => {
    const image = { storageKey: "brand-1/product-1/x.png" };
    expect(() => s.app.services.images.exportUrl(image, { ratioWidth: 1, ratioHeight: 1, maxWidth: 10, maxHeight: 10 })).toThrow(/exportSizes/);
  });

  it("answers 404 for an unknown rule, a malformed key or an image that does not exist", async () => {
    const fake = "0".repeat(64);
    for (const path of [
      `/media/export/999x1/brand-1/product-1/${fake}.jpg`,
      `/media/export/660x900/../../etc/passwd`,
      `/media/export/660x900/brand-1/product-1/${fake}.jpg`,
    ]) {
      expect((await fetch(`${s.url}${path}`)).status).toBe(404);
    }
  });
});
