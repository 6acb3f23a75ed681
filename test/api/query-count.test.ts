import { seedDemo } from "../../src/demo/seed-demo";
import { startTestServer, TestServer } from "../harness/test-server";

const PRODUCTS = `query($first: Int) { products(first: $first) { edges { node {
  id styleNumber sizes
  variants { barcode stock { availableToSell projected availableFrom season { name } } }
  prices { currency wholesale retail season { name } }
  seasons { season { name } prices { currency } }
  images { position url }
} } } }`;

describe("N+1 guard: SQL statements per products page", () => {
  let s: TestServer;
  beforeAll(async () => {
    // API only: a worker's polling would add its own statements to the count.
    s = await startTestServer({ role: "api" });
    await seedDemo(s.app.ds, s.brandId, { styles: 50, customers: 2, orders: 0, mediaDir: s.app.config.mediaDir });
  });
  afterAll(async () => s.stop());

  const statementsFor = async (first: number) => {
    s.queryCounter.reset();
    s.queryCounter.record = true;
    const data = await s.admin.ok(PRODUCTS, { first });
    expect(data.products.edges).toHaveLength(first);
    if (process.env.DEBUG_SQL) console.log(s.queryCounter.statements.join("\n"));
    return s.queryCounter.count;
  };

  it("products(first: 10) and products(first: 100) with variants, stock, prices, seasons and images cost the same, at most 8", async () => {
    await s.admin.ok(PRODUCTS, { first: 1 });
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(hundred).toBe(ten);
    expect(hundred).toBeLessThanOrEqual(8);
  });
});
