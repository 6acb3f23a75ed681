import { ConnectorSettings } from "../../src/plugin/connector-settings.entity";
import { TestServer } from "../harness/test-server";
import { GraphQLClient } from "../harness/graphql-client";
import { START, setSettings, startJobServer } from "../jobs/helpers";

const CONNECTORS = `{ connectors { name version description module enabled settingsComplete missingSettings operations { name description } } }`;
const SETTINGS = `{ connector(name: "testconn") { settingsComplete settings { key kind required secret isSet value default description } } }`;

describe("connectors in the API", () => {
  let s: TestServer;
  let editor: GraphQLClient;
  let viewer: GraphQLClient;
  beforeAll(async () => {
    s = await startTestServerWithoutConfig();
    editor = await s.clientFor("EDITOR");
    viewer = await s.clientFor("VIEWER");
  });
  afterAll(async () => s.stop());

  async function startTestServerWithoutConfig(): Promise<TestServer> {
    const server = await startJobServer();
    // undo the helper's configuration: this suite starts from a disabled, unconfigured connector
    await server.admin.ok(`mutation { disableConnector(name: "testconn") { enabled } }`);
    await setSettings(server.admin, { apiUrl: null, apiKey: null });
    return server;
  }

  it("lists installed connectors with their operations, enabled flag and missing settings", async () => {
    const { connectors } = await viewer.ok(CONNECTORS);
    expect(connectors).toEqual([
      {
        name: "testconn",
        version: "1.0.0",
        description: "A connector for tests",
        module: "testconn",
        enabled: false,
        settingsComplete: false,
        missingSettings: ["apiUrl", "apiKey"],
        operations: [
          { name: "import-records", description: "Imports the platform's records (incremental; full re-checks every record)" },
          { name: "noop", description: "Does nothing (a second operation for listings and schedules)" },
        ],
      },
    ]);
  });

  it("startSync is refused with typed errors until the connector is enabled and configured", async () => {
    const input = { connector: "testconn", operation: "noop" };
    expect((await editor.ok(START, { input })).startSync).toMatchObject({
      __typename: "ConnectorNotEnabledError",
      errorCode: "CONNECTOR_NOT_ENABLED",
      message: expect.stringContaining("not enabled"),
    });
    expect((await editor.fails(`mutation { enableConnector(name: "testconn") { enabled } }`)).extensions?.code).toBe("FORBIDDEN");
    expect((await s.admin.ok(`mutation { enableConnector(name: "testconn") { enabled } }`)).enableConnector.enabled).toBe(true);
    expect((await s.app.services.identity.brand(s.brandId)).modules).toContain("testconn");
    expect((await editor.ok(START, { input })).startSync).toMatchObject({
      __typename: "SettingsIncompleteError",
      errorCode: "SETTINGS_INCOMPLETE",
      missing: ["apiUrl", "apiKey"],
    });
  });

  it("settings are validated field by field; nothing is written when one is bad", async () => {
    const bad = await s.admin.fails(`mutation($v: [ConnectorSettingInput!]!) { updateConnectorSettings(connector: "testconn", values: $v) { name } }`, {
      v: [
        { key: "apiKey", value: "good-key" },
        { key: "apiUrl", value: "not a url" },
      ],
    });
    expect(bad.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "values.apiUrl" });
    const unknown = await s.admin.fails(`mutation($v: [ConnectorSettingInput!]!) { updateConnectorSettings(connector: "testconn", values: $v) { name } }`, {
      v: [{ key: "colour", value: "red" }],
    });
    expect(unknown.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "values.colour" });
    const wrongType = await s.admin.fails(`mutation($v: [ConnectorSettingInput!]!) { updateConnectorSettings(connector: "testconn", values: $v) { name } }`, {
      v: [{ key: "records", value: "many" }],
    });
    expect(wrongType.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "values.records" });
    const { connector } = await s.admin.ok(SETTINGS);
    expect(connector.settings.find((x: any) => x.key === "apiKey").isSet).toBe(false);
    const unknownConnector = await s.admin.fails(`mutation { updateConnectorSettings(connector: "nope", values: []) { name } }`);
    expect(unknownConnector.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "connector" });
  });

  it("secrets are write-only in the API and encrypted at rest", async () => {
    await setSettings(s.admin, { apiUrl: "https://platform.test/api", apiKey: "super-secret-key-42", records: 5 });
    const { connector } = await s.admin.ok(SETTINGS);
    expect(connector.settingsComplete).toBe(true);
    const byKey = Object.fromEntries(connector.settings.map((x: any) => [x.key, x]));
    expect(byKey.apiKey).toMatchObject({ kind: "STRING", required: true, secret: true, isSet: true, value: null });
    expect(byKey.apiKey.default).toBeNull();
    expect(byKey.apiUrl).toMatchObject({ kind: "URL", required: true, secret: false, isSet: true, value: "https://platform.test/api", default: null });
    expect(byKey.records).toMatchObject({ kind: "NUMBER", required: false, value: 5, default: 20 });
    expect(byKey.badKeys).toMatchObject({ kind: "LIST", required: false, isSet: false, value: null, default: [] });
    const row = await s.app.ds.getRepository(ConnectorSettings).findOneByOrFail({ brandId: s.brandId, connector: "testconn" });
    expect(row.valuesJson).not.toContain("super-secret-key-42");
    expect(JSON.parse(row.valuesJson).apiKey).toMatch(/^enc:v1:/);
    // the operation receives the decrypted value
    const plugin = s.app.plugins.get("testconn")!;
    const check = await s.app.services.connectors.settings.check(plugin, s.brandId);
    expect(check.values?.apiKey).toBe("super-secret-key-42");
  });

  it("settings are ADMIN only; connectors and operations are visible to every role", async () => {
    expect((await viewer.fails(SETTINGS)).extensions?.code).toBe("FORBIDDEN");
    expect((await editor.fails(SETTINGS)).extensions?.code).toBe("FORBIDDEN");
    expect((await editor.fails(`mutation { updateConnectorSettings(connector: "testconn", values: []) { name } }`)).extensions?.code).toBe("FORBIDDEN");
    expect((await editor.fails(`mutation { disableConnector(name: "testconn") { name } }`)).extensions?.code).toBe("FORBIDDEN");
    expect((await s.anonymous.fails(CONNECTORS)).extensions?.code).toBe("UNAUTHENTICATED");
    expect((await viewer.ok(CONNECTORS)).connectors[0]).toMatchObject({ enabled: true, settingsComplete: true, missingSettings: [] });
  });

  it("brand isolation: another brand has its own enablement and settings", async () => {
    const other = await s.otherBrand();
    expect((await other.ok(CONNECTORS)).connectors[0]).toMatchObject({ enabled: false, settingsComplete: false });
    const { connector } = await other.ok(SETTINGS);
    expect(connector.settings.find((x: any) => x.key === "apiKey").isSet).toBe(false);
    await setSettings(other, { apiKey: "other-brand-key" });
    const plugin = s.app.plugins.get("testconn")!;
    expect((await s.app.services.connectors.settings.check(plugin, s.brandId)).values?.apiKey).toBe("super-secret-key-42");
  });

  it("disabling the connector refuses new runs", async () => {
    await s.admin.ok(`mutation { disableConnector(name: "testconn") { enabled } }`);
    expect((await editor.ok(START, { input: { connector: "testconn", operation: "noop" } })).startSync.__typename).toBe("ConnectorNotEnabledError");
    await s.admin.ok(`mutation { enableConnector(name: "testconn") { enabled } }`);
    expect((await editor.ok(START, { input: { connector: "testconn", operation: "noop" } })).startSync.__typename).toBe("Job");
  });
});
