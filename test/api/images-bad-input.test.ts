import { crc32 } from "node:zlib";
import sharp from "sharp";
import { Product } from "../../src/entities/product.entity";
import { fetchImageUrl } from "../../src/modules/images/image-source";
import { AddressPolicy } from "../../src/net/address-policy";
import { startTestServer, TestServer } from "../harness/test-server";
import { ATTACH, createProduct, dataUrl, ImageHost, jpeg, png, startImageHost, storedState, uploadRequest } from "./images-fixtures";

const LIMIT = 20_000;

/** A tiny PNG whose header declares width x height (a "decompression bomb" if it were decoded). */
async function pngDeclaring(width: number, height: number): Promise<Buffer> {
  const buf = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: "#fff" } })
      .png()
      .toBuffer(),
  );
  buf.writeUInt32BE(width, 16);
  buf.writeUInt32BE(height, 20);
  buf.writeUInt32BE(crc32(buf.subarray(12, 29)), 29);
  return buf;
}

describe("product images: bad input is refused with the field at fault, and nothing is stored", () => {
  let s: TestServer;
  let product: Product;
  let host: ImageHost;
  let good: Buffer;
  let tooBig: Buffer;
  let gif: Buffer;
  let truncated: Buffer;
  let bomb: Buffer;
  beforeAll(async () => {
    s = await startTestServer({ maxImageBytes: LIMIT, imageFetchAllow: ["127.0.0.1"] });
    product = await createProduct(s, "BAD1");
    good = await png(10, 10);
    tooBig = await sharp({ create: { width: 200, height: 200, channels: 3, background: "#abc" } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(tooBig.length).toBeGreaterThan(LIMIT);
    gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#000" } })
      .gif()
      .toBuffer();
    truncated = (await jpeg(400, 400)).subarray(0, 300);
    bomb = await pngDeclaring(10_000, 10_000);
    expect((await sharp(bomb).metadata()).width).toBe(10_000);
    host = await startImageHost({ "/too-big.png": { data: tooBig, type: "image/png" }, "/anim.gif": { data: gif, type: "image/gif" } }, LIMIT);
    // Existing state that a refused request must leave alone: an image at the position that is being replaced.
    await s.admin.ok(ATTACH, { p: String(product.id), pos: 1, url: dataUrl(await png(30, 40)) });
  });
  afterAll(async () => {
    await host.close();
    await s.stop();
  });

  async function expectRefused(
    run: () => Promise<{ errors?: { message: string; extensions?: Record<string, unknown> }[] }>,
    code: string,
    field: string,
    message?: RegExp,
  ) {
    const before = await storedState(s);
    const res = await run();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code, field });
    if (message) expect(res.errors?.[0]?.message).toMatch(message);
    expect(await storedState(s)).toEqual(before);
  }

  describe("by URL", () => {
    it.each([
      ["neither file nor url", () => ({}), "file"],
      ["an empty url", () => ({ url: "" }), "url"],
      ["a string that is not a URL", () => ({ url: "not a url" }), "url"],
      ["a scheme other than http(s) or data (file:)", () => ({ url: "file:///etc/passwd" }), "url"],
      ["a scheme other than http(s) or data (ftp:)", () => ({ url: "ftp://127.0.0.1/a.png" }), "url"],
      ["a malformed data: URL", () => ({ url: "data:image/png;base64" }), "url"],
      ["a data: URL with invalid base64", () => ({ url: "data:image/png;base64,@@@@" }), "url"],
      ["a data: URL with a broken %-escape", () => ({ url: "data:image/png,%E0%A4%A" }), "url"],
      ["an empty data: URL", () => ({ url: "data:image/png;base64," }), "url"],
      ["not an image", () => ({ url: `data:text/plain;base64,${Buffer.from("hello").toString("base64")}` }), "url"],
      ["an unsupported image type (GIF)", () => ({ url: dataUrl(gif, "image/gif") }), "url"],
      ["a corrupt (truncated) image", () => ({ url: dataUrl(truncated, "image/jpeg") }), "url"],
      ["a picture of more than 50 megapixels", () => ({ url: dataUrl(bomb) }), "url", /10000x10000 pixels/],
      ["a data: URL larger than the limit", () => ({ url: dataUrl(tooBig) }), "url"],
      ["an unreachable URL", () => ({ url: "http://127.0.0.1:1/none.jpg" }), "url"],
      ["an unknown host", () => ({ url: "http://no-such-host.invalid/a.jpg" }), "url"],
      ["an HTTP error (404)", () => ({ url: `${host.url}/missing.jpg` }), "url"],
      ["a text response", () => ({ url: `${host.url}/text` }), "url"],
      ["a GIF response", () => ({ url: `${host.url}/anim.gif` }), "url"],
      ["a response larger than the limit (content-length)", () => ({ url: `${host.url}/too-big.png` }), "url"],
      ["a response that declares more than the limit", () => ({ url: `${host.url}/big-declared` }), "url"],
      ["a response that streams more than the limit without a length", () => ({ url: `${host.url}/big-streamed` }), "url"],
      ["a connection dropped mid-body", () => ({ url: `${host.url}/dropped` }), "url"],
      ["position 0", () => ({ pos: 0, url: dataUrl(good) }), "position"],
      ["position 21", () => ({ pos: 21, url: dataUrl(good) }), "position"],
      ["a negative position", () => ({ pos: -1, url: dataUrl(good) }), "position"],
    ] as [string, () => Record<string, unknown>, string, RegExp?][])("%s", async (_label, vars, field, ...[message]) => {
      await expectRefused(() => s.admin.request(ATTACH, { p: String(product.id), pos: 1, ...vars() }), "BAD_USER_INPUT", field, message);
    });
  });

  describe("by upload", () => {
    it.each([
      ["not an image", () => Buffer.from("just some text"), "file"],
      ["an empty file", () => Buffer.alloc(0), "file"],
      ["an unsupported image type (GIF)", () => gif, "file"],
      ["a corrupt (truncated) image", () => truncated, "file"],
      ["a file larger than the limit", () => tooBig, "file"],
      ["a picture of more than 50 megapixels", () => bomb, "file", /10000x10000 pixels/],
    ] as [string, () => Buffer, string, RegExp?][])("%s", async (_label, data, field, ...[message]) => {
      await expectRefused(
        () => uploadRequest(s, s.admin.token, { p: String(product.id), pos: 1 }, { data: data(), name: "x.png" }),
        "BAD_USER_INPUT",
        field,
        message,
      );
    });

    it("both a file and a url", async () => {
      await expectRefused(
        () => uploadRequest(s, s.admin.token, { p: String(product.id), pos: 1, url: dataUrl(good) }, { data: good, name: "x.png" }),
        "BAD_USER_INPUT",
        "url",
      );
    });

    it("a position out of range", async () => {
      await expectRefused(
        () => uploadRequest(s, s.admin.token, { p: String(product.id), pos: 99 }, { data: good, name: "x.png" }),
        "BAD_USER_INPUT",
        "position",
      );
    });
  });

  describe("the product", () => {
    it("an unknown product (by url and by upload)", async () => {
      await expectRefused(() => s.admin.request(ATTACH, { p: "999999", pos: 1, url: dataUrl(good) }), "NOT_FOUND", "productId");
      await expectRefused(() => uploadRequest(s, s.admin.token, { p: "999999", pos: 1 }, { data: good, name: "x.png" }), "NOT_FOUND", "productId");
    });

    it("a malformed product id", async () => {
      await expectRefused(() => s.admin.request(ATTACH, { p: "abc", pos: 1, url: dataUrl(good) }), "BAD_USER_INPUT", "productId");
    });

    it("another brand's product (by url and by upload)", async () => {
      const other = await s.otherBrand();
      await expectRefused(() => other.request(ATTACH, { p: String(product.id), pos: 2, url: dataUrl(good) }), "NOT_FOUND", "productId");
      await expectRefused(() => uploadRequest(s, other.token, { p: String(product.id), pos: 2 }, { data: good, name: "x.png" }), "NOT_FOUND", "productId");
    });
  });

  it("the server still works after all that", async () => {
    const { attachProductImage } = await s.admin.ok(ATTACH, { p: String(product.id), pos: 2, url: dataUrl(good) });
    expect(attachProductImage).toMatchObject({ position: 2, width: 10, height: 10 });
  });
});

describe("fetchImageUrl", () => {
  let host: ImageHost;
  beforeAll(async () => {
    host = await startImageHost({});
  });
  afterAll(() => host.close());

  it("gives up on a host that stalls after the timeout, as BAD_USER_INPUT on url", async () => {
    const started = Date.now();
    await expect(fetchImageUrl(`${host.url}/stall`, 1_000_000, { timeoutMs: 300, policy: new AddressPolicy(["127.0.0.1"]) })).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "url" },
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("decodes base64 and %-encoded data: URLs to the exact bytes", async () => {
    const bytes = Buffer.from([0, 1, 127, 128, 200, 255]);
    expect((await fetchImageUrl(`data:application/octet-stream;base64,${bytes.toString("base64")}`, 100)).equals(bytes)).toBe(true);
    expect((await fetchImageUrl("data:,%00%01%7F%80%C8%FF", 100)).equals(bytes)).toBe(true);
    await expect(fetchImageUrl("data:,%00%01%7F%80%C8%FF", 5)).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "url" } });
  });
});
