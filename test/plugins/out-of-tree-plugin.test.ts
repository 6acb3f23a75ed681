import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedCatalogue } from "../conformance/conformance-seed";
import { GraphQLClient } from "../harness/graphql-client";
import { START, waitForJob } from "../jobs/helpers";
import { REPO, run, startHostProcess } from "./out-of-tree-host";

/**
 * A plugin written as a partner would (test/fixtures/outside-plugin: imports only `selvedge/*`, an entity and its
 * migration, a resolver, settings, an exporting operation), copied to a folder outside the repository,
 * type-checked against `selvedge/tsconfig.plugin.json`, compiled, and loaded by Selvedge in its own process:
 * once from the folder (an absolute SELVEDGE_PLUGINS entry), once packed with `npm pack` and installed as a
 * package next to Selvedge (loaded by name). The conformance command runs against it from outside too.
 */
const FIXTURE = path.join(REPO, "test/fixtures/outside-plugin");
const PACKAGE = "selvedge-plugin-outside";
const SET = `mutation($v: [ConnectorSettingInput!]!) { updateConnectorSettings(connector: "outside", values: $v) { settingsComplete } }`;

let work: string;
let pluginDir: string;
let deployDir: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), "selvedge-outside-"));
  expect(work.startsWith(REPO)).toBe(false);
  pluginDir = path.join(work, "plugin");
  fs.cpSync(FIXTURE, pluginDir, { recursive: true, filter: (f) => !/[/\\](dist|node_modules)$/.test(f) });
  // the plugin's development install of Selvedge (as `npm install --save-dev <selvedge>` or `npm link selvedge` makes it)
  fs.mkdirSync(path.join(pluginDir, "node_modules"));
  fs.symlinkSync(REPO, path.join(pluginDir, "node_modules", "selvedge"), "dir");
  await run(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.json"], { cwd: pluginDir }).catch((e) => {
    throw new Error(`The plugin does not type-check against selvedge/tsconfig.plugin.json:\n${e.stdout}${e.stderr}`);
  });
  expect(fs.existsSync(path.join(pluginDir, "dist/index.js"))).toBe(true);
  // from here on the plugin has no Selvedge of its own: the host must give it its SDK and libraries
  fs.rmSync(path.join(pluginDir, "node_modules"), { recursive: true });
  // packed, and installed into a deployment folder's node_modules as `npm install <tarball>` would
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", work], { cwd: pluginDir });
  const tarball = path.join(work, JSON.parse(stdout)[0].filename);
  deployDir = path.join(work, "deploy");
  const installed = path.join(deployDir, "node_modules", PACKAGE);
  fs.mkdirSync(installed, { recursive: true });
  await run("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"]);
  expect(fs.readdirSync(installed).sort()).toEqual(["dist", "package.json"]);
  // npm installs peer dependencies: a stray copy of Selvedge next to the plugin must never be the one it runs on
  const stray = path.join(deployDir, "node_modules", "selvedge");
  fs.mkdirSync(stray);
  const entries = Object.fromEntries(["plugin", "typeorm", "type-graphql", "zod"].map((e) => [`./${e}`, "./stray.js"]));
  fs.writeFileSync(path.join(stray, "package.json"), JSON.stringify({ name: "selvedge", version: "0.1.0", exports: entries }));
  fs.writeFileSync(path.join(stray, "stray.js"), `throw new Error("the plugin ran on a stray copy of selvedge");\n`);
}, 120_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

async function exercise(admin: GraphQLClient): Promise<void> {
  const { connector } = await admin.ok(`{ connector(name: "outside") { version settings { key secret required } operations { name } } }`);
  expect(connector).toEqual({
    version: "1.0.0",
    settings: [
      { key: "endpoint", secret: false, required: true },
      { key: "apiKey", secret: true, required: true },
      { key: "delayMs", secret: false, required: false },
      { key: "rejectStyles", secret: false, required: false },
    ],
    operations: [{ name: "export-products" }],
  });
  await admin.ok(`mutation { enableConnector(name: "outside") { enabled } }`);
  const bad = await admin.fails(SET, { v: [{ key: "endpoint", value: "not a url" }] });
  expect(bad.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "values.endpoint" });
  const settings = [
    { key: "endpoint", value: "https://remote.test/api" },
    { key: "apiKey", value: "k-1" },
    { key: "rejectStyles", value: ["CONF-02"] },
  ];
  expect((await admin.ok(SET, { v: settings })).updateConnectorSettings.settingsComplete).toBe(true);
  await seedCatalogue({ admin }, { products: 4, customers: 1 });
  expect((await admin.ok(`{ outsideExportCount }`)).outsideExportCount).toBe(0);
  const job = await waitForJob(admin, (await admin.ok(START, { input: { connector: "outside", operation: "export-products" } })).startSync.id, 30_000);
  expect({ state: job.state, processed: job.processed, failed: job.failed, summary: job.summary }).toEqual({
    state: "SUCCEEDED",
    processed: 3,
    failed: 1,
    summary: { sent: 3 },
  });
  expect((await admin.ok(`{ outsideExportCount }`)).outsideExportCount).toBe(3); // its resolver, its entity, its table
}

it("loads from a folder outside the repository (absolute SELVEDGE_PLUGINS entry)", async () => {
  const host = await startHostProcess(pluginDir, REPO);
  try {
    await exercise(host.admin);
  } finally {
    await host.stop();
  }
}, 90_000);

it("loads its TypeScript source from the folder during development (compiled by the host's register hook)", async () => {
  const host = await startHostProcess(path.join(pluginDir, "src", "index.ts"), REPO);
  try {
    await exercise(host.admin);
  } finally {
    await host.stop();
  }
}, 90_000);

it("loads from its npm tarball, installed as a package and listed by name (the host's SDK, not a stray copy)", async () => {
  const host = await startHostProcess(PACKAGE, deployDir);
  try {
    expect(host.output()).toContain("plugins loaded: outside@1.0.0");
    await exercise(host.admin);
  } finally {
    await host.stop();
  }
}, 90_000);

it("passes the conformance suite run from outside the tree with one command (`npx selvedge-conformance <package>`)", async () => {
  const result = await run(process.execPath, [path.join(REPO, "bin/selvedge-conformance.js"), PACKAGE], { cwd: deployDir, env: { ...process.env } }).catch(
    (e) => ({ stdout: e.stdout as string, stderr: `${e.stderr}\n(exit ${e.code})` }),
  );
  expect(result.stderr).toMatch(/connector conformance: outside/);
  expect(result.stderr).toMatch(/Tests:\s+5 passed, 5 total/);
}, 180_000);

it("the conformance command refuses a plugin it cannot find, with a clear message", async () => {
  const bin = path.join(REPO, "bin/selvedge-conformance.js");
  const missing = await run(process.execPath, [bin, "./no-such-plugin"], { cwd: work }).catch((e) => e);
  expect({ code: missing.code, stderr: missing.stderr }).toEqual({
    code: 2,
    stderr: `selvedge-conformance: no plugin at ${path.join(work, "no-such-plugin")}\n`,
  });
  const unknown = await run(process.execPath, [bin, "selvedge-plugin-nowhere"], { cwd: work }).catch((e) => e);
  expect(unknown.stderr).toMatch(/package "selvedge-plugin-nowhere" is not installed here or next to Selvedge/);
});
