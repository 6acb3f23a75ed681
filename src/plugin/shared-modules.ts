import fs from "node:fs";
import Module from "node:module";
import path from "node:path";

/**
 * One copy of the SDK and its libraries per process. A plugin outside this repository (a folder anywhere on disk,
 * or an npm package) imports `selvedge/plugin`, `selvedge/typeorm`, `selvedge/type-graphql`, `selvedge/zod` and
 * may import `typeorm`, `type-graphql`, `zod`, `graphql` or `reflect-metadata` directly. Those requests, made from
 * a plugin's own files, resolve to the host's files, never to a copy the plugin happens to have installed:
 * decorator metadata (entities, GraphQL types) and `instanceof` checks are global per copy of a library.
 */

/** This package's root (package.json with "exports"). */
const HOST_ROOT = path.resolve(__dirname, "../..");
const HOST_NAME = "selvedge";
const SHARED = ["typeorm", "type-graphql", "zod", "graphql", "reflect-metadata"];

const pluginRoots = new Set<string>();
let exportsMap: Record<string, string> | undefined;
let installed = false;

/** The file a request for `selvedge` or `selvedge/<entry>` means (package.json "exports"), or undefined. */
export function hostEntry(request: string): string | undefined {
  if (request !== HOST_NAME && !request.startsWith(`${HOST_NAME}/`)) return undefined;
  exportsMap ??= JSON.parse(fs.readFileSync(path.join(HOST_ROOT, "package.json"), "utf8")).exports as Record<string, string>;
  const target = exportsMap["." + request.slice(HOST_NAME.length)];
  return target === undefined ? undefined : path.join(HOST_ROOT, target);
}

function sharedPackage(request: string): boolean {
  return SHARED.some((name) => request === name || request.startsWith(`${name}/`));
}

/** The folder a plugin's files live in: the nearest folder with a package.json (or the file's own folder). */
export function pluginRootOf(file: string): string {
  const dir = fs.statSync(file).isDirectory() ? file : path.dirname(file);
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, "package.json"))) return d;
    if (path.dirname(d) === d) return dir;
  }
}

function isPluginFile(file: string): boolean {
  for (const root of pluginRoots) {
    // the plugin's own files, not those of the libraries it bundles in its node_modules
    if (file.startsWith(root) && !file.slice(root.length).split(path.sep).includes("node_modules")) return true;
  }
  return false;
}

/**
 * Makes the plugin at `file` (its package folder) use the host's SDK and libraries. Plugins inside this
 * repository (plugins/*, test fixtures) need nothing: they already resolve the host's copies.
 */
export function shareHostModulesWith(file: string): void {
  const real = fs.realpathSync(file);
  const inHost = real.startsWith(HOST_ROOT + path.sep) && !real.slice(HOST_ROOT.length).split(path.sep).includes("node_modules");
  if (inHost) return;
  pluginRoots.add(pluginRootOf(real) + path.sep);
  install();
}

type ResolveFilename = (request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]) => string;

function install(): void {
  if (installed) return;
  installed = true;
  const M = Module as unknown as { _resolveFilename: ResolveFilename };
  const original = M._resolveFilename;
  M._resolveFilename = function resolveShared(this: unknown, request, parent, ...rest) {
    if (parent?.filename && isPluginFile(parent.filename)) {
      const entry = hostEntry(request);
      if (entry) return entry;
      if (sharedPackage(request)) return require.resolve(request, { paths: [HOST_ROOT] });
    }
    return original.call(this, request, parent, ...rest);
  };
}
