import { createDataSource } from "../../src/db/data-source";
import { createTestDatabase, testDatabaseKinds } from "../harness/databases";

describe.each(testDatabaseKinds)("migrations on %s", (kind) => {
  it("leave no difference from the entities (schema builder has nothing to do)", async () => {
    const db = await createTestDatabase(kind);
    const ds = await createDataSource({ databaseUrl: db.url });
    try {
      await ds.initialize();
      const ran = await ds.runMigrations();
      expect(ran.length).toBeGreaterThan(0);
      const diff = await ds.driver.createSchemaBuilder().log();
      expect(diff.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    }
  });

  it("revert cleanly", async () => {
    const db = await createTestDatabase(kind);
    const ds = await createDataSource({ databaseUrl: db.url });
    try {
      await ds.initialize();
      const ran = await ds.runMigrations();
      for (let i = 0; i < ran.length; i++) await ds.undoLastMigration();
      const tables = await ds.createQueryRunner().getTables(["brand", "sales_order"]);
      expect(tables).toEqual([]);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    }
  });
});
