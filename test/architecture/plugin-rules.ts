import path from "node:path";
import { importsOf, resolveLocal } from "./imports";

export const REPO = path.resolve(__dirname, "../..");
/** The plugin SDK entry: the one host file a plugin may import; outside the tree, the package's entries. */
export const SDK_ENTRY = path.join(REPO, "src/plugin/index.ts");
export const SDK_PACKAGES = ["selvedge/plugin", "selvedge/typeorm", "selvedge/type-graphql", "selvedge/zod"];
/** What a plugin may not take from typeorm: the unscoped handles (plugins get `ctx.data` / `dataOf(ctx)`). */
export const FORBIDDEN_TYPEORM = ["DataSource", "EntityManager", "getRepository", "getManager", "getConnection", "createConnection", "QueryRunner"];

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  why: string;
}

/**
 * The import rule for one plugin file: it imports its own plugin's files, the SDK entry, and libraries (never
 * typeorm's DataSource/EntityManager); nothing else of the host (`src/**`, `migrations/**`, other plugins).
 * Migrations may use typeorm's QueryRunner (their `up(queryRunner)` signature).
 */
export function checkPluginFile(file: string, text: string, pluginRoot: string): Violation[] {
  const out: Violation[] = [];
  const rel = path.relative(REPO, file);
  const isMigration = rel.split(path.sep).includes("migrations") || file.endsWith(".migration.ts");
  const forbidden = isMigration ? FORBIDDEN_TYPEORM.filter((n) => n !== "QueryRunner") : FORBIDDEN_TYPEORM;
  for (const ref of importsOf(file, text)) {
    const local = resolveLocal(file, ref.specifier);
    if (local) {
      if (local === SDK_ENTRY) continue;
      if (local.startsWith(pluginRoot + path.sep)) continue;
      out.push({
        file: rel,
        line: ref.line,
        specifier: ref.specifier,
        why: `reaches ${path.relative(REPO, local)} outside the plugin (import the SDK entry src/plugin instead)`,
      });
      continue;
    }
    const unscoped = () => {
      const bad = ref.names.filter((n) => forbidden.includes(n));
      if (bad.length)
        out.push({
          file: rel,
          line: ref.line,
          specifier: ref.specifier,
          why: `takes ${bad.join(", ")} from typeorm (use ctx.data / dataOf(ctx) / pluginData)`,
        });
    };
    if (ref.specifier === "selvedge/typeorm") {
      unscoped(); // the host's typeorm, re-exported whole: the same names are off limits as from "typeorm"
      continue;
    }
    if (SDK_PACKAGES.includes(ref.specifier)) continue;
    if (ref.specifier === "selvedge/conformance" && /conformance|\.test\.ts$/.test(path.basename(file))) continue; // a plugin's tests
    if (ref.specifier.startsWith("selvedge/")) {
      out.push({
        file: rel,
        line: ref.line,
        specifier: ref.specifier,
        why: "imports host internals through the package (only selvedge/plugin, /typeorm, /type-graphql, /zod)",
      });
      continue;
    }
    if (ref.specifier === "typeorm" || ref.specifier.startsWith("typeorm/")) {
      unscoped();
      if (ref.specifier !== "typeorm" && !ref.specifier.startsWith("typeorm/query-builder/")) {
        out.push({ file: rel, line: ref.line, specifier: ref.specifier, why: "reaches into typeorm's internals" });
      }
    }
  }
  return out;
}
