#!/usr/bin/env node
"use strict";
/**
 * `npx selvedge-conformance <plugin folder | package name> [--options <file>]`: runs the connector conformance
 * suite (test/conformance) against a plugin, in or out of this repository, through Jest and the host's real server.
 * The test database is SQLite by default (TEST_DB=mysql with TEST_MYSQL_URL for MariaDB/MySQL).
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const HOST = path.resolve(__dirname, "..");
const args = process.argv.slice(2);
const usage = "usage: selvedge-conformance <plugin folder | package name> [--options <conformance file>]";
if (args.length === 0 || args.includes("--help") || args.includes("-h")) {
  process.stderr.write(usage + "\n");
  process.exit(args.length === 0 ? 2 : 0);
}
let spec = args[0];
let options;
for (let i = 1; i < args.length; i++) {
  if (args[i] === "--options" && args[i + 1]) options = path.resolve(args[++i]);
  else {
    process.stderr.write(`selvedge-conformance: unknown argument "${args[i]}"\n${usage}\n`);
    process.exit(2);
  }
}
// a path is taken relative to where the command runs; a folder under the host's plugins/ by its name; a package
// name is looked up from here and from the host
if (/^[a-z0-9][a-z0-9-]*$/.test(spec) && fs.existsSync(path.join(HOST, "plugins", spec))) {
  // as SELVEDGE_PLUGINS names it
} else if (spec.startsWith(".") || path.isAbsolute(spec) || fs.existsSync(spec)) {
  spec = path.resolve(spec);
  if (!fs.existsSync(spec)) {
    process.stderr.write(`selvedge-conformance: no plugin at ${spec}\n`);
    process.exit(2);
  }
} else {
  try {
    spec = path.dirname(require.resolve(`${spec}/package.json`, { paths: [process.cwd(), HOST] }));
  } catch {
    process.stderr.write(`selvedge-conformance: package "${spec}" is not installed here or next to Selvedge\n`);
    process.exit(2);
  }
}

function find(name) {
  try {
    return require.resolve(name, { paths: [process.cwd(), HOST] });
  } catch {
    return undefined;
  }
}
const jest = find("jest/bin/jest");
if (!jest || !find("@swc/jest")) {
  process.stderr.write("selvedge-conformance needs jest and @swc/jest: npm install --save-dev jest @swc/jest\n");
  process.exit(2);
}
const hostJest = require(path.join(HOST, "jest.config.js"));
const nm = path.join(HOST, "node_modules");
const config = {
  ...hostJest,
  rootDir: HOST,
  roots: [path.join(HOST, "test", "conformance")],
  testMatch: ["**/external.conformance.ts"],
  // the plugin runs in Jest's module registry: give it the host's SDK entries and the host's copies of the
  // shared libraries (as src/plugin/shared-modules.ts does at run time), the rest from the host as a fallback
  moduleNameMapper: {
    "^selvedge/(plugin|typeorm|type-graphql|zod)$": path.join(HOST, "src", "sdk", "$1.ts"),
    "^selvedge/conformance$": path.join(HOST, "test", "conformance", "index.ts"),
    ...Object.fromEntries(
      ["typeorm", "type-graphql", "zod", "graphql", "reflect-metadata"].map((name) => [`^${name}$`, require.resolve(name, { paths: [HOST] })]),
    ),
  },
  modulePaths: [nm],
  transform: { "^.+\\.ts$": [find("@swc/jest"), hostJest.transform["^.+\\.ts$"][1]] },
  // Selvedge ships TypeScript: compile it even when it is installed under node_modules (not only linked)
  transformIgnorePatterns: ["/node_modules/(?!selvedge/)"],
};
const env = { ...process.env, SELVEDGE_CONFORMANCE_PLUGIN: spec, ...(options ? { SELVEDGE_CONFORMANCE_OPTIONS: options } : {}) };
const run = spawnSync(process.execPath, [jest, "--config", JSON.stringify(config), "--runInBand"], { stdio: "inherit", env, cwd: HOST });
process.exit(run.status ?? 1);
