import { startTestServer, TestServer } from "../harness/test-server";
import { scopeFor } from "../harness/scope";

const CREATE = `mutation($input: CreateSeasonInput!) { createSeason(input: $input) { id name code startDate active } }`;
const UPDATE = `mutation($input: UpdateSeasonInput!) { updateSeason(input: $input) { id name code startDate active } }`;

describe("seasons API", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.stop());

  it("creates seasons and lists them most recent first", async () => {
    await s.admin.ok(CREATE, { input: { name: "AUTUMN/WINTER 20", code: "AW20", startDate: "2020-02-01" } });
    await s.admin.ok(CREATE, { input: { name: "SPRING/SUMMER 21", startDate: "2020-08-01" } });
    const { createSeason } = await s.admin.ok(CREATE, { input: { name: "PRE-FALL 20", startDate: "2020-05-01" } });
    expect(createSeason).toMatchObject({ name: "PRE-FALL 20", code: null, startDate: "2020-05-01", active: true });
    const { seasons } = await s.admin.ok(`{ seasons { name } }`);
    expect(seasons.map((x: any) => x.name)).toEqual(["SPRING/SUMMER 21", "PRE-FALL 20", "AUTUMN/WINTER 20"]);
  });

  it("updates and deactivates a season; activeOnly hides it", async () => {
    const { createSeason: c } = await s.admin.ok(CREATE, { input: { name: "RESORT 21", startDate: "2020-11-01" } });
    const upd = await s.admin.ok(`mutation($input: UpdateSeasonInput!) { updateSeason(input: $input) { name code startDate } }`, {
      input: { id: c.id, name: "RESORT 22", code: "RS22", startDate: "2021-11-01" },
    });
    expect(upd.updateSeason).toEqual({ name: "RESORT 22", code: "RS22", startDate: "2021-11-01" });
    await s.admin.ok(`mutation($id: ID!) { deactivateSeason(id: $id) { active } }`, { id: c.id });
    const all = await s.admin.ok(`{ seasons { name } }`);
    const active = await s.admin.ok(`{ seasons(activeOnly: true) { name } }`);
    expect(all.seasons.map((x: any) => x.name)).toContain("RESORT 22");
    expect(active.seasons.map((x: any) => x.name)).not.toContain("RESORT 22");
    expect((await s.admin.ok(`query($id: ID!) { season(id: $id) { active } }`, { id: c.id })).season.active).toBe(false);
  });

  it.each([
    ["duplicate name in the brand", { name: "AUTUMN/WINTER 20", startDate: "2020-02-01" }, "name"],
    ["empty name", { name: " ", startDate: "2020-02-01" }, "name"],
    ["a date that does not exist", { name: "X1", startDate: "2020-02-30" }, "startDate"],
    ["a date that is not ISO 8601", { name: "X2", startDate: "01/02/2020" }, "startDate"],
    ["a code longer than 32", { name: "X3", startDate: "2020-02-01", code: "C".repeat(33) }, "code"],
    ["a duplicate name in another case", { name: "autumn/winter 20", startDate: "2020-02-01" }, "name"],
    ["a duplicate name with surrounding spaces", { name: "  AUTUMN/WINTER 20 ", startDate: "2020-02-01" }, "name"],
    ["a name longer than 100", { name: "N".repeat(101), startDate: "2020-02-01" }, "name"],
    ["a date with a time", { name: "X4", startDate: "2020-02-01T00:00:00Z" }, "startDate"],
    ["an empty date", { name: "X5", startDate: "" }, "startDate"],
  ])("refuses %s and changes nothing", async (_l, input, field) => {
    const before = (await s.admin.ok(`{ seasons { id } }`)).seasons.length;
    const err = await s.admin.fails(CREATE, { input });
    expect(err.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect((await s.admin.ok(`{ seasons { id } }`)).seasons.length).toBe(before);
  });

  it("updateSeason refuses another season's name (in any case) and bad dates, and changes nothing", async () => {
    const { createSeason: c } = await s.admin.ok(CREATE, { input: { name: "HOLIDAY 20", code: "HO20", startDate: "2020-09-01" } });
    const read = async () => (await s.admin.ok(`query($id: ID!) { season(id: $id) { name code startDate active } }`, { id: c.id })).season;
    const before = await read();
    for (const [input, field] of [
      [{ name: "AUTUMN/WINTER 20" }, "name"],
      [{ name: "Autumn/Winter 20", code: "X" }, "name"],
      [{ name: "" }, "name"],
      [{ startDate: "2021-02-29" }, "startDate"],
      [{ startDate: null }, "startDate"],
      [{ code: "C".repeat(33), name: "HOLIDAY 21" }, "code"],
    ] as const) {
      const err = await s.admin.fails(UPDATE, { input: { id: c.id, ...input } });
      expect({ input, ext: err.extensions }).toMatchObject({ input, ext: { code: "BAD_USER_INPUT", field } });
    }
    expect(await read()).toEqual(before);
    expect((await s.admin.ok(UPDATE, { input: { id: c.id, name: "Holiday 20", code: null } })).updateSeason).toMatchObject({ name: "Holiday 20", code: null });
    expect((await s.admin.ok(UPDATE, { input: { id: c.id, active: false } })).updateSeason).toMatchObject({ active: false });
    expect((await s.admin.ok(UPDATE, { input: { id: c.id, active: true } })).updateSeason).toMatchObject({ active: true });
  });

  it("seasons starting on the same date are listed later-created first", async () => {
    const a = (await s.admin.ok(CREATE, { input: { name: "TIE A", startDate: "2040-01-01" } })).createSeason;
    const b = (await s.admin.ok(CREATE, { input: { name: "TIE B", startDate: "2040-01-01" } })).createSeason;
    const { seasons } = await s.admin.ok(`{ seasons { id } }`);
    expect(seasons.slice(0, 2).map((x: any) => x.id)).toEqual([b.id, a.id]);
  });

  it("findByName (platform season matching) is exact and case-sensitive on every database, within the brand", async () => {
    const seasons = s.app.services.seasons;
    expect((await seasons.findByName(scopeFor(s.app, s.brandId), " AUTUMN/WINTER 20 "))?.name).toBe("AUTUMN/WINTER 20");
    expect(await seasons.findByName(scopeFor(s.app, s.brandId), "Autumn/Winter 20")).toBeNull();
    expect(await seasons.findByName(scopeFor(s.app, s.brandId), "AW20")).toBeNull();
    expect(await seasons.findByName(scopeFor(s.app, s.brandId + 1000), "AUTUMN/WINTER 20")).toBeNull();
  });

  it("unknown and malformed ids", async () => {
    expect((await s.admin.fails(`{ season(id: "999999") { id } }`)).extensions).toMatchObject({ code: "NOT_FOUND", field: "id" });
    expect((await s.admin.fails(`{ season(id: "-1") { id } }`)).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    expect((await s.admin.fails(UPDATE, { input: { id: "999999", name: "X" } })).extensions?.code).toBe("NOT_FOUND");
    expect((await s.admin.fails(`mutation { deactivateSeason(id: "999999") { id } }`)).extensions?.code).toBe("NOT_FOUND");
  });

  it("the same season name is allowed in another brand, and brands never see each other's seasons", async () => {
    const other = await s.otherBrand();
    await other.ok(CREATE, { input: { name: "AUTUMN/WINTER 20", startDate: "2020-02-01" } });
    expect((await other.ok(`{ seasons { name } }`)).seasons).toEqual([{ name: "AUTUMN/WINTER 20" }]);
    const mine = (await s.admin.ok(`{ seasons { id name } }`)).seasons.find((x: any) => x.name === "AUTUMN/WINTER 20");
    expect((await other.fails(`query($id: ID!) { season(id: $id) { id } }`, { id: mine.id })).extensions?.code).toBe("NOT_FOUND");
    expect((await other.fails(`mutation($id: ID!) { deactivateSeason(id: $id) { id } }`, { id: mine.id })).extensions?.code).toBe("NOT_FOUND");
    expect(
      (await other.fails(`mutation($i: UpdateSeasonInput!) { updateSeason(input: $i) { id } }`, { i: { id: mine.id, name: "HACKED" } })).extensions?.code,
    ).toBe("NOT_FOUND");
    expect((await s.admin.ok(`query($id: ID!) { season(id: $id) { name active } }`, { id: mine.id })).season).toEqual({
      name: "AUTUMN/WINTER 20",
      active: true,
    });
  });
});
