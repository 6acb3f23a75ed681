import { startJoorEnv, type JoorEnv } from "./harness";
import { scopeFor } from "../harness/scope";

const LS = `id name season { id name } startShip completeShip productCount products(first: 50) { totalCount edges { position node { id styleNumber } } }`;

describe("JOOR catalogue: linesheets through GraphQL", () => {
  let env: JoorEnv;
  let season: { id: number };
  let products: { id: number }[];
  beforeAll(async () => {
    env = await startJoorEnv();
    season = await env.seed.season("AUTUMN/WINTER 26", "2026-08-01", "AW26");
    products = [];
    for (let i = 0; i < 4; i++) products.push(await env.seed.product({ category: i % 2 ? "Knitwear" : "Tops" }));
    await env.server.app.services.prices.setVisibility(scopeFor(env.server.app, env.brandId), String(products[0].id), String(season.id), true);
    await env.server.app.services.prices.setVisibility(scopeFor(env.server.app, env.brandId), String(products[2].id), String(season.id), true);
  });
  afterAll(() => env?.stop());

  const ids = (r: any) => r.products.edges.map((e: any) => Number(e.node.id));

  it("create, rename, add/remove/reorder products, add in bulk by season or category, delete", async () => {
    const { createJoorLinesheet: l } = await env.admin.ok(`mutation($i: CreateJoorLinesheetInput!) { createJoorLinesheet(input: $i) { ${LS} } }`, {
      i: {
        name: "Drop 1",
        seasonId: String(season.id),
        startShip: "2026-08-01",
        completeShip: "2026-09-15",
        productIds: [String(products[1].id), String(products[0].id)],
      },
    });
    expect(l).toMatchObject({ name: "Drop 1", season: { id: String(season.id) }, startShip: "2026-08-01", completeShip: "2026-09-15", productCount: 2 });
    expect(ids(l)).toEqual([products[1].id, products[0].id]);
    expect(l.products.edges.map((e: any) => e.position)).toEqual([1, 2]);
    const renamed = await env.admin.ok(`mutation($id: ID!) { updateJoorLinesheet(id: $id, input: { name: "Drop One" }) { name startShip } }`, { id: l.id });
    expect(renamed.updateJoorLinesheet).toEqual({ name: "Drop One", startShip: "2026-08-01" });
    const bySeason = await env.admin.ok(
      `mutation($id: ID!, $s: ID!) { addProductsToJoorLinesheetBy(id: $id, filter: { seasonId: $s }) { added linesheet { ${LS} } } }`,
      { id: l.id, s: String(season.id) },
    );
    expect(bySeason.addProductsToJoorLinesheetBy.added).toBe(1);
    expect(ids(bySeason.addProductsToJoorLinesheetBy.linesheet)).toEqual([products[1].id, products[0].id, products[2].id]);
    const byCategory = await env.admin.ok(
      `mutation($id: ID!) { addProductsToJoorLinesheetBy(id: $id, filter: { category: "Knitwear" }) { added linesheet { ${LS} } } }`,
      { id: l.id },
    );
    expect(byCategory.addProductsToJoorLinesheetBy.added).toBe(1);
    const reordered = await env.admin.ok(`mutation($id: ID!, $p: [ID!]!) { reorderJoorLinesheetProducts(id: $id, productIds: $p) { ${LS} } }`, {
      id: l.id,
      p: [String(products[3].id), String(products[2].id)],
    });
    expect(ids(reordered.reorderJoorLinesheetProducts)).toEqual([products[3].id, products[2].id, products[1].id, products[0].id]);
    const removed = await env.admin.ok(`mutation($id: ID!, $p: [ID!]!) { removeProductsFromJoorLinesheet(id: $id, productIds: $p) { ${LS} } }`, {
      id: l.id,
      p: [String(products[2].id)],
    });
    expect(ids(removed.removeProductsFromJoorLinesheet)).toEqual([products[3].id, products[1].id, products[0].id]);
    const page = await env.admin.ok(`query($id: ID!) { joorLinesheet(id: $id) { products(first: 2) { pageInfo { hasNextPage endCursor } } } }`, { id: l.id });
    const next = await env.admin.ok(`query($id: ID!, $a: String) { joorLinesheet(id: $id) { products(first: 2, after: $a) { edges { node { id } } } } }`, {
      id: l.id,
      a: page.joorLinesheet.products.pageInfo.endCursor,
    });
    expect(next.joorLinesheet.products.edges.map((e: any) => Number(e.node.id))).toEqual([products[0].id]);
    const { createJoorLinesheet: tmp } = await env.admin.ok(
      `mutation($s: ID!) { createJoorLinesheet(input: { name: "Temp", seasonId: $s }) { id startShip } }`,
      { s: String(season.id) },
    );
    expect(tmp.startShip).toBeNull();
    expect((await env.admin.ok(`mutation($id: ID!) { deleteJoorLinesheet(id: $id) }`, { id: tmp.id })).deleteJoorLinesheet).toBe(true);
    expect((await env.admin.fails(`query($id: ID!) { joorLinesheet(id: $id) { id } }`, { id: tmp.id })).extensions?.code).toBe("NOT_FOUND");
  });

  it("bad input is BAD_USER_INPUT with the field; nothing written", async () => {
    const create = `mutation($i: CreateJoorLinesheetInput!) { createJoorLinesheet(input: $i) { id } }`;
    const base = { name: "Bad", seasonId: String(season.id) };
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "  " }, "input.name"],
      [{ name: "Drop One" }, "input.name"],
      [{ seasonId: "999999" }, "input.seasonId"],
      [{ startShip: "2026-13-01", completeShip: "2026-12-01" }, "input.startShip"],
      [{ startShip: "2026-09-01", completeShip: "2026-08-01" }, "input.completeShip"],
      [{ startShip: "2026-09-01" }, "input.completeShip"],
      [{ productIds: ["999999"] }, "input.productIds"],
    ];
    for (const [extra, field] of cases) {
      const err = await env.admin.fails(create, { i: { ...base, ...extra } });
      expect({ extra, code: err.extensions?.code, field: err.extensions?.field }).toEqual({ extra, code: "BAD_USER_INPUT", field });
    }
    const { joorLinesheets } = await env.admin.ok(`{ joorLinesheets { totalCount edges { node { name } } } }`);
    expect(joorLinesheets.edges.map((e: any) => e.node.name)).toEqual(["Drop One"]);
  });

  it("another brand's token sees nothing and changes nothing; its products and seasons cannot be used", async () => {
    const other = await env.server.otherBrand(["joor"]);
    const { joorLinesheets } = await env.admin.ok(`{ joorLinesheets { edges { node { id } } } }`);
    const id = joorLinesheets.edges[0].node.id;
    expect((await other.ok(`{ joorLinesheets { totalCount } }`)).joorLinesheets.totalCount).toBe(0);
    expect((await other.fails(`query($id: ID!) { joorLinesheet(id: $id) { id } }`, { id })).extensions?.code).toBe("NOT_FOUND");
    for (const m of [
      `mutation($id: ID!) { updateJoorLinesheet(id: $id, input: { name: "Mine" }) { id } }`,
      `mutation($id: ID!) { deleteJoorLinesheet(id: $id) }`,
      `mutation($id: ID!) { removeProductsFromJoorLinesheet(id: $id, productIds: ["1"]) { id } }`,
    ])
      expect((await other.fails(m, { id })).extensions?.code).toBe("NOT_FOUND");
    const { createSeason } = await other.ok(`mutation { createSeason(input: { name: "THEIRS 1", startDate: "2021-01-01" }) { id } }`);
    const { createJoorLinesheet } = await other.ok(`mutation($s: ID!) { createJoorLinesheet(input: { name: "Theirs", seasonId: $s }) { id } }`, {
      s: createSeason.id,
    });
    const err = await other.fails(`mutation($id: ID!, $p: [ID!]!) { addProductsToJoorLinesheet(id: $id, productIds: $p) { id } }`, {
      id: createJoorLinesheet.id,
      p: [String(products[0].id)],
    });
    expect(err.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "productIds" });
    expect(
      (await env.admin.fails(`mutation($s: ID!) { createJoorLinesheet(input: { name: "X", seasonId: $s }) { id } }`, { s: createSeason.id })).extensions?.field,
    ).toBe("input.seasonId");
    const mine = await env.admin.ok(`query($id: ID!) { joorLinesheet(id: $id) { name productCount } }`, { id });
    expect(mine.joorLinesheet).toEqual({ name: "Drop One", productCount: 3 });
  });

  it("VIEWER reads, only EDITOR writes; a brand without the joor module is refused", async () => {
    const viewer = await env.server.clientFor("VIEWER");
    expect((await viewer.ok(`{ joorLinesheets { totalCount } }`)).joorLinesheets.totalCount).toBe(1);
    expect(
      (await viewer.fails(`mutation($s: ID!) { createJoorLinesheet(input: { name: "V", seasonId: $s }) { id } }`, { s: String(season.id) })).extensions?.code,
    ).toBe("FORBIDDEN");
    const plain = await env.server.otherBrand(["inventory"]);
    expect((await plain.fails(`{ joorLinesheets { totalCount } }`)).extensions).toMatchObject({ code: "FORBIDDEN", reason: "CONNECTOR_NOT_ENABLED" });
  });
});
