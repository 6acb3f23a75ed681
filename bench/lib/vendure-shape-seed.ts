import { DataSource, EntityManager } from "typeorm";
import { withCheckDigit } from "../../src/domain/barcode";

export const VENDURE_SIZES = ["XS", "S", "M", "L", "XL", "XXL"];

/**
 * Vendure's own benchmark shape: N products × 6 sizes, one season with one price per product and one stock
 * level per variant. Plain multi-row INSERTs in one transaction (an ORM would take minutes at 100k products).
 */
export async function seedVendureShape(ds: DataSource, brandId: number, products: number): Promise<{ products: number; variants: number }> {
  const insert = async (m: EntityManager, table: string, columns: string[], rows: unknown[][]) => {
    const perStatement = Math.floor(30_000 / columns.length);
    const cols = columns.map((c) => ds.driver.escape(c)).join(", ");
    const row = `(${columns.map(() => "?").join(", ")})`;
    for (let i = 0; i < rows.length; i += perStatement) {
      const chunk = rows.slice(i, i + perStatement);
      await m.query(`INSERT INTO ${ds.driver.escape(table)} (${cols}) VALUES ${chunk.map(() => row).join(", ")}`, chunk.flat());
    }
  };
  const [{ id: first }] = (await ds.query("SELECT COALESCE(MAX(id), 0) AS id FROM product")) as { id: number }[];
  const [{ id: firstVariant }] = (await ds.query("SELECT COALESCE(MAX(id), 0) AS id FROM variant")) as { id: number }[];
  await ds.query(`INSERT INTO season (brandId, name, code, startDate, active) VALUES (?, ?, ?, ?, ?)`, [brandId, "SPRING/SUMMER 27", "SS27", "2026-08-01", 1]);
  const [{ id: seasonId }] = (await ds.query("SELECT MAX(id) AS id FROM season WHERE brandId = ?", [brandId])) as { id: number }[];
  const BATCH = 10_000;
  for (let start = 0; start < products; start += BATCH) {
    const n = Math.min(BATCH, products - start);
    const p: unknown[][] = [],
      v: unknown[][] = [],
      ps: unknown[][] = [],
      sp: unknown[][] = [],
      st: unknown[][] = [];
    for (let i = 0; i < n; i++) {
      const k = start + i;
      const productId = Number(first) + k + 1;
      p.push([productId, brandId, `VS${String(k).padStart(6, "0")}`, "BLK", "Black", `Product ${k}`, 1]);
      ps.push([brandId, productId, seasonId]);
      sp.push([brandId, productId, seasonId, "EUR", (20 + (k % 180)).toFixed(4), ((20 + (k % 180)) * 2.4).toFixed(4)]);
      VENDURE_SIZES.forEach((size, position) => {
        const variantId = Number(firstVariant) + k * VENDURE_SIZES.length + position + 1;
        v.push([variantId, brandId, productId, size, position, withCheckDigit(`50${String(k * VENDURE_SIZES.length + position).padStart(10, "0")}`), 1]);
        st.push([brandId, variantId, seasonId, (k + position) % 50, 0]);
      });
    }
    await ds.transaction(async (m) => {
      await insert(m, "product", ["id", "brandId", "styleNumber", "colourCode", "colourName", "name", "active"], p);
      await insert(m, "variant", ["id", "brandId", "productId", "size", "position", "barcode", "active"], v);
      await insert(m, "product_season", ["brandId", "productId", "seasonId"], ps);
      await insert(m, "season_price", ["brandId", "productId", "seasonId", "currency", "wholesale", "retail"], sp);
      await insert(m, "stock_level", ["brandId", "variantId", "seasonId", "availableToSell", "projected"], st);
    });
  }
  return { products, variants: products * VENDURE_SIZES.length };
}
