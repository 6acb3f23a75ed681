import http from "node:http";
import { AddressInfo } from "node:net";
import { Product } from "../../src/entities/product.entity";
import { FETCH_FAILED_MESSAGE } from "../../src/modules/images/image-source";
import { startTestServer, TestServer } from "../harness/test-server";
import { ATTACH, createProduct, ImageHost, png, startImageHost, storedState } from "../api/images-fixtures";

/** A server on another loopback address that redirects every request to `target`. */
async function redirector(host: string, target: string): Promise<{ url: string; hits: () => number; close(): Promise<void> }> {
  let hits = 0;
  const server = http.createServer((_req, res) => {
    hits++;
    res.writeHead(302, { location: target }).end();
  });
  await new Promise<void>((r) => server.listen(0, host, r));
  return { url: `http://${host}:${(server.address() as AddressInfo).port}`, hits: () => hits, close: () => new Promise((r) => server.close(() => r())) };
}

describe("image URLs cannot reach loopback, private, link-local or metadata addresses (SSRF)", () => {
  let s: TestServer;
  let product: Product;
  let host: ImageHost;
  let port: string;
  beforeAll(async () => {
    s = await startTestServer();
    product = await createProduct(s, "SSRF1");
    host = await startImageHost({ "/photo.jpg": { data: await png(20, 20), type: "image/png" } });
    port = new URL(host.url).port;
  });
  afterAll(async () => {
    await host.close();
    await s.stop();
  });

  async function refused(url: string) {
    const before = await storedState(s);
    const res = await s.admin.request(ATTACH, { p: String(product.id), pos: 1, url });
    expect({ url, ext: res.errors?.[0]?.extensions }).toMatchObject({ url, ext: { code: "BAD_USER_INPUT", field: "url" } });
    expect(await storedState(s)).toEqual(before);
    return res.errors![0].message;
  }

  it.each([
    ["127.0.0.1", () => `http://127.0.0.1:${port}/photo.jpg`],
    ["localhost (resolved by DNS)", () => `http://localhost:${port}/photo.jpg`],
    ["an IPv4-mapped IPv6 loopback", () => `http://[::ffff:127.0.0.1]:${port}/photo.jpg`],
    ["a decimal IPv4 loopback", () => `http://2130706433:${port}/photo.jpg`],
    ["another loopback address", () => `http://127.1.2.3:${port}/photo.jpg`],
    ["IPv6 loopback", () => `http://[::1]:${port}/photo.jpg`],
    ["the unspecified address", () => `http://0.0.0.0:${port}/photo.jpg`],
    ["the cloud metadata address", () => "http://169.254.169.254/latest/meta-data/"],
    ["a private address (10/8)", () => "http://10.1.2.3/a.png"],
    ["a private address (192.168/16)", () => "https://192.168.0.10/a.png"],
    ["an IPv6 unique-local address", () => "http://[fd00::1]/a.png"],
  ])("refuses %s with the neutral message", async (_label, url) => {
    expect(await refused(url())).toBe(FETCH_FAILED_MESSAGE);
  });

  it("does not tell an open port from a closed one", async () => {
    const open = await refused(`http://127.0.0.1:${port}/photo.jpg`);
    const closed = await refused("http://127.0.0.1:1/photo.jpg");
    const unknownHost = await refused("http://no-such-host.invalid/photo.jpg");
    expect(new Set([open, closed, unknownHost])).toEqual(new Set([FETCH_FAILED_MESSAGE]));
  });
});

describe("image URLs: the allow-list and redirects", () => {
  let s: TestServer;
  let product: Product;
  let host: ImageHost;
  beforeAll(async () => {
    // Only 127.0.0.2 is allowed: a host there may serve images, but may not send the fetch on to 127.0.0.1.
    s = await startTestServer({ imageFetchAllow: ["127.0.0.2/32"] });
    product = await createProduct(s, "SSRF2");
    host = await startImageHost({ "/photo.jpg": { data: await png(20, 20), type: "image/png" } });
  });
  afterAll(async () => {
    await host.close();
    await s.stop();
  });

  it("an allowed address can serve images (and redirect to another path on itself)", async () => {
    const inner = http.createServer(async (req, res) => {
      if (req.url === "/go") return void res.writeHead(302, { location: "/img.png" }).end();
      const data = await png(12, 12);
      res.writeHead(200, { "content-type": "image/png", "content-length": String(data.length) }).end(data);
    });
    await new Promise<void>((r) => inner.listen(0, "127.0.0.2", r));
    const url = `http://127.0.0.2:${(inner.address() as AddressInfo).port}/go`;
    const res = await s.admin.ok(ATTACH, { p: String(product.id), pos: 2, url });
    expect(res.attachProductImage).toMatchObject({ width: 12, height: 12 });
    await new Promise<void>((r) => inner.close(() => r()));
  });

  it("a redirect from an allowed host to a refused address is refused", async () => {
    const r = await redirector("127.0.0.2", `${host.url}/photo.jpg`);
    const res = await s.admin.request(ATTACH, { p: String(product.id), pos: 1, url: `${r.url}/x` });
    expect(r.hits()).toBe(1);
    expect(res.errors?.[0]).toMatchObject({ message: FETCH_FAILED_MESSAGE, extensions: { code: "BAD_USER_INPUT", field: "url" } });
    await r.close();
  });

  it("a redirect to a non-http scheme is refused", async () => {
    const r = await redirector("127.0.0.2", "file:///etc/passwd");
    const res = await s.admin.request(ATTACH, { p: String(product.id), pos: 1, url: `${r.url}/x` });
    expect(res.errors?.[0]?.message).toBe(FETCH_FAILED_MESSAGE);
    await r.close();
  });

  it("an endless redirect loop is refused", async () => {
    const r = await redirector("127.0.0.2", "/again");
    const res = await s.admin.request(ATTACH, { p: String(product.id), pos: 1, url: `${r.url}/x` });
    expect(res.errors?.[0]?.message).toBe(FETCH_FAILED_MESSAGE);
    expect(r.hits()).toBeLessThanOrEqual(5);
    await r.close();
  });

  it("the schema says which URLs are fetched", async () => {
    const { __type } = await s.admin.ok(`{ __type(name: "Mutation") { fields { name description } } }`);
    const field = __type.fields.find((f: { name: string }) => f.name === "attachProductImage");
    expect(field.description).toMatch(/http:/);
    expect(field.description).toMatch(/public addresses/);
  });
});

describe("SELVEDGE_IMAGE_FETCH_ALLOW is validated at start", () => {
  it("refuses an entry that is not an IP or CIDR range", () => {
    const { loadConfig } = jest.requireActual("../../src/config/config") as typeof import("../../src/config/config");
    expect(() => loadConfig({ SELVEDGE_IMAGE_FETCH_ALLOW: "127.0.0.1, intranet.local" })).toThrow(/SELVEDGE_IMAGE_FETCH_ALLOW/);
    expect(loadConfig({ SELVEDGE_IMAGE_FETCH_ALLOW: "127.0.0.1, 10.0.0.0/8, ::1" }).imageFetchAllow).toEqual(["127.0.0.1", "10.0.0.0/8", "::1"]);
  });
});
