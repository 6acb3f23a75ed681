import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { AddressInfo } from "node:net";
import sharp from "sharp";
import { Product } from "../../src/entities/product.entity";
import { ProductImage } from "../../src/entities/product-image.entity";
import { startTestServer, TestServer } from "../harness/test-server";

const ATTACH = `mutation($p: ID!, $pos: Int!, $file: Upload, $url: String) {
  attachProductImage(productId: $p, position: $pos, file: $file, url: $url) { id position width height contentType byteSize checksum url } }`;

const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } }).png().toBuffer();
const dataUrl = (buf: Buffer, type = "image/png") => `data:${type};base64,${buf.toString("base64")}`;

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
}

describe("product images", () => {
  let s: TestServer;
  let product: Product;
  let server: http.Server;
  let fileUrl: string;
  beforeAll(async () => {
    s = await startTestServer();
    product = await s.app.ds.getRepository(Product).save({ brandId: s.brandId, styleNumber: "IMG1", colourCode: "BLK", colourName: "Black", name: "Imaged", active: true });
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#336699" } }).jpeg().toBuffer();
    server = http.createServer((req, res) => {
      if (req.url === "/photo.jpg") res.writeHead(200, { "content-type": "image/jpeg" }).end(jpeg);
      else if (req.url === "/text") res.writeHead(200, { "content-type": "text/plain" }).end("hello, not an image");
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    fileUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await s.stop();
  });

  async function upload(token: string, buf: Buffer, filename: string, position = 2) {
    const form = new FormData();
    form.append("operations", JSON.stringify({ query: ATTACH, variables: { p: String(product.id), pos: position, file: null } }));
    form.append("map", JSON.stringify({ "0": ["variables.file"] }));
    form.append("0", new Blob([new Uint8Array(buf)]), filename);
    const res = await fetch(`${s.url}/graphql`, { method: "POST", headers: { authorization: `Bearer ${token}`, "apollo-require-preflight": "true" }, body: form });
    return (await res.json()) as { data?: any; errors?: any[] };
  }

  it("attaches an uploaded file (GraphQL multipart) and serves it back under its URL", async () => {
    const buf = await png(330, 450);
    const res = await upload(s.admin.token!, buf, "front.png");
    expect(res.errors).toBeUndefined();
    const image = res.data.attachProductImage;
    expect(image).toMatchObject({ position: 2, width: 330, height: 450, contentType: "image/png", byteSize: buf.length });
    const served = await fetch(image.url);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await served.arrayBuffer()).equals(buf)).toBe(true);
  });

  it("attaches from a data: URL and from an http URL, recording the real size and type", async () => {
    const fromData = await s.admin.ok(ATTACH, { p: String(product.id), pos: 1, url: dataUrl(await png(660, 900)) });
    expect(fromData.attachProductImage).toMatchObject({ position: 1, width: 660, height: 900, contentType: "image/png" });
    const fromHttp = await s.admin.ok(ATTACH, { p: String(product.id), pos: 3, url: `${fileUrl}/photo.jpg` });
    expect(fromHttp.attachProductImage).toMatchObject({ position: 3, width: 800, height: 600, contentType: "image/jpeg" });
    const { product: read } = await s.admin.ok(`query($id: ID!) { product(id: $id) { images { position width } } }`, { id: String(product.id) });
    expect(read.images.map((i: any) => i.position)).toEqual([1, 2, 3]);
  });

  it("replacing Image 1 keeps one row at that position and deletes the old file", async () => {
    const first = await s.admin.ok(ATTACH, { p: String(product.id), pos: 1, url: dataUrl(await png(100, 100)) });
    const oldKey = (await s.app.ds.getRepository(ProductImage).findOneByOrFail({ id: Number(first.attachProductImage.id) })).storageKey;
    const second = await s.admin.ok(ATTACH, { p: String(product.id), pos: 1, url: dataUrl(await png(120, 100)) });
    expect(second.attachProductImage.id).toBe(first.attachProductImage.id);
    expect(second.attachProductImage.width).toBe(120);
    expect(fs.existsSync(path.join(s.app.config.mediaDir, oldKey))).toBe(false);
    expect((await fetch(first.attachProductImage.url)).status).toBe(404);
  });

  it("renders Image 1 for export at the 660x900 ratio, at most 1320x1800", async () => {
    const { attachProductImage } = await s.admin.ok(ATTACH, { p: String(product.id), pos: 5, url: dataUrl(await png(3000, 1000)) });
    const out = await s.app.services.images.renderForExport(s.brandId, Number(attachProductImage.id));
    expect({ width: out.width, height: out.height }).toEqual({ width: 1320, height: 1800 });
    const meta = await sharp(out.data).metadata();
    expect({ w: meta.width, h: meta.height, f: meta.format }).toEqual({ w: 1320, h: 1800, f: "jpeg" });
  });

  describe("bad input is refused and nothing is stored", () => {
    const snapshot = async () => ({ rows: await s.app.ds.getRepository(ProductImage).count(), files: listFiles(s.app.config.mediaDir).length });

    it.each([
      ["neither file nor url", async () => ({ pos: 4 }), "file"],
      ["not an image", async () => ({ pos: 4, url: `data:text/plain;base64,${Buffer.from("hello").toString("base64")}` }), "url"],
      ["unsupported image type (GIF)", async () => ({ pos: 4, url: dataUrl(await sharp({ create: { width: 10, height: 10, channels: 3, background: "#000" } }).gif().toBuffer(), "image/gif") }), "url"],
      ["truncated image", async () => ({ pos: 4, url: dataUrl((await sharp({ create: { width: 400, height: 400, channels: 3, background: "#123" } }).jpeg().toBuffer()).subarray(0, 300)) }), "url"],
      ["a URL scheme that is not http(s) or data", async () => ({ pos: 4, url: "file:///etc/passwd" }), "url"],
      ["an unreachable URL", async () => ({ pos: 4, url: "http://127.0.0.1:1/none.jpg" }), "url"],
      ["an HTTP error", async () => ({ pos: 4, url: `${fileUrl}/missing.jpg` }), "url"],
      ["a text response", async () => ({ pos: 4, url: `${fileUrl}/text` }), "url"],
      ["position out of range", async () => ({ pos: 21, url: dataUrl(await png(10, 10)) }), "position"],
    ])("%s", async (_label, vars, field) => {
      const before = await snapshot();
      const err = await s.admin.fails(ATTACH, { p: String(product.id), ...(await vars()) });
      expect(err.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(await snapshot()).toEqual(before);
    });

    it("a file larger than the limit", async () => {
      const small = await startTestServer({ maxImageBytes: 1000 });
      try {
        const p = await small.app.ds.getRepository(Product).save({ brandId: small.brandId, styleNumber: "BIG", colourCode: "X", colourName: "X", name: "Big", active: true });
        const big = await sharp({ create: { width: 200, height: 200, channels: 3, background: "#abc" }, }).png({ compressionLevel: 0 }).toBuffer();
        const err = await small.admin.fails(ATTACH, { p: String(p.id), pos: 1, url: dataUrl(big) });
        expect(err.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "url" });
        expect(await small.app.ds.getRepository(ProductImage).count()).toBe(0);
      } finally {
        await small.stop();
      }
    });
  });

  it("roles and brand isolation: VIEWER cannot attach; another brand cannot attach, see or remove", async () => {
    const viewer = await s.clientFor("VIEWER");
    expect((await viewer.fails(ATTACH, { p: String(product.id), pos: 9, url: dataUrl(await png(10, 10)) })).extensions?.code).toBe("FORBIDDEN");
    const other = await s.otherBrand();
    const err = await other.fails(ATTACH, { p: String(product.id), pos: 9, url: dataUrl(await png(10, 10)) });
    expect(err.extensions).toMatchObject({ code: "NOT_FOUND", field: "productId" });
    const image = await s.app.ds.getRepository(ProductImage).findOneByOrFail({ productId: product.id, position: 1 });
    expect((await other.fails(`mutation($id: ID!) { removeProductImage(id: $id) }`, { id: String(image.id) })).extensions?.code).toBe("NOT_FOUND");
    expect((await other.fails(`query($id: ID!) { product(id: $id) { images { url } } }`, { id: String(product.id) })).extensions?.code).toBe("NOT_FOUND");
    expect(await s.app.ds.getRepository(ProductImage).countBy({ productId: product.id, position: 9 })).toBe(0);
    await s.admin.ok(`mutation($id: ID!) { removeProductImage(id: $id) }`, { id: String(image.id) });
    expect(await s.app.ds.getRepository(ProductImage).countBy({ id: image.id })).toBe(0);
  });
});
