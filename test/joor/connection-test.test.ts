import { ENABLE_CONNECTOR, settingValues, UPDATE_CONNECTOR_SETTINGS } from "../harness/operations";
import { startJoorEnv, type JoorEnv } from "./harness";

const TEST = `mutation { testJoorConnection { ok message checks { name ok message } } }`;
const set = (env: JoorEnv, values: Record<string, unknown>) => env.admin.run(UPDATE_CONNECTOR_SETTINGS, { connector: "joor", values: settingValues(values) });

describe("testJoorConnection", () => {
  let env: JoorEnv;
  beforeAll(async () => {
    env = await startJoorEnv({ configure: false });
  });
  afterAll(() => env?.stop());

  it("says which settings are missing before talking to JOOR", async () => {
    await env.admin.run(ENABLE_CONNECTOR, { name: "joor" });
    const { testJoorConnection: r } = await env.admin.ok(TEST);
    expect(r.ok).toBe(false);
    expect(r.checks).toEqual([expect.objectContaining({ name: "settings", ok: false, message: expect.stringContaining("accountId") })]);
  });

  it("all good: token, v2 token, price types, currencies and warehouses", async () => {
    await env.configure({ futureWarehouse: "FUTURE" });
    await env.seed.customer({ currency: "GBP" });
    const { testJoorConnection: r } = await env.admin.ok(TEST);
    expect(r.checks.filter((c: any) => !c.ok)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.checks.map((c: any) => c.name)).toEqual(["credentials", "v2Token", "priceTypes", "currencies", "warehouses", "warehouses"]);
  });

  it("bad credentials, an unknown warehouse, a price type JOOR does not have, a currency in use with no mapping — in words", async () => {
    await set(env, {
      priceTypes: [
        { currency: "EUR", priceType: "EUR-9" },
        { currency: "USD", priceType: "EUR-1" },
      ],
      immediateWarehouse: "Main Hall",
    });
    await env.seed.customer({ currency: "JPY" });
    const { testJoorConnection: r } = await env.admin.ok(TEST);
    expect(r.ok).toBe(false);
    const by = Object.fromEntries(r.checks.filter((c: any) => !c.ok).map((c: any) => [c.name, c.message]));
    expect(by.priceTypes).toContain(`JOOR has no price type "EUR-9" (mapped for EUR)`);
    expect(by.priceTypes).toContain(`"EUR-1" is in EUR, but it is mapped for USD`);
    expect(by.currencies).toMatch(/use GBP, JPY, but no JOOR price type is mapped/);
    expect(by.warehouses).toContain(`JOOR has no warehouse "Main Hall"`);
    await set(env, { password: "wrong-password" });
    const bad = (await env.admin.ok(TEST)).testJoorConnection;
    expect(bad.ok).toBe(false);
    expect(bad.checks).toEqual([
      expect.objectContaining({ name: "credentials", ok: false, message: expect.stringContaining("JOOR refused the username or password") }),
    ]);
    await set(env, { password: env.sandbox.credentials.password, v2ApiToken: "not-the-token" });
    const v2 = (await env.admin.ok(TEST)).testJoorConnection;
    expect(v2.checks.find((c: any) => c.name === "v2Token")).toMatchObject({ ok: false, message: expect.stringContaining("v2 API token") });
  });

  it("is ADMIN only and refused for a brand without the joor module", async () => {
    const editor = await env.server.clientFor("EDITOR");
    expect((await editor.fails(TEST)).extensions?.code).toBe("FORBIDDEN");
    const plain = await env.server.otherBrand(["inventory"]);
    expect((await plain.fails(TEST)).extensions).toMatchObject({ code: "FORBIDDEN", reason: "CONNECTOR_NOT_ENABLED" });
  });
});
