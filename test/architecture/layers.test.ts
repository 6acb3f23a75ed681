import fs from "node:fs";
import path from "node:path";
import { layerViolations } from "./layer-rules";
import { sourceFiles } from "./tenancy-rules";

/** The import rules of docs/architecture.md ("Layers"), over every .ts file of src/ and migrations/. */
const ROOT = path.resolve(__dirname, "../..");
const files = [...sourceFiles(ROOT, "src"), ...sourceFiles(ROOT, "migrations")];

describe("layer import rules", () => {
  it("finds the files to check", () => {
    expect(files).toEqual(expect.arrayContaining(["src/api/context.ts", "src/server/full-schema.ts", "migrations/index.ts"]));
  });

  it("src/ and migrations/ follow the layer map", () => {
    expect(files.flatMap((f) => layerViolations(ROOT, f, fs.readFileSync(path.join(ROOT, f), "utf8")))).toEqual([]);
  });

  describe("the checker catches violations", () => {
    const check = (file: string, text: string) => layerViolations(ROOT, file, text);

    it("a migration importing src/", () => {
      expect(check("migrations/1.ts", `import { X } from "../src/db/case-sensitive-columns";`)).toEqual([expect.stringContaining("frozen")]);
      expect(check("migrations/1.ts", `import { addColumns } from "./lib/columns";`)).toEqual([]);
    });

    it("src/api importing a module, or a service at runtime", () => {
      expect(check("src/api/x.ts", `import { coreResolvers } from "../modules/resolvers";`)).toEqual([expect.stringContaining("src/modules/resolvers.ts")]);
      expect(check("src/api/x.ts", `import { createAppServices } from "../services/app-services";`)).toEqual([expect.stringContaining("at runtime")]);
      expect(check("src/api/x.ts", `import type { AppServices } from "../services/app-services";`)).toEqual([]);
    });

    it("the core importing a plugin, a rule importing the database, a module reaching the composition root", () => {
      expect(check("src/modules/images/x.ts", `import { JOOR_IMAGE_RULE } from "../../../plugins/joor/mapping/image-rule";`)).toEqual([
        expect.stringContaining("knows no plugin"),
      ]);
      expect(check("src/domain/x.ts", `import { BrandScope } from "../db/brand-scope";`)).toEqual([expect.stringContaining("pure")]);
      expect(check("src/modules/order/x.ts", `import { startSelvedge } from "../../server/bootstrap";`)).toHaveLength(2);
      expect(check("src/main.ts", `import { startSelvedge } from "./server/bootstrap";`)).toEqual([]);
    });

    it("a module importing another module's resolver, but not its loaders", () => {
      expect(check("src/modules/order/x.ts", `import { SeasonResolver } from "../season/season.resolver";`)).toEqual([
        expect.stringContaining("another module's resolver"),
      ]);
      expect(check("src/modules/order/x.ts", `import { seasonLoader } from "../season/season.loaders";`)).toEqual([]);
      expect(check("src/modules/order/x.ts", `import { OrderLineResolver } from "./order-line.resolver";`)).toEqual([]);
    });
  });
});
