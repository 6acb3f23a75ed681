import { DataSource, In } from "typeorm";
import { openDatabase } from "../../src/db/data-source";
import { BrandScope, TenancyViolation } from "../../src/db/brand-scope";
import { SystemData } from "../../src/db/system-data";
import { Brand } from "../../src/entities/brand.entity";
import { Season } from "../../src/entities/season.entity";
import { createTestDatabase, testDatabaseKinds, TestDatabase } from "../harness/databases";

describe.each(testDatabaseKinds)("BrandScope on %s", (kind) => {
  let db: TestDatabase;
  let ds: DataSource;
  let a: BrandScope;
  let b: BrandScope;
  let seasonOfB: Season;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    ds = await openDatabase({ databaseUrl: db.url });
    const system = new SystemData(ds);
    const [brandA, brandB] = await system.repo(Brand).save([
      { name: "A", slug: "scope-a", modules: [] },
      { name: "B", slug: "scope-b", modules: [] },
    ]);
    a = system.scopeFor(brandA.id);
    b = system.scopeFor(brandB.id);
    await a.repo(Season).insert([
      { name: "AW20", startDate: "2020-08-01", active: true },
      { name: "SS21", startDate: "2021-02-01", active: true },
    ]);
    seasonOfB = await b.repo(Season).save({ name: "AW20", startDate: "2020-08-01", active: true });
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
  });

  it("a where that names another brand still sees only its own rows", async () => {
    expect(await a.repo(Season).findBy({ brandId: b.brandId } as never)).toHaveLength(2);
    const found = await a.repo(Season).find({ where: { brandId: b.brandId, name: "AW20" } as never });
    expect(found.map((s) => s.brandId)).toEqual([a.brandId]);
    expect(await a.repo(Season).findOneBy({ id: seasonOfB.id })).toBeNull();
    expect(await a.repo(Season).exists({ id: seasonOfB.id })).toBe(false);
    expect(await a.repo(Season).count()).toBe(2);
    expect(await b.repo(Season).count()).toBe(1);
  });

  it("an array where is scoped in every branch", async () => {
    const found = await a.repo(Season).findBy([{ name: "AW20" }, { id: seasonOfB.id }, { id: In([seasonOfB.id]) }]);
    expect(found.map((s) => [s.brandId, s.name])).toEqual([[a.brandId, "AW20"]]);
    expect(await a.repo(Season).count([])).toBe(2);
  });

  it("update and delete never touch another brand's row", async () => {
    expect(await a.repo(Season).update({ id: seasonOfB.id }, { code: "X" })).toBe(0);
    expect(await a.repo(Season).delete({ id: seasonOfB.id })).toBe(0);
    expect(await b.repo(Season).findOneBy({ id: seasonOfB.id })).toMatchObject({ code: null });
    await expect(a.repo(Season).update({ name: "AW20" }, { brandId: b.brandId })).rejects.toThrow(TenancyViolation);
  });

  it("save stamps a new row with the brand and refuses another brand's row", async () => {
    const created = await a.repo(Season).save({ name: "AW21", startDate: "2021-08-01", active: true });
    expect(created.brandId).toBe(a.brandId);
    const theirs = await b.repo(Season).findOneBy({ id: seasonOfB.id });
    theirs!.name = "stolen";
    expect(() => a.repo(Season).save(theirs!)).toThrow(TenancyViolation);
    expect((await b.repo(Season).findOneBy({ id: seasonOfB.id }))!.name).toBe("AW20");
    await a.repo(Season).delete({ id: created.id });
  });

  it("a query builder starts filtered to the brand", async () => {
    const names = await a.repo(Season).queryBuilder("s").andWhere("s.id = :id", { id: seasonOfB.id }).getMany();
    expect(names).toEqual([]);
    expect(await a.repo(Season).queryBuilder("s").getCount()).toBe(2);
  });

  it("a transaction rolls back every write made through its scope", async () => {
    await expect(
      a.transaction(async (tx) => {
        expect(tx.inTransaction).toBe(true);
        await tx.repo(Season).insert({ name: "rolled back", startDate: "2022-01-01", active: true });
        expect(await tx.repo(Season).count({ name: "rolled back" })).toBe(1);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await a.repo(Season).count({ name: "rolled back" })).toBe(0);
  });

  it("a nested transaction joins the outer one (its writes roll back with it)", async () => {
    await expect(
      a.transaction(async (outer) => {
        await outer.transaction(async (inner) => {
          expect(inner).toBe(outer);
          await inner.repo(Season).insert({ name: "inner", startDate: "2022-01-01", active: true });
        });
        await outer.repo(Season).insert({ name: "outer", startDate: "2022-01-01", active: true });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await a.repo(Season).count({ name: In(["inner", "outer"]) })).toBe(0);
    await a.transaction(async (outer) => outer.transaction((inner) => inner.repo(Season).insert({ name: "kept", startDate: "2022-01-01", active: true })));
    expect(await a.repo(Season).count({ name: "kept" })).toBe(1);
    await a.repo(Season).delete({ name: "kept" });
  });

  it("an entity without brandId is refused", () => {
    expect(() => a.repo(Brand as never)).toThrow(TenancyViolation);
  });

  it("raw SQL must name brandId and get the scope's brand", async () => {
    await expect(a.sql("SELECT id FROM season")).rejects.toThrow(TenancyViolation);
    const rows = await a.sql<{ id: number }>("SELECT id FROM season WHERE brandId = ?");
    expect(rows).toHaveLength(2);
    await expect(a.rows("SELECT id FROM season WHERE brandId = ?", [b.brandId])).rejects.toThrow(TenancyViolation);
    expect(await a.rows("SELECT id FROM season WHERE brandId = ?", [a.brandId])).toHaveLength(2);
  });

  it("refuses an invalid brand id", () => {
    expect(() => BrandScope.of(ds, 0)).toThrow(TenancyViolation);
    expect(() => BrandScope.of(ds, Number.NaN)).toThrow(TenancyViolation);
  });
});
