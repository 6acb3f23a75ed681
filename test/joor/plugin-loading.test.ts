import { createDataSource } from "../../src/db/data-source";
import { loadConfig } from "../../src/config/config";
import { defaultPluginSpecs } from "../../src/plugin/plugin-discovery";
import { PluginRegistry } from "../../src/plugin/plugin-registry";
import joor from "../../plugins/joor";
import { createTestDatabase, testDatabaseKinds } from "../harness/databases";

describe("JOOR plugin loading", () => {
  it("is loaded by default: SELVEDGE_PLUGINS unset means every folder under plugins/ with an index; set, it chooses", () => {
    expect(defaultPluginSpecs()).toContain("joor");
    expect(loadConfig({}).plugins).toEqual(defaultPluginSpecs());
    expect(loadConfig({ SELVEDGE_PLUGINS: "none" }).plugins).toEqual([]);
    expect(loadConfig({ SELVEDGE_PLUGINS: "" }).plugins).toEqual([]);
    expect(loadConfig({ SELVEDGE_PLUGINS: "./test/fixtures/test-plugin" }).plugins).toEqual(["./test/fixtures/test-plugin"]);
    expect(PluginRegistry.load(loadConfig({}).plugins).get("joor")?.version).toBe(joor.version);
  });
});

describe.each(testDatabaseKinds)("JOOR migrations on %s", (kind) => {
  it("leave no difference from the JOOR entities and revert cleanly", async () => {
    const db = await createTestDatabase(kind);
    const ds = await createDataSource({ databaseUrl: db.url, entities: joor.entities, migrations: joor.migrations });
    try {
      await ds.initialize();
      await ds.runMigrations();
      const diff = await ds.driver.createSchemaBuilder().log();
      expect(diff.upQueries.map((q) => q.query)).toEqual([]);
      for (let i = 0; i < joor.migrations!.length; i++) await ds.undoLastMigration();
      const tables = await ds
        .createQueryRunner()
        .getTables(["joor_sync_record", "joor_linesheet", "joor_linesheet_product", "joor_credit_window", "joor_inbound_order"]);
      expect(tables).toEqual([]);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    }
  });
});
