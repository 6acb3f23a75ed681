import { createDataSource } from "../../src/db/data-source";
import { createPluginData } from "../../src/plugin/plugin-data";
import joor from "../../plugins/joor";
import { JoorCreditWindow } from "../../plugins/joor/entities/credit-window.entity";
import { JoorSyncRecord } from "../../plugins/joor/ledger/sync-record.entity";
import { Product } from "../../src/entities/product.entity";
import { createTestDatabase, testDatabaseKinds } from "../harness/databases";

/** pluginData, the named plugin-level handle: only the plugin's own brand-less entities. */
describe.each(testDatabaseKinds)("pluginData on %s", (kind) => {
  it("reaches the plugin's brand-less entities, in transactions too, and refuses everything else", async () => {
    const db = await createTestDatabase(kind);
    const ds = await createDataSource({ databaseUrl: db.url, entities: joor.entities, migrations: joor.migrations });
    try {
      await ds.initialize();
      await ds.runMigrations();
      const data = createPluginData(ds, "joor", joor.entities ?? []);
      expect(data.dialect).toBe(ds.options.type);
      await data.repo(JoorCreditWindow).insert({ accountKey: "acct-1", spendsJson: "[]", blockedUntilMs: null });
      await data.transaction(async (tx) => {
        await tx.repo(JoorCreditWindow).update({ accountKey: "acct-1" }, { blockedUntilMs: "42" });
        expect(() => tx.repo(Product)).toThrow(/only its own brand-less entities/);
      });
      expect(await data.repo(JoorCreditWindow).findOneByOrFail({ accountKey: "acct-1" })).toMatchObject({ blockedUntilMs: "42" });
      // a core entity, and the plugin's own brand-owned one (that goes through ctx.data)
      expect(() => data.repo(Product)).toThrow(/only its own brand-less entities, not Product/);
      expect(() => data.repo(JoorSyncRecord)).toThrow(/not JoorSyncRecord/);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    }
  });
});
