import { startJoorEnv, type JoorEnv } from "./harness";
import { adminItems, attachImage, customer, docket, product, season, setJoorSettings, stock, visibleWithPrice, admin } from "./part2-fixtures";
import { joorProduct, seedWithConnections } from "./joor-side";
import sharp from "sharp";
import { Product } from "../../src/entities/product.entity";
import { Variant } from "../../src/entities/variant.entity";
import { scopeFor } from "../harness/scope";

const ROUTE_ORDER = [
  "/v2/bulk-connection",
  "/v4/products/bulk_create",
  "/v4/skus/bulk_create",
  "/v4/prices/bulk_create",
  "/v4/assets/products",
  "/v2/bulk-inventory",
];

/** export-all: one job over customers, products, prices, images and inventory, in that order. */
describe("JOOR export-all", () => {
  describe("a new JOOR system", () => {
    let env: JoorEnv;
    beforeAll(async () => {
      env = await startJoorEnv({ sandbox: { permissiveAssets: true } });
      const s = env.server;
      await s.app.services.identity.setModules(s.brandId, ["joor", "inventory"]);
      const aw = await season(s, "AUTUMN/WINTER 26", "2026-02-01");
      await customer(s, "Maison One", "EA001");
      await customer(s, "Maison Two", "EA002");
      for (const style of ["EA1", "EA2"]) {
        const p = await product(s, style, ["S", "M", "L"]);
        await visibleWithPrice(s, p.product.id, aw.id, { EUR: ["40", "95"], USD: ["45", "110"] });
        for (const v of p.variants) await stock(s, v.id, aw.id, 4, 6);
        await docket(s, p.product.id, aw.id, "2027-01-15");
        await attachImage(s, p.product.id, 1, 1320, 1800);
      }
      await setJoorSettings(env.admin, { priceSeasons: [aw.id], atsSeasons: [aw.id], includeFutureAts: true, futureWarehouse: "FUTURE" });
      // another brand's catalogue in the same database is never read by brand A's export
      const other = await s.app.services.identity.createBrand("Other", "other-brand", ["joor", "inventory"]);
      const op = await s.app.ds
        .getRepository(Product)
        .save({ brandId: other.id, styleNumber: "OTHER1", colourCode: "BLK", colourName: "Black", name: "Other", active: true });
      const ov = await s.app.ds
        .getRepository(Variant)
        .save({ brandId: other.id, productId: op.id, size: "S", position: 0, barcode: "4006381333931", active: true });
      const os = await s.app.services.seasons.create(scopeFor(s.app, other.id), { name: "OTHER SEASON", startDate: "2026-02-01", code: null } as never);
      await s.app.services.stock.setStockLevels(scopeFor(s.app, other.id), [
        { variantId: String(ov.id), seasonId: String(os.id), availableToSell: 50, projected: 0 },
      ] as never);
      await s.app.services.images.attach(scopeFor(s.app, other.id), op.id, 1, {
        url: `data:image/png;base64,${(
          await sharp({ create: { width: 700, height: 950, channels: 3, background: "#888" } })
            .png()
            .toBuffer()
        ).toString("base64")}`,
      });
    });
    afterAll(() => env.stop());

    it("export-all order of phases: customers, products, prices, images, inventory — one job, one progress bar, the phase named", async () => {
      env.sandbox.faults.add({ type: "latency", latency_ms: 250, count: null } as never);
      const { startSync } = await env.admin.ok(`mutation { startSync(input: { connector: "joor", operation: "export-all" }) { ... on Job { id } } }`);
      const seen: string[] = [];
      let job: any;
      for (;;) {
        ({ job } = await env.admin.ok(`query($id: ID!) { job(id: $id) { state phase processed failed total progress } }`, { id: startSync.id }));
        if (job.phase && seen[seen.length - 1] !== job.phase) seen.push(job.phase);
        if (["SUCCEEDED", "FAILED", "CANCELLED"].includes(job.state)) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      env.sandbox.faults.clear();
      expect(job.state).toBe("SUCCEEDED");
      expect(seen).toEqual(["customers (1/5)", "products (2/5)", "prices (3/5)", "images (4/5)", "inventory (5/5)"]);
      expect(job).toMatchObject({ phase: null, progress: 1, total: 2 + 2 + 2 + 2 + 6 });
      // the sandbox saw the writes in that order
      const { items } = await admin(env.sandbox, `/requests?limit=2000`).then((r: any) => ({ items: (r.items ?? r) as { method: string; path: string }[] }));
      const firstAt = ROUTE_ORDER.map((route) => items.findIndex((x) => x.method !== "GET" && x.path.split("?")[0] === route));
      expect(firstAt.every((i) => i >= 0)).toBe(true);
      expect([...firstAt].sort((a, b) => a - b)).toEqual(firstAt);
      // everything arrived
      expect(await adminItems(env.sandbox, "/connections")).toHaveLength(2);
      expect(await adminItems(env.sandbox, "/skus")).toHaveLength(6);
      expect(await adminItems(env.sandbox, "/prices")).toHaveLength(6 * 3); // EUR, USD and (at 0.00) GBP
      expect(await adminItems(env.sandbox, "/images")).toHaveLength(2);
      expect((await adminItems(env.sandbox, "/inventory")).length).toBe(12);
      expect(await adminItems(env.sandbox, "/inventory?upc=4006381333931")).toEqual([]);
      expect((await env.issues(job.id ?? startSync.id)).filter((i) => /OTHER1|4006381333931/.test(i.key + i.message))).toEqual([]);
      expect(job.total).toBe(2 + 2 + 2 + 2 + 6); // brand A's records only
    });

    it("a second export-all sends nothing (incremental through the ledger)", async () => {
      const writes = env.sandboxWrites();
      const again = await env.run("export-all");
      expect(again.state).toBe("SUCCEEDED");
      expect(env.sandboxWrites() - writes).toBe(0);
    });
  });

  describe("an existing JOOR system", () => {
    let env: JoorEnv;
    beforeAll(async () => {
      env = await startJoorEnv({ sandbox: { seed: seedWithConnections(["EX001"]), permissiveAssets: true }, settings: { connectionMode: "EXISTING_SYSTEM" } });
    });
    afterAll(() => env.stop());

    it("EXISTING_SYSTEM creates nothing unmatched (unless full: true)", async () => {
      const s = env.server;
      await customer(s, "Known", "EX001");
      await customer(s, "Unknown", "EX002");
      const known = await product(s, "EXK", ["S", "M"]);
      const joorSide = await joorProduct(env.sandbox, "EXK", "BLK", [
        ["S", known.variants[0].barcode!],
        ["M", known.variants[1].barcode!],
      ]);
      await product(s, "EXU", ["S"]);
      expect((await env.run("reconcile")).state).toBe("SUCCEEDED");

      const job = await env.run("export-all");
      expect(job.state).toBe("SUCCEEDED");
      const issues = await env.issues(job.id);
      expect(
        issues
          .filter((i) => i.code === "NOT_MATCHED")
          .map((i) => i.key)
          .sort(),
      ).toEqual(expect.arrayContaining(["EX002"]));
      expect(issues.some((i) => i.code === "NOT_MATCHED" && /EXU/.test(i.key + i.message))).toBe(true);
      expect((await adminItems(env.sandbox, "/connections")).map((c) => c.customer_code)).toEqual(["EX001"]);
      const products = await adminItems(env.sandbox, "/products");
      expect(products.map((p) => p.id)).toEqual([joorSide.productId]); // updated, not created again
      expect(await adminItems(env.sandbox, "/skus")).toHaveLength(2);

      const forced = await env.run("export-all", { full: true });
      expect(forced.state).toBe("SUCCEEDED");
      expect((await adminItems(env.sandbox, "/connections")).map((c) => c.customer_code).sort()).toEqual(["EX001", "EX002"]);
      const after = await adminItems(env.sandbox, "/products");
      expect(after).toHaveLength(2);
      expect(after.map((p) => p.product_identifier).sort()).toEqual(["EXK-BLK", "EXU-BLK"]);
      expect(await adminItems(env.sandbox, "/skus")).toHaveLength(3);
    });
  });
});
