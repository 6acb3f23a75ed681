import fs from "node:fs";
import path from "node:path";
import { tsFiles } from "./imports";
import { checkPluginFile, REPO } from "./plugin-rules";

/**
 * Plugins see the port, not the host: every file under plugins/<name>/ (except a plugin's sandbox/, a separate
 * fake platform server) imports only the SDK entry, its own plugin's files and libraries — never typeorm's
 * DataSource/EntityManager and never src/** internals.
 */
const PLUGINS = path.join(REPO, "plugins");
const pluginRoots = fs
  .readdirSync(PLUGINS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => path.join(PLUGINS, d.name));

describe("plugin import rule", () => {
  it("finds plugin files to check", () => {
    const files = pluginRoots.flatMap((root) => tsFiles(root, ["sandbox"]));
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(pluginRoots.map((r) => [path.basename(r), r]))("plugins/%s imports only the SDK, its own files and libraries", (_name, root) => {
    const violations = tsFiles(root, ["sandbox"]).flatMap((file) => checkPluginFile(file, fs.readFileSync(file, "utf8"), root));
    expect(violations).toEqual([]);
  });

  describe("the checker catches violations", () => {
    const root = path.join(PLUGINS, "joor");
    const file = path.join(root, "operations", "probe.ts");
    const check = (text: string) => checkPluginFile(file, text, root).map((v) => v.why);

    it("a core internal", () => {
      expect(check(`import { OrderService } from "../../../src/modules/order/order.service";`)).toEqual([expect.stringContaining("outside the plugin")]);
      expect(check(`import type { AppServices } from "../../../src/services/app-services";`)).toHaveLength(1);
      expect(check(`export { Brand } from "../../../src/entities/brand.entity";`)).toHaveLength(1);
      expect(check(`type X = import("../../../src/db/system-data").SystemData;`)).toHaveLength(1);
      expect(check(`const m = require("../../../src/jobs/job-runner");`)).toHaveLength(1);
    });

    it("typeorm's unscoped handles", () => {
      expect(check(`import { DataSource, In } from "typeorm";`)).toEqual([expect.stringContaining("DataSource")]);
      expect(check(`import type { EntityManager } from "typeorm";`)).toEqual([expect.stringContaining("EntityManager")]);
    });

    it("another plugin's files and host paths through the package", () => {
      expect(check(`import x from "../../other/index";`)).toHaveLength(1);
      expect(check(`import { x } from "selvedge/src/db/brand-scope";`)).toHaveLength(1);
    });

    it("but not the SDK, the plugin's own files or libraries", () => {
      expect(check(`import { definePlugin, type BrandScope } from "../../../src/plugin";`)).toEqual([]);
      expect(check(`import { definePlugin } from "selvedge/plugin";`)).toEqual([]);
      expect(check(`import { In, MoreThan } from "typeorm";\nimport { z } from "zod";\nimport { JoorLedger } from "../ledger/ledger.service";`)).toEqual([]);
    });
  });
});
