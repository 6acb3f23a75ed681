import fs from "node:fs";
import path from "node:path";
import { hostEntry, pluginRootOf } from "../../src/plugin/shared-modules";
import { tsFiles } from "../architecture/imports";
import { checkPluginFile } from "../architecture/plugin-rules";

const REPO = path.resolve(__dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));

describe("the SDK's package entry points", () => {
  it("every export and the bin point at a file of the package", () => {
    expect(Object.keys(pkg.exports)).toEqual(
      expect.arrayContaining(["./plugin", "./typeorm", "./type-graphql", "./zod", "./conformance", "./tsconfig.plugin.json"]),
    );
    for (const [entry, target] of Object.entries<string>(pkg.exports)) {
      if (entry === ".") continue; // dist/, made by `npm run build`
      expect({ entry, exists: fs.existsSync(path.join(REPO, target)) }).toEqual({ entry, exists: true });
    }
    expect(fs.existsSync(path.join(REPO, pkg.bin["selvedge-conformance"]))).toBe(true);
    expect(pkg.private).toBeUndefined();
  });

  it("maps selvedge/<entry> requests to the host's files, and nothing else", () => {
    expect(hostEntry("selvedge/plugin")).toBe(path.join(REPO, "src/sdk/plugin.ts"));
    expect(hostEntry("selvedge/typeorm")).toBe(path.join(REPO, "src/sdk/typeorm.ts"));
    expect(hostEntry("selvedge/src/db/system-data")).toBeUndefined(); // not an entry: internals stay private
    expect(hostEntry("selvedgeish")).toBeUndefined();
    expect(hostEntry("typeorm")).toBeUndefined();
  });

  it("a plugin's root is its package folder", () => {
    expect(pluginRootOf(path.join(REPO, "test/fixtures/outside-plugin/src/index.ts"))).toBe(path.join(REPO, "test/fixtures/outside-plugin"));
    expect(pluginRootOf(path.join(REPO, "test/fixtures/outside-plugin"))).toBe(path.join(REPO, "test/fixtures/outside-plugin"));
  });

  it("the SDK entry re-exports the plugin API and the host's libraries (one copy)", () => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const sdk = require("../../src/sdk/plugin");
    expect(typeof sdk.definePlugin).toBe("function");
    expect(typeof sdk.setting.url).toBe("function");
    expect(sdk.TransientError).toBe(require("../../src/plugin").TransientError);
    expect(sdk.z).toBe(require("zod").z);
    expect(require("../../src/sdk/typeorm").Entity).toBe(require("typeorm").Entity);
    expect(require("../../src/sdk/type-graphql").ObjectType).toBe(require("type-graphql").ObjectType);
  });
});

describe("the out-of-tree example plugin keeps the plugin import rule", () => {
  const root = path.join(REPO, "test/fixtures/outside-plugin");
  it("imports only the SDK entries, its own files and node's", () => {
    const files = tsFiles(path.join(root, "src"), []);
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(files.flatMap((f) => checkPluginFile(f, fs.readFileSync(f, "utf8"), root))).toEqual([]);
  });
  it("and would be caught taking an unscoped handle from selvedge/typeorm or a host internal", () => {
    const file = path.join(root, "src", "probe.ts");
    const why = (text: string) => checkPluginFile(file, text, root).map((v) => v.why);
    expect(why(`import { DataSource, Entity } from "selvedge/typeorm";`)).toEqual([expect.stringContaining("DataSource")]);
    expect(why(`import { SystemData } from "selvedge/src/db/system-data";`)).toEqual([expect.stringContaining("host internals")]);
    expect(why(`import { QueryRunner } from "selvedge/typeorm";`)).toHaveLength(1); // only migrations take a QueryRunner
    expect(why(`import { seedCatalogue } from "selvedge/conformance";`)).toHaveLength(1); // only its conformance file and tests
    expect(checkPluginFile(path.join(root, "src", "x.migration.ts"), `import { QueryRunner } from "selvedge/typeorm";`, root)).toEqual([]);
  });
});
