import { seedDemo } from "../../src/demo/seed-demo";
import { startTestServer, TestServer } from "../harness/test-server";

/** The product page with every field whose presence changes the SQL (joins, dates). */
const PAGE = `query($first: Int) { products(first: $first) { edges { node {
  id styleNumber createdAt sizes
  variants { id barcode stock { availableToSell projected availableFrom updatedAt season { name } } }
  prices { currency wholesale retail updatedAt season { name } }
  seasons { season { name } prices { currency } }
  images { url createdAt }
} } } }`;

/** Tables read per parent key on the product page: each must be reached through its parent key, never the brand. */
const CHILD_TABLES = ["variant", "stock_level", "season_price", "product_season", "product_image", "production_docket_line"];

interface Access {
  table: string;
  index: string | null;
  scan: boolean;
  sorts: boolean;
}

describe("product page query plans (the page must not slow down as the brand's catalogue grows)", () => {
  let s: TestServer;
  let statements: { sql: string; params: unknown[] }[];
  const mysql = process.env.TEST_DB === "mysql";

  beforeAll(async () => {
    s = await startTestServer({ role: "api" });
    await seedDemo(s.app.ds, s.brandId, { styles: 30, customers: 1, orders: 0, images: false });
    if (mysql) await s.app.ds.query("ANALYZE TABLE product, variant, stock_level, season_price, product_season, product_image");
    await s.admin.ok(PAGE, { first: 5 });
    s.queryCounter.reset();
    s.queryCounter.record = true;
    await s.admin.ok(PAGE, { first: 5 });
    s.queryCounter.record = false;
    statements = s.queryCounter.statements
      .map((sql, i) => ({ sql, params: s.queryCounter.parameters[i] }))
      .filter((x) => /^SELECT/i.test(x.sql) && !/api_token/.test(x.sql));
  }, 120_000);
  afterAll(async () => s.stop());

  /** Indexes whose first column is brandId, by table (from the entity metadata, so new ones are covered too). */
  const brandIndexes = () => {
    const out = new Map<string, Set<string>>();
    for (const meta of s.app.ds.entityMetadatas) {
      out.set(meta.tableName, new Set(meta.indices.filter((i) => i.columns[0]?.databaseName === "brandId").map((i) => i.name)));
    }
    return out;
  };

  /** Table accesses of a statement, from EXPLAIN QUERY PLAN (SQLite) or EXPLAIN (MariaDB/MySQL). */
  const accesses = async (sql: string, params: unknown[]): Promise<Access[]> => {
    const aliases = new Map<string, string>();
    for (const m of sql.matchAll(/(?:FROM|JOIN)\s+[`"]?(\w+)[`"]?\s+(?:AS\s+)?[`"]?(\w+)[`"]?/gi)) aliases.set(m[2], m[1]);
    const table = (alias: string) => aliases.get(alias) ?? alias;
    if (mysql) {
      const rows = (await s.app.ds.query(`EXPLAIN ${sql}`, params)) as { table: string; type: string; key: string | null; Extra: string | null }[];
      return rows.map((r) => ({ table: table(r.table), index: r.key, scan: r.type === "ALL" || r.type === "index", sorts: /filesort/i.test(r.Extra ?? "") }));
    }
    const rows = (await s.app.ds.query(`EXPLAIN QUERY PLAN ${sql}`, params)) as { detail: string }[];
    const sorts = rows.some((r) => /TEMP B-TREE/.test(r.detail));
    return rows.flatMap((r) => {
      const m = /^(SCAN|SEARCH) (\w+)(?: USING (?:COVERING )?(?:INDEX (\w+)|INTEGER PRIMARY KEY))?/.exec(r.detail);
      return m ? [{ table: table(m[2]), index: m[3] ?? (/PRIMARY KEY/.test(r.detail) ? "PRIMARY" : null), scan: m[1] === "SCAN", sorts }] : [];
    });
  };

  it("every statement of the page keeps the brand in its WHERE clause", () => {
    expect(statements.length).toBeGreaterThanOrEqual(6);
    for (const { sql } of statements) expect(sql).toMatch(/brandId/);
  });

  it("variants, stock, prices, visibility, images and docket lines are read through their parent key's index, never a brand index or a scan", async () => {
    const forbidden = brandIndexes();
    let checked = 0;
    for (const { sql, params } of statements) {
      for (const a of await accesses(sql, params)) {
        if (!CHILD_TABLES.includes(a.table)) continue;
        checked++;
        // The statement is part of the object so that a failure names it.
        const seen = { statement: sql.slice(0, 100), ...a, brandIndex: forbidden.get(a.table)!.has(a.index ?? "") };
        expect(seen).toMatchObject({ scan: false, brandIndex: false });
        expect(seen.index).not.toBeNull();
      }
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });

  it("the page of products is read in id order within the brand (no sort of the whole brand)", async () => {
    const page = statements.find((x) => /FROM [`"]?product[`"]? /.test(x.sql) && /LIMIT/i.test(x.sql))!;
    expect(page).toBeDefined();
    const [access] = (await accesses(page.sql, page.params)).filter((a) => a.table === "product");
    expect(access).toMatchObject({ index: "IDX_product_brand_id", scan: false, sorts: false });
  });
});
