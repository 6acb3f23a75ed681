import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { PluginDefinition } from "../../src/plugin/define-plugin";
import { isRequired } from "../../src/plugin/settings";
import { GraphQLClient } from "../harness/graphql-client";
import { ENABLE_CONNECTOR, settingValues, UPDATE_CONNECTOR_SETTINGS } from "../harness/operations";
import { startTestServer, TestServer } from "../harness/test-server";
import { fastJobs, START, waitForJob } from "../jobs/helpers";

/**
 * The connector conformance suite: any connector plugin runs it (`describeConnectorConformance({...})` in a
 * *.test.ts file) against its fake remote. It checks the contract of CONTRACT §4 from the outside, through
 * the GraphQL API: operations are declared, settings validate (secrets write-only), cancellation is honoured,
 * per-record errors do not abort a job, and a second run after a success does no duplicate work.
 */
export interface ConnectorConformanceOptions {
  /** The plugin's SELVEDGE_PLUGINS entry (a name under plugins/, a path, or a package). */
  plugin: string;
  /** Loaded definition (to read the declaration). */
  definition: PluginDefinition;
  /** The operation to exercise (it must process several records). */
  operation: string;
  /** Starts the fake remote etc.; returns what to tear down. */
  setup?(): Promise<{ teardown(): Promise<void> } | void>;
  /** Complete, valid settings (pointing at the fake remote). */
  settings(): Record<string, unknown>;
  /** One invalid value per setting to check (at least one). */
  invalidSettings: Record<string, unknown>;
  /** Settings that make the operation slow enough to cancel mid-run (merged over settings()). */
  slowSettings: Record<string, unknown>;
  /** Settings under which some records fail (merged over settings()). */
  failingSettings: Record<string, unknown>;
  /** Counts what the operation wrote (local rows or remote records), to detect duplicate work. */
  countWork(server: TestServer): Promise<number>;
  /**
   * Gives the (empty) test brand data to work on, once the server is up and the connector enabled, before any
   * check: an exporting connector needs some (`seed: (s) => seedCatalogue(s)` for products and customers).
   */
  seed?(server: TestServer): Promise<void>;
  /** Switched on before the cancellation run and off after it, for slowness that settings cannot express (e.g. a fake's latency). */
  onSlow?(on: boolean): Promise<void>;
}

/**
 * What a plugin outside the tree exports (default) from its conformance file for `npx selvedge-conformance`:
 * the runner fills in `plugin` and `definition` from the plugin it is given.
 */
export type ExternalConformanceOptions = Omit<ConnectorConformanceOptions, "plugin" | "definition">;

export function describeConnectorConformance(o: ConnectorConformanceOptions): void {
  describe(`connector conformance: ${o.definition.name}`, () => {
    let s: TestServer;
    let admin: GraphQLClient;
    let teardown: (() => Promise<void>) | undefined;
    const name = o.definition.name;
    const start = async (extra: Record<string, unknown> = {}) =>
      (await admin.ok(START, { input: { connector: name, operation: o.operation, ...extra } })).startSync;
    const settle = async (settings: Record<string, unknown>) =>
      admin.run(UPDATE_CONNECTOR_SETTINGS, { connector: name, values: settingValues({ ...o.settings(), ...settings }) });

    beforeAll(async () => {
      teardown = (await o.setup?.())?.teardown;
      s = await startTestServer({ plugins: [o.plugin], jobs: fastJobs() });
      admin = s.admin;
      await admin.run(ENABLE_CONNECTOR, { name });
      await o.seed?.(s);
    });
    afterAll(async () => {
      await s?.stop();
      await teardown?.();
    });

    it("declares its operations and settings", async () => {
      const { connector } = await admin.ok(
        `query($n: String!) { connector(name: $n) { version operations { name description } settings { key secret required } } }`,
        { n: name },
      );
      expect(connector.operations.length).toBeGreaterThan(0);
      expect(connector.operations.map((x: { name: string }) => x.name)).toContain(o.operation);
      for (const op of connector.operations) expect(op.name).toMatch(/^[a-z][a-z0-9-]*$/);
      const declared = Object.keys(o.definition.settings ?? {});
      expect(connector.settings.map((x: { key: string }) => x.key)).toEqual(declared);
      for (const x of connector.settings) expect(x.required).toBe(isRequired(o.definition.settings![x.key]));
    });

    it("validates settings and keeps secrets write-only", async () => {
      expect(Object.keys(o.invalidSettings).length).toBeGreaterThan(0);
      for (const [key, value] of Object.entries(o.invalidSettings)) {
        const err = await admin.fails(UPDATE_CONNECTOR_SETTINGS.document, { connector: name, values: settingValues({ [key]: value }) });
        expect({ key, code: err.extensions?.code, field: err.extensions?.field }).toEqual({ key, code: "BAD_USER_INPUT", field: `values.${key}` });
      }
      expect((await settle({})).updateConnectorSettings.settingsComplete).toBe(true);
      const { connector } = await admin.ok(`query($n: String!) { connector(name: $n) { settings { key secret isSet value } } }`, { n: name });
      for (const x of connector.settings.filter((x: { secret: boolean }) => x.secret)) expect(x.value).toBeNull();
    });

    it("honours cancellation", async () => {
      await settle(o.slowSettings);
      await o.onSlow?.(true);
      try {
        const job = await start({ full: true });
        expect(job.__typename).toBe("Job");
        await waitForJob(admin, job.id, 20_000, (j) => j.state === "RUNNING" && j.processed + j.failed > 0);
        await admin.ok(`mutation($id: ID!) { cancelJob(id: $id) { id } }`, { id: job.id });
        const done = await waitForJob(admin, job.id, 20_000);
        expect(done.state).toBe("CANCELLED");
      } finally {
        await o.onSlow?.(false);
      }
    });

    it("reports per-record errors as issues without aborting the job", async () => {
      await settle(o.failingSettings);
      const job = await start({ full: true });
      const done = await waitForJob(admin, job.id, 60_000);
      expect(done.state).toBe("SUCCEEDED");
      expect(done.failed).toBeGreaterThan(0);
      expect(done.processed).toBeGreaterThan(0);
      const { job: j } = await admin.ok(`query($id: ID!) { job(id: $id) { issues(first: 500) { totalCount edges { node { entity key code message } } } } }`, {
        id: job.id,
      });
      expect(j.issues.totalCount).toBe(done.failed);
      for (const e of j.issues.edges) for (const f of ["entity", "key", "code", "message"]) expect(e.node[f]).toBeTruthy();
    });

    it("does no duplicate work on a second run after a success", async () => {
      await settle({});
      const first = await waitForJob(admin, (await start()).id, 60_000);
      expect(first.state).toBe("SUCCEEDED");
      const after = await o.countWork(s);
      expect(after).toBeGreaterThan(0);
      const second = await waitForJob(admin, (await start()).id, 60_000);
      expect(second.state).toBe("SUCCEEDED");
      expect(await o.countWork(s)).toBe(after);
    });
  });
}
