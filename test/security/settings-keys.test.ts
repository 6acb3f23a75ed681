import { TestServer } from "../harness/test-server";
import { startJobServer } from "../jobs/helpers";

const UPDATE = `mutation($values: [ConnectorSettingInput!]!) { updateConnectorSettings(connector: "testconn", values: $values) { name settings { key isSet value } } }`;
const SETTINGS = `{ connectors { name settings { key isSet value } } }`;

describe("connector settings are looked up among declared keys only", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startJobServer();
  });
  afterAll(async () => s.stop());

  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"])(
    "%s is an unknown setting (BAD_USER_INPUT on values.<key>), and nothing is stored",
    async (key) => {
      const before = await s.admin.ok(SETTINGS);
      for (const value of ["x", 1, { polluted: true }]) {
        const err = await s.admin.fails(UPDATE, { values: [{ key, value }] });
        expect({ key, code: err.extensions?.code, field: err.extensions?.field }).toEqual({ key, code: "BAD_USER_INPUT", field: `values.${key}` });
      }
      expect(await s.admin.ok(SETTINGS)).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it("a known key next to __proto__ is not written either (all or nothing)", async () => {
    const err = await s.admin.fails(UPDATE, {
      values: [
        { key: "records", value: 5 },
        { key: "__proto__", value: { records: 7 } },
      ],
    });
    expect(err.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "values.__proto__" });
    const { connectors } = await s.admin.ok(SETTINGS);
    const records = connectors.find((c: { name: string }) => c.name === "testconn").settings.find((x: { key: string }) => x.key === "records");
    expect(records.value).not.toBe(5);
  });
});
