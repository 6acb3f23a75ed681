import fs from "node:fs";
import path from "node:path";
import semver from "semver";
import { isPluginDefinition, PluginDefinition } from "./define-plugin";
import { EXPORT_SIZE_NAME } from "../domain/image-export-size";
import { HOST_API_VERSION } from "./host-services";
import { shareHostModulesWith } from "./shared-modules";

/** The repository root (plugins/ lives here). */
export const REPO_ROOT = path.resolve(__dirname, "../..");

/** This Selvedge's version (package.json), the one plugins' `hostVersions` ranges are checked against: the port's version. */
export const HOST_VERSION: string = HOST_API_VERSION;

export class PluginLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PluginLoadError";
  }
}

/**
 * Resolves one SELVEDGE_PLUGINS entry: a bare name with a folder under plugins/ ("joor"), a module path
 * ("./test/fixtures/test-plugin", absolute or relative to the repository root), or an npm package name.
 */
export function resolvePluginSpec(spec: string): string {
  if (/^[a-z0-9][a-z0-9-]*$/.test(spec) && fs.existsSync(path.join(REPO_ROOT, "plugins", spec))) {
    return path.join(REPO_ROOT, "plugins", spec);
  }
  if (spec.startsWith(".") || path.isAbsolute(spec)) return path.resolve(REPO_ROOT, spec);
  try {
    return require.resolve(spec, { paths: [process.cwd(), REPO_ROOT] });
  } catch {
    throw new PluginLoadError(`Plugin "${spec}" not found: not a folder under plugins/, not a path, not an installed npm package`);
  }
}

/** Loads a plugin module and returns its definition (default export, `plugin` export or the module itself). */
export function loadPluginModule(spec: string): PluginDefinition {
  const file = resolvePluginSpec(spec);
  let mod: Record<string, unknown>;
  try {
    shareHostModulesWith(file); // a plugin outside the tree gets the host's SDK, typeorm, type-graphql, zod
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plugin is a module path known only at run time
    mod = require(file);
  } catch (error) {
    throw new PluginLoadError(`Plugin "${spec}" could not be loaded from ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const candidate = [mod.default, mod.plugin, mod].find((c) => isPluginDefinition(c) || looksLikePlugin(c));
  if (!candidate) throw new PluginLoadError(`Plugin "${spec}" (${file}) exports no plugin definition: export definePlugin({...}) as default`);
  return candidate as PluginDefinition;
}

function looksLikePlugin(c: unknown): boolean {
  return typeof c === "object" && c !== null && typeof (c as PluginDefinition).name === "string" && typeof (c as PluginDefinition).hostVersions === "string";
}

/** Checks a definition's identity and host compatibility; throws a clear PluginLoadError. */
export function checkPlugin(p: PluginDefinition, hostVersion = HOST_VERSION): void {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(p.name ?? ""))
    throw new PluginLoadError(`Plugin name "${p.name}" is invalid: use lower-case letters, digits and dashes`);
  if (!semver.valid(p.version ?? "")) throw new PluginLoadError(`Plugin "${p.name}" has an invalid version "${p.version}" (expected semver, e.g. 1.0.0)`);
  if (!semver.validRange(p.hostVersions ?? "")) {
    throw new PluginLoadError(`Plugin "${p.name}" has an invalid hostVersions range "${p.hostVersions}" (e.g. "^0.1.0")`);
  }
  if (!semver.satisfies(hostVersion, p.hostVersions, { includePrerelease: true })) {
    throw new PluginLoadError(
      `Plugin "${p.name}" ${p.version} supports Selvedge ${p.hostVersions}, but this is Selvedge ${hostVersion}: upgrade the plugin or Selvedge`,
    );
  }
  for (const op of Object.keys(p.operations ?? {})) {
    if (!/^[a-z][a-z0-9-]{0,62}$/.test(op)) throw new PluginLoadError(`Plugin "${p.name}": operation name "${op}" is invalid (lower-case, digits, dashes)`);
  }
  for (const [name, rule] of Object.entries(p.exportSizes ?? {})) {
    if (!EXPORT_SIZE_NAME.test(name))
      throw new PluginLoadError(`Plugin "${p.name}": export size name "${name}" is invalid (lower-case letters, digits, dashes)`);
    const sizes = [rule?.ratioWidth, rule?.ratioHeight, rule?.maxWidth, rule?.maxHeight];
    if (!sizes.every((n) => Number.isInteger(n) && n > 0) || (rule.maxBytes !== undefined && !(Number.isInteger(rule.maxBytes) && rule.maxBytes > 0))) {
      throw new PluginLoadError(`Plugin "${p.name}": export size "${name}" needs positive whole ratioWidth, ratioHeight, maxWidth, maxHeight (and maxBytes)`);
    }
  }
  for (const [key, f] of Object.entries(p.settings ?? {})) {
    if (!f || typeof (f.schema as { safeParse?: unknown })?.safeParse !== "function") {
      throw new PluginLoadError(`Plugin "${p.name}": setting "${key}" needs a zod schema`);
    }
  }
}
