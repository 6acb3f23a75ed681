import type { JoorSandbox } from "../../plugins/joor/sandbox";
import { Client, start } from "./helpers";

describe("JOOR sandbox: v4 seasons", () => {
  let sb: JoorSandbox;
  let c: Client;
  beforeAll(async () => {
    ({ sb, c } = await start());
  });
  afterAll(() => sb.close());

  it("creates seasons as JOOR documents ({name, year, external_id} -> {id, name, external_id, year}) and lists them", async () => {
    const r = await c.v4("POST", "/seasons/bulk_create", [
      { name: "SPRING 2022", year: 2022, external_id: "SP22" },
      { name: "AUTUMN 2022", year: 2022 },
      { year: 2023, external_id: "NONAME" },
      { name: "Bad year", year: "2022" },
      { name: "Has code", code: "X" },
    ]);
    expect(r.status).toBe(200);
    expect(r.body.data[0]).toEqual({ id: expect.stringMatching(/^\d+$/), name: "SPRING 2022", external_id: "SP22", year: 2022 });
    expect(r.body.data[1]).toMatchObject({ name: "AUTUMN 2022", external_id: null });
    expect(r.body.errors.map((e: any) => [e.details.index, e.status])).toEqual([
      [2, "VALIDATION_ERROR"],
      [3, "VALIDATION_ERROR"],
      [4, "VALIDATION_ERROR"],
    ]);
    const list = await c.v4("GET", "/seasons");
    expect(list.body.data.map((s: any) => s.external_id)).toEqual(["SP22", null]);
    const one = await c.v4("GET", `/seasons?season_ids=${r.body.data[0].id},0`);
    expect(one.body.data).toHaveLength(1);
    expect(one.body.errors[0].status).toBe("NOT_FOUND");
  });

  it("refuses a second season with the same external_id, or the same name and year", async () => {
    const r = await c.v4("POST", "/seasons/bulk_create", [
      { name: "Other", year: 2022, external_id: "SP22" },
      { name: "SPRING 2022", year: 2022, external_id: "SP22B" },
    ]);
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([
      { status: "DUPLICATED", message: expect.any(String), details: { index: 0 } },
      { status: "DUPLICATED", message: expect.any(String), details: { index: 1 } },
    ]);
  });

  it("updates a season by id (name required, as on create) and shows it on collections and in the admin view", async () => {
    const sp = (await c.v4("GET", "/seasons")).body.data[0];
    const u = await c.v4("POST", "/seasons/bulk_update", [
      { id: sp.id, name: "SPRING 2022", year: 2022, external_id: "SPRINGP22" },
      { id: sp.id, external_id: "X" },
      { id: "1", name: "x" },
    ]);
    expect(u.body.data[0]).toEqual({ id: sp.id, name: "SPRING 2022", external_id: "SPRINGP22", year: 2022 });
    expect(u.body.errors.map((e: any) => e.status)).toEqual(["VALIDATION_ERROR", "NOT_FOUND"]);
    const col = await c.v4("POST", "/collections/bulk_create", [{ name: "SP22 D1", external_id: "SP22-D1", season_id: sp.id }]);
    expect(col.body.data[0].season).toEqual({ id: sp.id, name: "SPRING 2022", year: 2022, external_id: "SPRINGP22" });
    const admin = await c.admin("GET", "/seasons");
    expect(admin.body.items.find((s: any) => s.id === sp.id).collections).toEqual([col.body.data[0].id]);
  });
});
