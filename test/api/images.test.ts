import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { Product } from "../../src/entities/product.entity";
import { ProductImage } from "../../src/entities/product-image.entity";
import { startTestServer, TestServer } from "../harness/test-server";
import { ATTACH, createProduct, dataUrl, ImageHost, jpeg, mediaFiles, png, PRODUCT_IMAGES, REMOVE, startImageHost, uploadRequest } from "./images-fixtures";
import { scopeFor } from "../harness/scope";
import type { ExportSizeRule } from "../../src/domain/image-export-size";

/** A connector's portrait rule (the core has none of its own; JOOR declares this one). */
const PORTRAIT: ExportSizeRule = { ratioWidth: 660, ratioHeight: 900, maxWidth: 1320, maxHeight: 1800 };

const sha256 = (buf: Buffer) => createHash("sha256").update(buf).digest("hex");

describe("product images", () => {
  let s: TestServer;
  let product: Product;
  let host: ImageHost;
  let photo: Buffer;
  let webp: Buffer;
  beforeAll(async () => {
    s = await startTestServer({ imageFetchAllow: ["127.0.0.1"] });
    product = await createProduct(s, "IMG1");
    photo = await jpeg(800, 600);
    webp = await sharp({ create: { width: 40, height: 50, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.5 } } })
      .webp()
      .toBuffer();
    host = await startImageHost({ "/photo.jpg": { data: photo, type: "image/jpeg" }, "/leaf.webp": { data: webp, type: "application/octet-stream" } });
  });
  afterAll(async () => {
    await host.close();
    await s.stop();
  });

  const keyOf = async (id: string) => (await s.app.ds.getRepository(ProductImage).findOneByOrFail({ id: Number(id) })).storageKey;

  it("attaches an uploaded file (GraphQL multipart) and serves the same bytes under its URL", async () => {
    const buf = await png(330, 450);
    const res = await uploadRequest(s, s.admin.token, { p: String(product.id), pos: 2 }, { data: buf, name: "front.png", type: "image/png" });
    expect(res.errors).toBeUndefined();
    const image = res.data.attachProductImage;
    expect(image).toMatchObject({ position: 2, width: 330, height: 450, contentType: "image/png", byteSize: buf.length, checksum: sha256(buf) });
    expect(image.url).toBe(`${s.url}/media/brand-${s.brandId}/product-${product.id}/${sha256(buf)}.png`);
    const served = await fetch(image.url);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await served.arrayBuffer()).equals(buf)).toBe(true);
    expect(fs.existsSync(path.join(s.app.config.mediaDir, await keyOf(image.id)))).toBe(true);
  });

  it("records the real type, not the declared one: a JPEG uploaded as photo.png is a JPEG", async () => {
    const res = await uploadRequest(s, s.admin.token, { p: String(product.id), pos: 6 }, { data: photo, name: "photo.png", type: "image/png" });
    expect(res.data.attachProductImage).toMatchObject({ contentType: "image/jpeg", width: 800, height: 600 });
    expect(res.data.attachProductImage.url).toMatch(/\.jpg$/);
    await s.admin.ok(REMOVE, { id: res.data.attachProductImage.id });
  });

  it("attaches from a data: URL (base64 or %-encoded)", async () => {
    const buf = await png(660, 900);
    const { attachProductImage: a } = await s.admin.ok(ATTACH, { p: String(product.id), pos: 1, url: dataUrl(buf) });
    expect(a).toMatchObject({ position: 1, width: 660, height: 900, contentType: "image/png", byteSize: buf.length, checksum: sha256(buf) });
    expect(Buffer.from(await (await fetch(a.url)).arrayBuffer()).equals(buf)).toBe(true);

    const small = await png(3, 4, { r: 1, g: 2, b: 3 });
    const percent = `data:image/png,${[...small].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("")}`;
    const { attachProductImage: b } = await s.admin.ok(ATTACH, { p: String(product.id), pos: 7, url: percent });
    expect(b).toMatchObject({ width: 3, height: 4, checksum: sha256(small) });
    await s.admin.ok(REMOVE, { id: b.id });
  });

  it("attaches from an http URL (also through a redirect, whatever content-type the host declares)", async () => {
    const { attachProductImage: a } = await s.admin.ok(ATTACH, { p: String(product.id), pos: 3, url: `${host.url}/photo.jpg` });
    expect(a).toMatchObject({ position: 3, width: 800, height: 600, contentType: "image/jpeg", byteSize: photo.length, checksum: sha256(photo) });
    const served = await fetch(a.url);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await served.arrayBuffer()).equals(photo)).toBe(true);

    const { attachProductImage: b } = await s.admin.ok(ATTACH, { p: String(product.id), pos: 4, url: `${host.url}/redirect` });
    expect(b).toMatchObject({ contentType: "image/jpeg", checksum: sha256(photo) });
    const { attachProductImage: c } = await s.admin.ok(ATTACH, { p: String(product.id), pos: 5, url: `${host.url}/leaf.webp` });
    expect(c).toMatchObject({ contentType: "image/webp", width: 40, height: 50 });
    expect((await fetch(c.url)).headers.get("content-type")).toBe("image/webp");
  });

  it("Product.images lists a product's images by position", async () => {
    const { product: read } = await s.admin.ok(PRODUCT_IMAGES, { id: String(product.id) });
    expect(read.images.map((i: { position: number }) => i.position)).toEqual([1, 2, 3, 4, 5]);
    const other = await createProduct(s, "IMG-NONE");
    expect((await s.admin.ok(PRODUCT_IMAGES, { id: String(other.id) })).product.images).toEqual([]);
  });

  it("the same file at two positions is stored once; removing one keeps the file for the other", async () => {
    const { product: read } = await s.admin.ok(PRODUCT_IMAGES, { id: String(product.id) });
    const [three, four] = [read.images[2], read.images[3]];
    expect(three.url).toBe(four.url);
    await s.admin.ok(REMOVE, { id: four.id });
    expect((await fetch(three.url)).status).toBe(200);
    expect(await s.app.ds.getRepository(ProductImage).countBy({ id: Number(four.id) })).toBe(0);
  });

  it("replacing Image 1 keeps one row at that position and deletes the old file", async () => {
    const first = (await s.admin.ok(ATTACH, { p: String(product.id), pos: 1, url: dataUrl(await png(100, 100)) })).attachProductImage;
    const oldKey = await keyOf(first.id);
    const replacement = await png(120, 100);
    const res = await uploadRequest(s, s.admin.token, { p: String(product.id), pos: 1 }, { data: replacement, name: "new.png" });
    const second = res.data.attachProductImage;
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ width: 120, height: 100, checksum: sha256(replacement) });
    expect(await s.app.ds.getRepository(ProductImage).countBy({ productId: product.id, position: 1 })).toBe(1);
    expect(fs.existsSync(path.join(s.app.config.mediaDir, oldKey))).toBe(false);
    expect((await fetch(first.url)).status).toBe(404);
    expect((await fetch(second.url)).status).toBe(200);
  });

  it("attaching the same file again at its position changes nothing", async () => {
    const buf = await png(50, 60);
    const a = (await s.admin.ok(ATTACH, { p: String(product.id), pos: 8, url: dataUrl(buf) })).attachProductImage;
    const b = (await s.admin.ok(ATTACH, { p: String(product.id), pos: 8, url: dataUrl(buf) })).attachProductImage;
    expect(b).toEqual(a);
    expect((await fetch(b.url)).status).toBe(200);
    await s.admin.ok(REMOVE, { id: a.id });
  });

  it("removeProductImage deletes the row and the file", async () => {
    const buf = await png(20, 30, { r: 9, g: 9, b: 9 });
    const a = (await s.admin.ok(ATTACH, { p: String(product.id), pos: 20, url: dataUrl(buf) })).attachProductImage;
    const key = await keyOf(a.id);
    expect(await s.admin.ok(REMOVE, { id: a.id })).toEqual({ removeProductImage: true });
    expect(await s.app.ds.getRepository(ProductImage).countBy({ id: Number(a.id) })).toBe(0);
    expect(mediaFiles(s)).not.toContain(key);
    expect((await fetch(a.url)).status).toBe(404);
    expect((await s.admin.fails(REMOVE, { id: a.id })).extensions?.code).toBe("NOT_FOUND");
  });

  it("two attaches to the same free position at once leave one row and no orphan file", async () => {
    const p = await createProduct(s, "RACE");
    const [x, y] = [await png(31, 31), await png(32, 32)];
    const results = await Promise.all([
      s.admin.request(ATTACH, { p: String(p.id), pos: 1, url: dataUrl(x) }),
      s.admin.request(ATTACH, { p: String(p.id), pos: 1, url: dataUrl(y) }),
    ]);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    const rows = await s.app.ds.getRepository(ProductImage).findBy({ productId: p.id });
    expect(rows).toHaveLength(1);
    expect(mediaFiles(s).filter((f) => f.startsWith(`brand-${s.brandId}/product-${p.id}/`))).toEqual([rows[0].storageKey]);
  });

  describe("renderForExport (a connector's Image 1 at its rule)", () => {
    const attach = async (pos: number, buf: Buffer) =>
      Number((await s.admin.ok(ATTACH, { p: String(product.id), pos, url: dataUrl(buf) })).attachProductImage.id);

    it("letterboxes a square picture on white at the largest 660:900 size inside it (1000x1000 -> 726x990)", async () => {
      const id = await attach(10, await png(1000, 1000, { r: 200, g: 0, b: 0 }));
      const out = await s.app.services.images.renderForExport(scopeFor(s.app, s.brandId), id, PORTRAIT);
      expect(out).toMatchObject({ width: 726, height: 990, contentType: "image/jpeg" });
      const { data, info } = await sharp(out.data).raw().toBuffer({ resolveWithObject: true });
      expect({ w: info.width, h: info.height }).toEqual({ w: 726, h: 990 });
      const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
      for (const [x, y] of [
        [363, 5],
        [363, 985],
        [0, 0],
      ])
        for (const c of pixel(x, y)) expect(c).toBeGreaterThan(245); // white bands
      const [r, g, b] = pixel(363, 495);
      expect(r).toBeGreaterThan(180);
      expect(g).toBeLessThan(40);
      expect(b).toBeLessThan(40);
    });

    it("caps a large picture at 1320x1800 and brings a small one up to 660x900; transparency becomes white", async () => {
      const big = await s.app.services.images.renderForExport(scopeFor(s.app, s.brandId), await attach(11, await jpeg(3000, 4000)), PORTRAIT);
      expect({ width: big.width, height: big.height }).toEqual({ width: 1320, height: 1800 });
      const small = await s.app.services.images.renderForExport(scopeFor(s.app, s.brandId), await attach(12, webp), PORTRAIT);
      expect({ width: small.width, height: small.height }).toEqual({ width: 660, height: 900 });
      const meta = await sharp(small.data).metadata();
      expect({ w: meta.width, h: meta.height, f: meta.format, alpha: meta.hasAlpha }).toEqual({ w: 660, h: 900, f: "jpeg", alpha: false });
    });

    it("is brand-scoped", async () => {
      const id = await attach(13, await png(10, 10));
      await expect(s.app.services.images.renderForExport(scopeFor(s.app, s.brandId + 1000), id, PORTRAIT)).rejects.toMatchObject({
        extensions: { code: "NOT_FOUND" },
      });
    });
  });
});
