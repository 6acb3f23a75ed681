import { Product, Variant, StockLevel, SeasonPrice } from "../../src/entities";
import { isValidBarcode } from "../../src/domain/barcode";
import { seedDemo } from "../../src/demo/seed-demo";
import { startTestServer, TestServer } from "../harness/test-server";

describe("npm run seed:demo", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.stop());

  it("fills an empty brand with a realistic, valid catalogue that the API serves", async () => {
    const result = await seedDemo(s.app.ds, s.brandId, { styles: 8, customers: 12, orders: 3, mediaDir: s.app.config.mediaDir });
    expect(result.products).toBeGreaterThanOrEqual(16);
    const variants = await s.app.ds.getRepository(Variant).findBy({ brandId: s.brandId });
    expect(variants.filter((v) => v.barcode).every((v) => isValidBarcode(v.barcode!))).toBe(true);
    expect(await s.app.ds.getRepository(SeasonPrice).countBy({ brandId: s.brandId, currency: "GBP" })).toBeGreaterThan(0);
    expect(await s.app.ds.getRepository(StockLevel).countBy({ brandId: s.brandId })).toBeGreaterThan(0);
    const { customers } = await s.admin.ok(`{ customers(first: 100) { totalCount edges { node { status accountCode addresses { type } } } } }`);
    expect(customers.totalCount).toBe(12);
    // mixed statuses (the seed is deterministic: 12 customers include both)
    const statuses = new Set(customers.edges.map((e: any) => e.node.status));
    expect([...statuses].sort()).toEqual(["ACTIVE", "INACTIVE"]);
    expect(customers.edges.every((e: any) => e.node.addresses.some((a: any) => a.type === "DELIVERY"))).toBe(true);
  });

  it("refuses to seed a brand that already has products", async () => {
    expect(await s.app.ds.getRepository(Product).countBy({ brandId: s.brandId })).toBeGreaterThan(0);
    await expect(seedDemo(s.app.ds, s.brandId, { styles: 1 })).rejects.toThrow(/already has products/);
  });
});
