import fs from "node:fs";
import path from "node:path";
import { Allowance, brandOwnedEntities, sourceFiles, tenancyViolations, TenancyRules } from "./tenancy-rules";

const ROOT = path.resolve(__dirname, "../..");

/** The only files of src/modules that go beyond `scope.repo(...)`, each with what it uses and why. */
const ALLOW: Record<string, Allowance> = {
  "src/modules/identity/identity.service.ts": {
    uses: ["SystemData", "EntityManager", "rawSystemAccess"],
    reason:
      "brand administration: a brand is created (in the caller's transaction at first start) before any scope exists; brands are not brand-owned. Users and tokens go through the scope",
  },
  "src/modules/images/images.service.ts": {
    uses: ["SystemData"],
    reason: "the public, unauthenticated export URL names the brand in its path (brand-<id>/product-<id>/<sha256>.jpg); it scopes to that brand",
  },
  "src/modules/order/order.service.ts": {
    uses: ["ownedThrough"],
    reason: "order_address has no brandId: snapshots are read joined to a brand-filtered order and replaced only for an order just locked through the scope",
  },
  "src/modules/order/order-writer.ts": {
    uses: ["ownedThrough"],
    reason: "inserts the address snapshots of the order it has just inserted through the scope",
  },
  "src/modules/order/order-bulk-writer.ts": {
    uses: ["executeOnChildren"],
    reason: "inserts the address snapshots of the order it has just inserted through scope.execute",
  },
};

const brandOwned = brandOwnedEntities(ROOT);
const rules: TenancyRules = { brandOwned, allow: ALLOW };
const check = (source: string, file = "src/modules/x/x.service.ts") => tenancyViolations(file, source, rules);

describe("tenancy architecture rule (src/modules/**)", () => {
  it("finds the brand-owned entities (a rule over no entities could not fail)", () => {
    for (const name of ["Product", "Variant", "Order", "OrderLine", "Customer", "Address", "Season", "SeasonPrice", "StockLevel", "User", "ApiToken"]) {
      expect(brandOwned).toContain(name);
    }
    expect(brandOwned).not.toContain("Brand");
    expect(brandOwned).not.toContain("OrderAddress");
  });

  it("no file under src/modules breaks it", () => {
    const files = sourceFiles(ROOT, "src/modules");
    expect(files.length).toBeGreaterThan(30);
    const violations = files.flatMap((f) => tenancyViolations(f, fs.readFileSync(path.join(ROOT, f), "utf8"), rules));
    expect(violations).toEqual([]);
  });

  it("every allow-list entry names an existing file and a reason, and is still needed", () => {
    for (const [file, entry] of Object.entries(ALLOW)) {
      expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
      expect(entry.reason.length).toBeGreaterThan(20);
      // without its entry, the file would break the rule: the entry is not stale
      const strict: TenancyRules = { brandOwned, allow: {} };
      expect(tenancyViolations(file, fs.readFileSync(path.join(ROOT, file), "utf8"), strict).length).toBeGreaterThan(0);
    }
  });

  it("catches typeorm handles imported into a module", () => {
    expect(check(`import { DataSource, In } from "typeorm";`)).toEqual([expect.stringContaining("imports DataSource from typeorm")]);
    expect(check(`import type { EntityManager } from "typeorm";`)).toEqual([expect.stringContaining("imports EntityManager")]);
    expect(check(`import { Repository } from "typeorm";`)).toEqual([expect.stringContaining("imports Repository")]);
    expect(check(`import { In, Not, IsNull } from "typeorm";`)).toEqual([]);
  });

  it("catches raw access: getRepository, .manager, .query(, createQueryBuilder, ctx.ds, this.ds", () => {
    expect(check(`const r = ds.getRepository(Season);`)).toEqual(expect.arrayContaining([expect.stringContaining(".getRepository")]));
    expect(check(`await this.ds.manager.find(Thing);`)).toEqual(
      expect.arrayContaining([expect.stringContaining("raw DataSource"), expect.stringContaining(".manager")]),
    );
    expect(check(`await ctx.ds.query("SELECT 1");`)).toEqual(
      expect.arrayContaining([expect.stringContaining("raw DataSource"), expect.stringContaining(".query")]),
    );
    expect(check(`const qb = repo.createQueryBuilder("p");`)).toEqual([expect.stringContaining(".createQueryBuilder")]);
    expect(check(`const qb = scope.repo(Product).queryBuilder("p").andWhere("p.id = :id", { id });`)).toEqual([]);
    expect(check(`const rows = await scope.rows("SELECT id FROM product WHERE brandId = ?", [scope.brandId]);`)).toEqual([]);
  });

  it("catches a brand-owned entity reached without the scope", () => {
    expect(check(`await m.findBy(Product, { id });`)).toEqual([expect.stringContaining("brand-owned entity Product")]);
    expect(check(`await tx.save(Order, order);`)).toEqual([expect.stringContaining("brand-owned entity Order")]);
    expect(check(`await scope.repo(Product).findBy({ id });`)).toEqual([]);
  });

  it("catches the raw hot-row readers and unlisted SystemData / child-table access", () => {
    expect(check(`import { selectRows, placeholders } from "../../db/hot-rows";`)).toEqual([expect.stringContaining("imports selectRows")]);
    expect(check(`import { SystemData } from "../../db/system-data";`)).toEqual([expect.stringContaining("SystemData")]);
    expect(check(`await scope.ownedThrough(OrderAddress).find({});`)).toEqual([expect.stringContaining("ownedThrough")]);
    expect(check(`await scope.ownedThrough(OrderAddress).createQueryBuilder("a").getMany();`, "src/modules/order/order.service.ts")).toEqual([]);
    expect(check(`await scope.executeOnChildren("INSERT INTO order_address …", []);`)).toEqual([expect.stringContaining("executeOnChildren")]);
  });

  it("ignores comments that mention the forbidden names", () => {
    expect(check(`// once: this.ds.getRepository(Product).createQueryBuilder("p")\n/* ctx.ds.query() */\nexport const x = 1;`)).toEqual([]);
  });
});
