import { startJoorEnv, type JoorEnv } from "./harness";

const SETTINGS = `{ joorSettings { importOrderSeason { id name } importOrderApproved orderOwner { id email } includeFutureAts
  priceSeasons { id } atsSeasons { id } environment authUrl v2Url v4Url urlsOverridden accountId clientId clientSecretSet username
  passwordSet v2ApiTokenSet immediateWarehouse futureWarehouse priceTypes { currency priceType } connectionMode complete missing } }`;
const UPDATE = `mutation($input: JoorSettingsInput!) { updateJoorSettings(input: $input) { importOrderSeason { id } orderOwner { id } priceSeasons { id } atsSeasons { id } importOrderApproved complete } }`;

describe("JOOR settings (typed API over the host's store)", () => {
  let env: JoorEnv;
  beforeAll(async () => {
    env = await startJoorEnv({ configure: false });
  });
  afterAll(() => env?.stop());

  it("module off → refused: the typed settings API answers FORBIDDEN (connector not enabled), startSync the typed error", async () => {
    const err = await env.admin.fails(SETTINGS);
    expect(err.extensions).toMatchObject({ code: "FORBIDDEN", reason: "CONNECTOR_NOT_ENABLED" });
    const { startSync } = await env.admin.ok(
      `mutation { startSync(input: { connector: "joor", operation: "export-customers" }) { __typename ... on ErrorResult { errorCode } } }`,
    );
    expect(startSync.__typename).toBe("ConnectorNotEnabledError");
    const records = await env.admin.fails(`{ joorSyncRecords(kind: CUSTOMER) { totalCount } }`);
    expect(records.extensions?.code).toBe("FORBIDDEN");
  });

  it("the plugin is loaded by default and lists its operations", async () => {
    const { connectors } = await env.admin.ok(`{ connectors { name operations { name } } }`);
    const joor = connectors.find((c: { name: string }) => c.name === "joor");
    expect(joor.operations.map((o: { name: string }) => o.name)).toEqual(expect.arrayContaining(["export-customers", "export-products"]));
  });

  it("typed and generic settings show the same values; secrets are write-only", async () => {
    await env.configure();
    const season = await env.seed.season("AUTUMN/WINTER 20", "2020-08-01", "AW20");
    const s2 = await env.seed.season("SPRING/SUMMER 21", "2021-02-01");
    const owner = await env.server.app.services.identity.createUser(env.server.app.services.identity.scopeFor(env.brandId), {
      name: "Owner",
      email: "owner@brand.test",
      role: "EDITOR",
    });
    const r = await env.admin.ok(UPDATE, {
      input: {
        importOrderSeasonId: String(season.id),
        orderOwnerId: String(owner.id),
        priceSeasonIds: [String(season.id), String(s2.id)],
        atsSeasonIds: [String(s2.id)],
        importOrderApproved: true,
      },
    });
    expect(r.updateJoorSettings).toMatchObject({
      importOrderSeason: { id: String(season.id) },
      orderOwner: { id: String(owner.id) },
      priceSeasons: [{ id: String(season.id) }, { id: String(s2.id) }],
      atsSeasons: [{ id: String(s2.id) }],
      importOrderApproved: true,
      complete: true,
    });
    const { joorSettings } = await env.admin.ok(SETTINGS);
    expect(joorSettings).toMatchObject({
      clientSecretSet: true,
      passwordSet: true,
      v2ApiTokenSet: true,
      accountId: env.sandbox.accountId,
      urlsOverridden: true,
    });
    expect(JSON.stringify(joorSettings)).not.toContain(env.sandbox.credentials.password);
    const { connector } = await env.admin.ok(`{ connector(name: "joor") { settings { key value isSet secret } } }`);
    const generic = Object.fromEntries(connector.settings.map((x: { key: string; value: unknown }) => [x.key, x.value]));
    expect(generic.importOrderSeason).toBe(season.id);
    expect(generic.orderOwner).toBe(owner.id);
    expect(generic.priceSeasons).toEqual([season.id, s2.id]);
    expect(generic.importOrderApproved).toBe(true);
    expect(generic.password).toBeNull();
  });

  it("references to another brand's season or user are BAD_USER_INPUT with the field, like unknown ones; nothing written", async () => {
    const other = await env.server.otherBrand(["joor"]);
    const { createSeason } = await other.ok(`mutation { createSeason(input: { name: "THEIRS", startDate: "2021-01-01" }) { id } }`);
    const before = (await env.admin.ok(SETTINGS)).joorSettings;
    for (const [field, value] of [
      ["importOrderSeasonId", createSeason.id],
      ["priceSeasonIds", [createSeason.id]],
      ["importOrderSeasonId", "999999"],
      ["orderOwnerId", "999999"],
    ] as const) {
      const err = await env.admin.fails(UPDATE, { input: { [field]: value, importOrderApproved: false } });
      expect({ field, code: err.extensions?.code, at: err.extensions?.field }).toEqual({ field, code: "BAD_USER_INPUT", at: `input.${field}` });
    }
    const otherUser = await other.ok(`{ viewer { id } }`);
    const err = await env.admin.fails(UPDATE, { input: { orderOwnerId: otherUser.viewer.id } });
    expect(err.extensions?.field).toBe("input.orderOwnerId");
    expect((await env.admin.ok(SETTINGS)).joorSettings).toEqual(before);
    // the generic API refuses the same references
    const generic = await env.admin.fails(`mutation($v: [ConnectorSettingInput!]!) { updateConnectorSettings(connector: "joor", values: $v) { name } }`, {
      v: [{ key: "atsSeasons", value: [Number(createSeason.id)] }],
    });
    expect(generic.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "values.atsSeasons" });
  });

  it("another brand's token sees and changes nothing of this brand's JOOR settings", async () => {
    const other = await env.server.otherBrand(["joor"]);
    const theirs = (await other.ok(SETTINGS)).joorSettings;
    expect(theirs.accountId).toBeNull();
    expect(theirs.clientSecretSet).toBe(false);
    await other.ok(UPDATE, { input: { importOrderApproved: false } });
    expect((await env.admin.ok(SETTINGS)).joorSettings.importOrderApproved).toBe(true);
  });

  it("only ADMIN reads or writes the JOOR settings", async () => {
    const editor = await env.server.clientFor("EDITOR");
    expect((await editor.fails(SETTINGS)).extensions?.code).toBe("FORBIDDEN");
    expect((await editor.fails(UPDATE, { input: { importOrderApproved: false } })).extensions?.code).toBe("FORBIDDEN");
  });
});
