import { BrandScope } from "../../src/db/brand-scope";
import { HOST_API_VERSION } from "../../src/plugin/host-services";
import { HOST_VERSION } from "../../src/plugin/plugin-loader";
import type { TestServer } from "../harness/test-server";
import { startJobServer } from "../jobs/helpers";

/** The plugin port over the real services: versioned with the host, scoped to the caller's brand, own settings only. */
describe("HostServices", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startJobServer({}, { records: 7 });
  });
  afterAll(() => s?.stop());

  it("is versioned with the host", () => {
    const host = s.app.hostOf("testconn");
    expect(host.version).toBe(HOST_API_VERSION);
    expect(HOST_API_VERSION).toBe(HOST_VERSION);
    expect(() => s.app.hostOf("not-installed")).toThrow(/not installed/);
  });

  it("reads within the scope's brand only", async () => {
    const host = s.app.hostOf("testconn");
    const other = await s.otherBrand();
    const { createSeason } = await other.ok(`mutation { createSeason(input: { name: "OTHER SS27", startDate: "2027-01-01" }) { id } }`);
    const mine = BrandScope.of(s.app.ds, s.brandId);
    const brands = await s.app.services.identity.listBrands();
    const theirs = BrandScope.of(s.app.ds, Math.max(...brands.map((b) => b.id)));
    expect(theirs.brandId).not.toBe(s.brandId);
    expect((await host.seasons.get(theirs, Number(createSeason.id))).name).toBe("OTHER SS27");
    await expect(host.seasons.get(mine, Number(createSeason.id))).rejects.toMatchObject({ extensions: { code: "NOT_FOUND" } });
    expect(await host.seasons.findByName(mine, "OTHER SS27")).toBeNull();
    const users = await host.users.list(mine);
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((u) => u.brandId === s.brandId)).toBe(true);
  });

  it("gives the plugin its own settings, parsed like ctx.settings, and validates writes", async () => {
    const host = s.app.hostOf("testconn");
    const mine = BrandScope.of(s.app.ds, s.brandId);
    expect(await host.settings.isEnabled(mine)).toBe(true);
    const raw = await host.settings.raw(mine);
    expect(raw).toMatchObject({ apiUrl: "https://platform.test/api", records: 7 });
    expect(raw.apiKey).toMatch(/^enc:v1:/); // sealed; check() decrypts
    expect(await host.settings.check(mine)).toMatchObject({ complete: true, missing: [], values: { apiKey: "k-secret-123", records: 7, delayMs: 0 } });
    await expect(host.settings.update(mine, { records: -5 })).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect((await host.settings.raw(mine)).records).toBe(7);
    await host.syncState.set(mine, "probe", { n: 1 });
    expect(await host.syncState.get(mine, "probe")).toEqual({ n: 1 });
  });
});
