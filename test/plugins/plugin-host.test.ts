import path from "node:path";
import { testConfig } from "../harness/test-server";
import { definePlugin, setting } from "../../src/plugin";
import { checkPlugin, HOST_VERSION, loadPluginModule, PluginLoadError, resolvePluginSpec } from "../../src/plugin/plugin-loader";
import { PluginRegistry } from "../../src/plugin/plugin-registry";
import { SecretBox } from "../../src/plugin/secret-box";
import { checkSettings, isRequired, settingDefault, settingKind } from "../../src/plugin/settings";
import { startSelvedge } from "../../src/server/bootstrap";
import testPlugin from "../fixtures/test-plugin";
import { createDataSource } from "../../src/db/data-source";
import { createTestDatabase, testDatabaseKinds } from "../harness/databases";

const base = { name: "demo-plugin", version: "1.2.3", hostVersions: "^0.1.0" };

describe("plugin definitions and loading", () => {
  it("checks the host version range at start-up with a clear error", () => {
    expect(HOST_VERSION).toBe("0.1.0");
    expect(() => checkPlugin(definePlugin(base))).not.toThrow();
    expect(() => checkPlugin(definePlugin({ ...base, hostVersions: "^2.0.0" }))).toThrow(
      'Plugin "demo-plugin" 1.2.3 supports Selvedge ^2.0.0, but this is Selvedge 0.1.0: upgrade the plugin or Selvedge',
    );
    expect(() => checkPlugin(definePlugin({ ...base, hostVersions: "not a range!" }))).toThrow(/invalid hostVersions range/);
    expect(() => checkPlugin(definePlugin({ ...base, version: "one" }))).toThrow(/invalid version "one"/);
    expect(() => checkPlugin(definePlugin({ ...base, name: "Bad Name" }))).toThrow(/name "Bad Name" is invalid/);
    expect(() => checkPlugin(definePlugin({ ...base, operations: { "Do It": { run: async () => {} } } }))).toThrow(/operation name "Do It"/);
  });

  it("refuses to start Selvedge with an incompatible plugin", async () => {
    const config = testConfig({ databaseUrl: "sqlite::memory:" });
    await expect(startSelvedge({ config, plugins: [definePlugin({ ...base, hostVersions: ">=9" })] })).rejects.toThrow(PluginLoadError);
  });

  it("loads plugins by module path (relative to the repository) and rejects unknown names", () => {
    expect(loadPluginModule("./test/fixtures/test-plugin")).toBe(testPlugin);
    expect(loadPluginModule(path.resolve(__dirname, "../fixtures/test-plugin"))).toBe(testPlugin);
    expect(() => resolvePluginSpec("selvedge-plugin-that-does-not-exist")).toThrow(
      /not found: not a folder under plugins\/, not a path, not an installed npm package/,
    );
    expect(() => loadPluginModule("./test/fixtures")).toThrow(PluginLoadError);
  });

  it("a registry refuses two plugins of the same name and registers the brand module", () => {
    const a = definePlugin({ ...base, name: "dup", module: "dup-module" });
    expect(() => new PluginRegistry([a, definePlugin({ ...base, name: "dup" })])).toThrow(/Two plugins are named "dup"/);
    const reg = new PluginRegistry([a]);
    expect(reg.modules()).toEqual(["dup-module"]);
    expect(reg.operation("dup", "toString")).toBeUndefined();
  });

  it("image export sizes: checked at start-up, merged by name, the same name declared differently is refused", () => {
    const rule = { ratioWidth: 660, ratioHeight: 900, maxWidth: 1320, maxHeight: 1800 };
    expect(() => checkPlugin(definePlugin({ ...base, exportSizes: { "Big Size": rule } }))).toThrow(/export size name "Big Size"/);
    expect(() => checkPlugin(definePlugin({ ...base, exportSizes: { big: { ...rule, maxWidth: 0 } } }))).toThrow(/export size "big" needs positive/);
    const a = definePlugin({ ...base, name: "a", exportSizes: { "660x900": rule } });
    const b = definePlugin({ ...base, name: "b", exportSizes: { "660x900": { ...rule }, square: { ...rule, ratioWidth: 900 } } });
    expect(Object.keys(new PluginRegistry([a, b]).exportSizes()).sort()).toEqual(["660x900", "square"]);
    const c = definePlugin({ ...base, name: "c", exportSizes: { "660x900": { ...rule, maxBytes: 1000 } } });
    expect(() => new PluginRegistry([a, c])).toThrow(/"a" and "c" declare the export size "660x900" differently/);
  });

  it("settings: kinds, required fields, defaults, validation", () => {
    const decl = testPlugin.settings!;
    expect(isRequired(decl.apiUrl)).toBe(true);
    expect(isRequired(decl.records)).toBe(false);
    expect([settingKind(decl.apiUrl), settingKind(decl.records), settingKind(decl.badKeys)]).toEqual(["URL", "NUMBER", "LIST"]);
    expect(settingKind(setting.string())).toBe("STRING");
    expect([settingDefault(decl.records), settingDefault(decl.badKeys), settingDefault(decl.apiUrl)]).toEqual([20, [], undefined]);
    expect(settingKind(setting.boolean())).toBe("BOOLEAN");
    expect(checkSettings(decl, {})).toEqual({ complete: false, missing: ["apiUrl", "apiKey"] });
    const ok = checkSettings(decl, { apiUrl: "https://x.test", apiKey: "k" });
    expect(ok.values).toMatchObject({ apiUrl: "https://x.test", apiKey: "k", records: 20, badKeys: [], delayMs: 0 });
    expect(checkSettings(decl, { apiUrl: "https://x.test", apiKey: "k", records: -1 }).missing).toEqual(["records"]);
  });
});

describe("SecretBox (AES-256-GCM)", () => {
  const box = new SecretBox("a-key-for-tests");
  it("round-trips, uses a fresh IV each time, and binds the ciphertext to its context", () => {
    const a = box.encrypt("p@ss", "1:joor:password");
    const b = box.encrypt("p@ss", "1:joor:password");
    expect(a).not.toBe(b);
    expect(a).not.toContain("p@ss");
    expect(box.decrypt(a, "1:joor:password")).toBe("p@ss");
    expect(() => box.decrypt(a, "2:joor:password")).toThrow(/cannot be decrypted/);
    expect(() => new SecretBox("another-key").decrypt(a, "1:joor:password")).toThrow(/SELVEDGE_SECRET_KEY/);
  });
});

describe.each(testDatabaseKinds)("a plugin's entities and migrations on %s", (kind) => {
  it("are merged with the core ones and leave no schema difference", async () => {
    const db = await createTestDatabase(kind);
    const ds = await createDataSource({ databaseUrl: db.url, entities: testPlugin.entities, migrations: testPlugin.migrations });
    try {
      await ds.initialize();
      const ran = await ds.runMigrations();
      expect(ran.map((m) => m.name)).toContain("TestPluginRecords1764500000000");
      expect((await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    }
  });
});
