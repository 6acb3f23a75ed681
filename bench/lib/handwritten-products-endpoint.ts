import http from "node:http";
import { AddressInfo } from "node:net";
import { DataSource } from "typeorm";

/**
 * The P2 baseline: the same page of products with variants, stock, prices and images, fetched with
 * hand-written SQL (one query per level, IN lists) and serialised straight to JSON. No GraphQL, no auth.
 */
export async function startHandwrittenEndpoint(ds: DataSource, brandId: number): Promise<{ url: string; close(): Promise<void> }> {
  const q = (sql: string, params: unknown[]) => ds.query(sql, params) as Promise<Record<string, any>[]>;
  const inList = (n: number) => new Array(n).fill("?").join(",");
  const server = http.createServer(async (req, res) => {
    try {
      const first = Number(new URL(req.url ?? "/", "http://x").searchParams.get("first") ?? 100);
      const products = await q("SELECT id, styleNumber, colourCode, name FROM product WHERE brandId = ? ORDER BY id LIMIT ?", [brandId, first]);
      const pids = products.map((p) => p.id);
      const variants = pids.length
        ? await q(`SELECT id, productId, size, position, barcode FROM variant WHERE productId IN (${inList(pids.length)}) ORDER BY productId, position`, pids)
        : [];
      const vids = variants.map((v) => v.id);
      const stock = vids.length
        ? await q(
            `SELECT s.variantId, s.availableToSell, s.projected, d.lineStartDate FROM stock_level s JOIN variant v ON v.id = s.variantId LEFT JOIN production_docket_line d ON d.productId = v.productId AND d.seasonId = s.seasonId WHERE s.variantId IN (${inList(vids.length)})`,
            vids,
          )
        : [];
      const prices = pids.length
        ? await q(
            `SELECT p.productId, p.currency, p.wholesale, p.retail, s.name AS seasonName FROM season_price p JOIN season s ON s.id = p.seasonId WHERE p.productId IN (${inList(pids.length)})`,
            pids,
          )
        : [];
      const images = pids.length ? await q(`SELECT productId, storageKey FROM product_image WHERE productId IN (${inList(pids.length)})`, pids) : [];
      const group = <T extends Record<string, any>>(rows: T[], key: string) => {
        const m = new Map<number, T[]>();
        for (const r of rows) m.set(r[key], [...(m.get(r[key]) ?? []), r]);
        return m;
      };
      const vBy = group(variants, "productId"),
        sBy = group(stock, "variantId"),
        pBy = group(prices, "productId"),
        iBy = group(images, "productId");
      const body = JSON.stringify({
        products: products.map((p) => ({
          id: String(p.id),
          styleNumber: p.styleNumber,
          sizes: (vBy.get(p.id) ?? []).map((v) => v.size),
          variants: (vBy.get(p.id) ?? []).map((v) => ({
            barcode: v.barcode,
            stock: (sBy.get(v.id) ?? []).map((s) => ({ availableToSell: s.availableToSell, projected: s.projected, availableFrom: s.lineStartDate })),
          })),
          prices: (pBy.get(p.id) ?? []).map((x) => ({
            currency: x.currency,
            wholesale: String(x.wholesale),
            retail: x.retail === null ? null : String(x.retail),
            season: { name: x.seasonName },
          })),
          images: (iBy.get(p.id) ?? []).map((i) => ({ url: `/media/${i.storageKey}` })),
        })),
      });
      res.writeHead(200, { "content-type": "application/json" }).end(body);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
