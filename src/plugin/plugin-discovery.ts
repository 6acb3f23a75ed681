import fs from "node:fs";
import path from "node:path";

/** The repository root (plugins/ lives here). */
const ROOT = path.resolve(__dirname, "../..");

/**
 * The plugins loaded when SELVEDGE_PLUGINS is unset: every folder directly under plugins/ that has an
 * index (index.ts or index.js), in name order. The core names no plugin; dropping a folder in plugins/
 * installs it, and SELVEDGE_PLUGINS still chooses exactly (a list, or "none").
 */
export function defaultPluginSpecs(root = ROOT): string[] {
  const dir = path.join(root, "plugins");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[a-z0-9][a-z0-9-]*$/.test(d.name))
    .filter((d) => ["index.ts", "index.js"].some((f) => fs.existsSync(path.join(dir, d.name, f))))
    .map((d) => d.name)
    .sort();
}
