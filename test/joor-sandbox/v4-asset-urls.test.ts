import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import type { JoorSandbox } from "../../plugins/joor/sandbox";
import { Client, pushStyle, start } from "./helpers";

describe("JOOR sandbox: asset source_urls must be fetchable by JOOR unless the sandbox runs permissive", () => {
  let sb: JoorSandbox;
  let c: Client;
  let images: Server;
  let port = 0;
  let pngData = "";
  beforeAll(async () => {
    ({ sb, c } = await start());
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#000" } })
      .png()
      .toBuffer();
    pngData = `data:image/png;base64,${png.toString("base64")}`;
    images = createServer((_req, res) => res.writeHead(200, { "content-type": "image/png" }).end(png));
    await new Promise<void>((r) => images.listen(0, "127.0.0.1", r));
    port = (images.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await sb.close();
    await new Promise((r) => images.close(r));
  });

  it("refuses data: URLs and loopback, localhost and private hosts by default", async () => {
    const s = await pushStyle(c, "URLS", [["Red", "RED"]], ["M"]);
    const item = (filename: string, source_url: string) => ({ product: { id: s.productId }, asset: { type: "image", filename, source_url } });
    const r = await c.v4("POST", "/assets/products", [
      item("a.png", pngData),
      item("b.png", `http://127.0.0.1:${port}/b.png`),
      item("c.png", `http://localhost:${port}/c.png`),
      item("d.png", "http://10.1.2.3/d.png"),
      item("e.png", "http://[::1]:9/e.png"),
      item("f.png", "http://192.168.0.10/f.png"),
    ]);
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: any) => [e.details.index, e.status])).toEqual([0, 1, 2, 3, 4, 5].map((i) => [i, "INVALID_ASSET"]));
    expect(r.body.errors[0].message).toContain("permissiveAssets");
    expect(r.body.errors[1].message).toContain("not a public address");
    expect((await c.admin("GET", `/images?product_id=${s.productId}`)).body.total).toBe(0);
  });

  it("accepts them when started with permissiveAssets (the opt-in tests and local use need)", async () => {
    const p = await start({ permissiveAssets: true });
    try {
      const s = await pushStyle(p.c, "URLS-OK", [["Red", "RED"]], ["M"]);
      const r = await p.c.v4("POST", "/assets/products", [
        { product: { id: s.productId }, asset: { type: "image", filename: "a.png", source_url: pngData } },
        { product: { id: s.productId }, asset: { type: "image", filename: "b.png", source_url: `http://127.0.0.1:${port}/b.png` } },
      ]);
      expect(r.body.errors).toEqual([]);
      expect(r.body.data.map((a: any) => [a.width, a.content_type])).toEqual([
        [10, "image/png"],
        [10, "image/png"],
      ]);
    } finally {
      await p.sb.close();
    }
  });
});
