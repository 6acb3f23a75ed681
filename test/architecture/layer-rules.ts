import path from "node:path";
import { importsOf, resolveLocal } from "./imports";

/**
 * The layer map of docs/architecture.md as data: for files under `from`, the repository folders they may not
 * import (`never`), and those they may import for types only (`typesOnly`, erased at compile time).
 */
export interface LayerRule {
  from: string;
  never: string[];
  typesOnly?: string[];
  /** Files under `from` the rule does not apply to, each with its reason. */
  except?: Record<string, string>;
  why: string;
}

export const LAYER_RULES: LayerRule[] = [
  { from: "migrations", never: ["src", "plugins"], why: "migrations are frozen: what they need is copied into migrations/lib or the migration" },
  { from: "src", never: ["plugins"], why: "the core knows no plugin (plugins are loaded by name at start-up)" },
  {
    from: "src/api",
    never: ["src/modules", "src/server", "src/jobs", "src/scheduler", "src/cli", "src/demo"],
    typesOnly: ["src/services", "src/plugin"],
    why: "src/api is the GraphQL plumbing the modules build on; what needs the module list lives in src/server",
  },
  {
    from: "src/domain",
    never: ["src/db", "src/entities", "src/modules", "src/services", "src/server", "src/jobs", "src/plugin"],
    why: "rules are pure functions",
  },
  {
    from: "src/entities",
    never: ["src/modules", "src/services", "src/server", "src/plugin", "src/scheduler"],
    why: "entities are the tables; they know no service",
  },
  {
    from: "src",
    never: ["src/server"],
    except: { "src/main.ts": "the process entry starts the server", "src/demo/seed-demo.ts": "the demo seeder composes a first start like the server does" },
    why: "src/server is the composition root: nothing below it imports it",
  },
  {
    from: "src/modules",
    never: ["src/server", "src/services", "src/scheduler"],
    why: "a module gets its collaborators passed in; it does not reach the composition root",
  },
];

const within = (file: string, folder: string) => file === folder || file.startsWith(`${folder}/`) || file === `${folder}.ts`;

/** Every layer violation of one file (repository-relative path, forward slashes). */
export function layerViolations(root: string, file: string, text: string, rules: LayerRule[] = LAYER_RULES): string[] {
  const out: string[] = [];
  for (const ref of importsOf(path.join(root, file), text)) {
    const local = resolveLocal(path.join(root, file), ref.specifier);
    if (!local) continue;
    const target = path.relative(root, local).split(path.sep).join("/");
    for (const rule of rules) {
      if (!within(file, rule.from) || rule.except?.[file]) continue;
      const into = (f: string) => within(target, f) && !within(file, f); // a folder's own files import each other
      const hit = rule.never.find(into);
      const typeHit = !ref.typeOnly && rule.typesOnly?.find(into);
      if (hit || typeHit) out.push(`${file}:${ref.line}: imports ${target}${typeHit ? " at runtime" : ""} (${rule.why})`);
    }
  }
  // a module never imports another module's resolver (src/modules/resolvers.ts collects them)
  const mod = /^src\/modules\/([^/]+)\//.exec(file)?.[1];
  for (const ref of importsOf(path.join(root, file), text)) {
    const local = resolveLocal(path.join(root, file), ref.specifier);
    const target = local && path.relative(root, local).split(path.sep).join("/");
    const other = target && /^src\/modules\/([^/]+)\/.*\.resolver\.ts$/.exec(target)?.[1];
    if (mod && other && other !== mod)
      out.push(`${file}:${ref.line}: imports ${target} (a module does not import another module's resolver; share a *.loaders.ts instead)`);
  }
  return out;
}
