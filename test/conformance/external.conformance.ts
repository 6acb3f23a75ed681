import fs from "node:fs";
import path from "node:path";
import { loadPluginModule, resolvePluginSpec } from "../../src/plugin/plugin-loader";
import { pluginRootOf } from "../../src/plugin/shared-modules";
import { describeConnectorConformance, type ExternalConformanceOptions } from "./connector-conformance";

/**
 * The suite file `npx selvedge-conformance <plugin>` runs (bin/selvedge-conformance.js): the plugin comes from
 * SELVEDGE_CONFORMANCE_PLUGIN (a folder or a package name), its options from its conformance file
 * (SELVEDGE_CONFORMANCE_OPTIONS, or package.json "selvedge.conformance", or conformance.js/.ts in its folder).
 */
const spec = process.env.SELVEDGE_CONFORMANCE_PLUGIN;
if (!spec) throw new Error("SELVEDGE_CONFORMANCE_PLUGIN is not set: run the suite with `npx selvedge-conformance <plugin folder or package>`");

function optionsFile(root: string): string {
  if (process.env.SELVEDGE_CONFORMANCE_OPTIONS) return path.resolve(process.env.SELVEDGE_CONFORMANCE_OPTIONS);
  const pkgFile = path.join(root, "package.json");
  const declared = fs.existsSync(pkgFile) ? JSON.parse(fs.readFileSync(pkgFile, "utf8")).selvedge?.conformance : undefined;
  const candidates = declared ? [path.join(root, declared)] : ["conformance.js", "conformance.ts"].map((f) => path.join(root, f));
  const found = candidates.find((f) => fs.existsSync(f));
  if (!found) throw new Error(`No conformance options for plugin "${spec}": looked for ${candidates.join(", ")} (set package.json "selvedge.conformance")`);
  return found;
}

const definition = loadPluginModule(spec);
const resolved = fs.realpathSync(resolvePluginSpec(spec));
// a folder given as such is the plugin's root (a folder under plugins/ has no package.json); else its package's
const file = optionsFile(fs.statSync(resolved).isDirectory() ? resolved : pluginRootOf(resolved));
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the options file is known only at run time
const mod = require(file) as { default?: ExternalConformanceOptions } & ExternalConformanceOptions;
describeConnectorConformance({ ...(mod.default ?? mod), plugin: spec, definition });
