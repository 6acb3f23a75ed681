import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import type { JoorSandbox } from "../../plugins/joor/sandbox";
import { Client, pushStyle, start } from "./helpers";

async function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 60 } } })
    .png()
    .toBuffer();
}

describe("JOOR sandbox: v4 price types, prices and assets", () => {
  let sb: JoorSandbox;
  let c: Client;
  let images: Server;
  let imagesUrl = "";
  let jpeg: Buffer;
  beforeAll(async () => {
    ({ sb, c } = await start({ permissiveAssets: true })); // images come from data: URLs and a server on 127.0.0.1
    jpeg = await sharp({ create: { width: 1320, height: 1800, channels: 3, background: "#336699" } })
      .jpeg()
      .toBuffer();
    images = createServer((req, res) => {
      if (req.url === "/look.jpg") {
        // Deliberately wrong Content-Type: the sandbox must report what the bytes are.
        res.writeHead(200, { "content-type": "application/octet-stream" }).end(jpeg);
      } else if (req.url === "/notes.txt") {
        res.writeHead(200, { "content-type": "text/plain" }).end("not an image");
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => images.listen(0, "127.0.0.1", r));
    imagesUrl = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await sb.close();
    await new Promise((r) => images.close(r));
  });

  it("creates prices per SKU and price type as two-decimal strings; DUPLICATED on re-create", async () => {
    const s = await pushStyle(c, "PRICE", [["Navy", "NAV"]], ["S", "M"]);
    const types = (await c.v4("GET", "/price_types")).body.data;
    const usd = types.find((t: any) => t.name === "USD-1");
    const eur = types.find((t: any) => t.name === "EUR-1");
    const r = await c.v4("POST", "/prices/bulk_create", [
      { sku_id: s.skus[0].id, price_type_id: usd.id, wholesale_value: "100.00", retail_value: "250.00" },
      { sku_id: s.skus[0].id, price_type_id: eur.id, wholesale_value: "90.50" },
      { sku_id: s.skus[1].id, price_type_id: usd.id, wholesale_value: 100 },
      { sku_id: s.skus[1].id, price_type_id: usd.id, wholesale_value: "100.5" },
      { sku_id: s.skus[1].id, price_type_id: usd.id, wholesale_value: "-1.00" },
      { sku_id: s.skus[1].id, price_type_id: "999", wholesale_value: "1.00" },
      { sku_id: "nope", price_type_id: usd.id, wholesale_value: "1.00" },
    ]);
    expect(r.status).toBe(200);
    expect(r.body.data[0]).toEqual({
      id: expect.any(String),
      sku_id: s.skus[0].id,
      price_type: { id: usd.id, name: "USD-1", currency_code: "USD", retail_currency_code: "USD" },
      wholesale_value: "100.00",
      retail_value: "250.00",
    });
    expect(r.body.data[1]).toMatchObject({ price_type: { name: "EUR-1", currency_code: "EUR" }, wholesale_value: "90.50", retail_value: null });
    expect(r.body.errors.map((e: any) => e.details.index)).toEqual([2, 3, 4, 5, 6]);
    expect(r.body.errors[0].message).toContain("two decimals");
    expect(r.body.errors[1].message).toContain("exactly two decimals");
    expect(r.body.errors[3].message).toContain("unknown price type");
    expect(r.body.errors[4].message).toContain("unknown SKU");

    const dup = await c.v4("POST", "/prices/bulk_create", [{ sku_id: s.skus[0].id, price_type_id: usd.id, wholesale_value: "1.00" }]);
    expect(dup.body.errors[0]).toEqual({ status: "DUPLICATED", message: expect.any(String), details: { index: 0, sku_id: s.skus[0].id } });

    const upd = await c.v4("POST", "/prices/bulk_update", [
      { id: r.body.data[0].id, wholesale_value: "110.00" },
      { id: "0", wholesale_value: "1.00" },
    ]);
    expect(upd.body.data[0]).toMatchObject({ wholesale_value: "110.00", retail_value: "250.00" });
    expect(upd.body.errors[0].status).toBe("NOT_FOUND");

    const got = await c.v4("GET", `/prices?sku_ids=${s.skus[0].id}`);
    expect(got.body.data.map((p: any) => [p.price_type.name, p.wholesale_value])).toEqual([
      ["USD-1", "110.00"],
      ["EUR-1", "90.50"],
    ]);
    const onlyEur = await c.v4("GET", `/prices?sku_ids=${s.skus[0].id}&price_type_ids=${eur.id}`);
    expect(onlyEur.body.data).toHaveLength(1);
    const admin = await c.admin("GET", `/prices?upc=${s.skus[0].upc}`);
    expect(admin.body.items.map((p: any) => p.upc)).toEqual([s.skus[0].upc, s.skus[0].upc]);
  });

  it("fetches a data: URL image and records its real dimensions and type", async () => {
    const s = await pushStyle(c, "IMG", [["Red", "RED"]], ["M"]);
    const dataUrl = `data:image/png;base64,${(await png(660, 900)).toString("base64")}`;
    const r = await c.v4("POST", "/assets/products", [
      { product: { id: s.productId }, asset: { type: "image", filename: "img-red.png", source_url: dataUrl }, display_order: 0 },
    ]);
    expect(r.status).toBe(200);
    expect(r.body.errors).toEqual([]);
    expect(r.body.data[0]).toMatchObject({
      product: { id: s.productId },
      type: "image",
      filename: "img-red.png",
      width: 660,
      height: 900,
      content_type: "image/png",
      display_order: 0,
    });
    const admin = await c.admin("GET", `/images?product_id=${s.productId}`);
    expect(admin.body.items[0]).toMatchObject({ width: 660, height: 900, content_type: "image/png" });
  });

  it("fetches an http URL, trusting the bytes over the Content-Type header", async () => {
    const s = await pushStyle(c, "IMG2", [["Blue", "BLU"]], ["M"]);
    const r = await c.v4("POST", "/assets/products", [
      {
        product: { id: s.productId },
        asset: { type: "image", filename: "look.jpg", source_url: `${imagesUrl}/look.jpg` },
        trait_value: { trait_id: "U0tVVHJhaXQ6U3R5bGVDb2xvcg==", external_id: "BLU" },
      },
    ]);
    expect(r.body.data[0]).toMatchObject({
      width: 1320,
      height: 1800,
      content_type: "image/jpeg",
      declared_content_type: "application/octet-stream",
      size_bytes: jpeg.length,
    });
    const skus = await c.v4("GET", `/skus?product_ids=${s.productId}`);
    expect(skus.body.data[0].trait_values[0].images).toEqual([{ id: r.body.data[0].id, url: `${imagesUrl}/look.jpg`, width: 1320, height: 1800 }]);
  });

  it("reports unreachable, non-image and badly named assets per item", async () => {
    const s = await pushStyle(c, "IMG3", [["Red", "RED"]], ["M"]);
    const item = (filename: string, source_url: string, type = "image") => ({ product: { id: s.productId }, asset: { type, filename, source_url } });
    const r = await c.v4("POST", "/assets/products", [
      item("missing.png", `${imagesUrl}/missing.png`),
      item("notes.png", `${imagesUrl}/notes.txt`),
      item("file.bmp", `${imagesUrl}/look.jpg`),
      item("ftp.png", "ftp://example.invalid/x.png"),
      item("clip.mp4", `${imagesUrl}/look.jpg`, "video"),
      { product: { id: "0" }, asset: { type: "image", filename: "x.png", source_url: `${imagesUrl}/look.jpg` } },
    ]);
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: any) => e.status)).toEqual([
      "FETCH_FAILED",
      "INVALID_ASSET",
      "VALIDATION_ERROR",
      "INVALID_ASSET",
      "FEATURE_NOT_ENABLED",
      "NOT_FOUND",
    ]);
    expect(r.body.errors[0].message).toContain("404");
  });

  it("rejects a duplicate filename unless replace_all, which replaces assets of that kind", async () => {
    const s = await pushStyle(c, "IMG4", [["Red", "RED"]], ["M"]);
    const dataUrl = `data:image/png;base64,${(await png(20, 30)).toString("base64")}`;
    const item = { product: { id: s.productId }, asset: { type: "image", filename: "a.png", source_url: dataUrl } };
    expect((await c.v4("POST", "/assets/products", [item])).status).toBe(200);
    const dup = await c.v4("POST", "/assets/products", [item]);
    expect(dup.body.errors[0].status).toBe("DUPLICATED");
    const other = {
      product: { id: s.productId },
      asset: { type: "image", filename: "b.png", source_url: `data:image/png;base64,${(await png(40, 50)).toString("base64")}` },
    };
    const replaced = await c.v4("POST", "/assets/products?replace_all=true", [other]);
    expect(replaced.body.data[0]).toMatchObject({ filename: "b.png", width: 40, height: 50 });
    const list = await c.v4("GET", `/assets/products?product_ids=${s.productId}`);
    expect(list.body.data.map((a: any) => a.filename)).toEqual(["b.png"]);
  });
});
