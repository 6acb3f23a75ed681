import { startJoorEnv, type JoorEnv } from "./harness";
import { expectNoDuplicates, joorCollections, joorProducts, joorSeasons, joorSkus } from "./sandbox-admin";
import { scopeFor } from "../harness/scope";

const skuSize = (s: any) => s.trait_values.find((t: any) => t.trait?.name === "Size")?.value;

describe("export-products", () => {
  let env: JoorEnv;
  beforeAll(async () => {
    env = await startJoorEnv();
  });
  afterAll(() => env?.stop());

  it("all products exported with barcodes: every active product, each size a SKU with its barcode as UPC/EAN", async () => {
    const a = await env.seed.product({ name: "Tee", sizes: [{ size: "XS" }, { size: "Small" }, { size: "small" }] });
    const b = await env.seed.product({ colourCode: "RED", colourName: "Red", styleNumber: a.styleNumber });
    await env.seed.product({ active: false });
    const job = await env.run("export-products");
    expect(job.state).toBe("SUCCEEDED");
    expect(job.summary).toMatchObject({ products: { created: 2, failed: 0 }, skus: { created: 6, failed: 0 }, variantsWithoutBarcode: 0 });
    const products = await joorProducts(env);
    expect(products.map((p) => p.external_id).sort()).toEqual([`${a.styleNumber}-BLK`, `${b.styleNumber}-RED`]);
    const skus = await joorSkus(env);
    const variants = (await env.server.app.ds.getRepository("variant").find({ where: { brandId: env.brandId } })) as any[];
    const sent = variants.filter((v) => [a.id, b.id].includes(v.productId));
    expect(skus.map((s) => s.upc).sort()).toEqual(sent.map((v) => v.barcode).sort());
    const tee = skus.filter((s) => s.product_id === products.find((p) => p.external_id === `${a.styleNumber}-BLK`).id);
    expect(tee.map(skuSize).sort()).toEqual(["Small", "XS", "small"]);
  });

  it("variant without barcode reported, siblings still sent", async () => {
    const p = await env.seed.product({ sizes: [{ size: "S" }, { size: "M", barcode: null }, { size: "L" }] });
    const job = await env.run("export-products");
    expect(job.state).toBe("SUCCEEDED");
    expect(job.summary).toMatchObject({ products: { created: 1, unchanged: 2 }, skus: { created: 2, failed: 0 }, variantsWithoutBarcode: 1 });
    const issues = await env.issues(job.id);
    expect(issues).toEqual([expect.objectContaining({ entity: "variant", key: `${p.styleNumber}-BLK/M`, code: "NO_BARCODE" })]);
    const product = (await joorProducts(env)).find((x) => x.external_id === `${p.styleNumber}-BLK`);
    const sizes = (await joorSkus(env))
      .filter((s) => s.product_id === product.id)
      .map(skuSize)
      .sort();
    expect(sizes).toEqual(["L", "S"]);
  });

  it("linesheets carry their season and delivery window; products in linesheet order; not orderable ones are named", async () => {
    const season = await env.seed.season("AUTUMN/WINTER 26", "2026-08-01", "AW26");
    const [p1, p2] = [await env.seed.product(), await env.seed.product()];
    const lonely = await env.seed.product();
    const { createJoorLinesheet: l } = await env.admin.ok(`mutation($i: CreateJoorLinesheetInput!) { createJoorLinesheet(input: $i) { id } }`, {
      i: { name: "AW26 Drop 1", seasonId: String(season.id), startShip: "2026-08-01", completeShip: "2026-09-15", productIds: [String(p2.id), String(p1.id)] },
    });
    const job = await env.run("export-products");
    expect(job.state).toBe("SUCCEEDED");
    expect(job.summary).toMatchObject({ seasons: { created: 1 }, linesheets: { created: 1, failed: 0 } });
    const [joorSeason] = await joorSeasons(env);
    expect(joorSeason).toMatchObject({ name: "AUTUMN/WINTER 26", year: 2026, external_id: "AW26" });
    const [c] = await joorCollections(env);
    expect(c).toMatchObject({
      name: "AW26 Drop 1",
      external_id: `selvedge-linesheet-${l.id}`,
      delivery: { start_ship_date: "2026-08-01", complete_ship_date: "2026-09-15" },
    });
    expect(c.season_id ?? c.season?.id).toBe(joorSeason.id);
    const ext = new Map((await joorProducts(env)).map((p) => [p.id, p.external_id]));
    expect(c.items.map((i: any) => ext.get(i.product_id))).toEqual([`${p2.styleNumber}-BLK`, `${p1.styleNumber}-BLK`]);
    expect(job.summary.exportedButNotOrderable.count).toBeGreaterThanOrEqual(1);
    expect(job.summary.exportedButNotOrderable.products).toContain(`${lonely.styleNumber}-BLK`);
  });

  it("removing a product from a linesheet takes it off that JOOR linesheet only", async () => {
    const { joorLinesheets } = await env.admin.ok(`{ joorLinesheets { edges { node { id season { id } products { edges { node { id } } } } } } }`);
    const first = joorLinesheets.edges[0].node;
    const [keep, drop] = first.products.edges.map((e: any) => e.node.id);
    const { createJoorLinesheet: second } = await env.admin.ok(`mutation($i: CreateJoorLinesheetInput!) { createJoorLinesheet(input: $i) { id } }`, {
      i: { name: "AW26 Drop 2", seasonId: first.season.id, productIds: [drop] },
    });
    await env.run("export-products");
    await env.admin.ok(`mutation($id: ID!, $p: [ID!]!) { removeProductsFromJoorLinesheet(id: $id, productIds: $p) { id } }`, { id: first.id, p: [drop] });
    const job = await env.run("export-products");
    expect(job.summary).toMatchObject({ linesheets: { updated: 1, unchanged: 1 }, products: { sent: 0 } });
    const byExt = new Map((await joorCollections(env)).map((c) => [c.external_id, c]));
    const ledger = await env.admin.ok(`{ joorSyncRecords(kind: PRODUCT, first: 100) { edges { node { key joorId } } } }`);
    const joorId = new Map(ledger.joorSyncRecords.edges.map((e: any) => [e.node.key, e.node.joorId]));
    expect(byExt.get(`selvedge-linesheet-${first.id}`).items.map((i: any) => i.product_id)).toEqual([joorId.get(keep)]);
    expect(byExt.get(`selvedge-linesheet-${second.id}`).items.map((i: any) => i.product_id)).toEqual([joorId.get(drop)]);
    expect((await joorProducts(env)).some((p) => p.id === joorId.get(drop))).toBe(true);
  });

  it("a rename in Selvedge updates the same JOOR record (no duplicate)", async () => {
    const p = await env.seed.product({ name: "Old name" });
    await env.run("export-products");
    const before = (await joorProducts(env)).find((x) => x.external_id === `${p.styleNumber}-BLK`);
    await env.server.app.services.products.update(
      scopeFor(env.server.app, env.brandId),
      { id: String(p.id), name: "New name", colourName: "Jet Black" } as never,
      p.id,
    );
    const job = await env.run("export-products");
    expect(job.summary).toMatchObject({ products: { updated: 1, created: 0 }, skus: { updated: 3, created: 0 } });
    const after = (await joorProducts(env)).filter((x) => x.external_id === `${p.styleNumber}-BLK`);
    expect(after).toHaveLength(1);
    expect(after[0].id).toBe(before.id);
    // read the record itself: the sandbox's admin list caches records until a new one is added (reported)
    expect(env.sandbox.state.account().products.get(before.id)).toMatchObject({ name: "New name" });
    await expectNoDuplicates(env);
  });

  it("incremental run after changing one customer and one product sends exactly those two; full sends all", async () => {
    await env.seed.customer();
    await env.run("export-customers");
    await env.run("export-products");
    const [c] = (await env.server.app.ds.getRepository("customer").find({ where: { brandId: env.brandId }, take: 1 })) as any[];
    const [p] = (await env.server.app.ds
      .getRepository("product")
      .find({ where: { brandId: env.brandId, active: true }, order: { id: "ASC" }, take: 1 })) as any[];
    await env.server.app.services.customers.update(
      scopeFor(env.server.app, env.brandId),
      { id: String(c.id), phone: "+44 20 0000 0000", email: "changed@shop.test" } as never,
      c.id,
    );
    await env.server.app.services.products.update(scopeFor(env.server.app, env.brandId), { id: String(p.id), description: "Now with pockets" } as never, p.id);
    const writes = env.sandboxWrites();
    const customers = await env.run("export-customers");
    const products = await env.run("export-products");
    expect(customers.summary).toMatchObject({ sent: 1 });
    expect(products.summary).toMatchObject({ products: { sent: 1 }, skus: { sent: 0 }, linesheets: { sent: 0 }, seasons: { sent: 0 } });
    expect(env.sandboxWrites() - writes).toBe(2);
    const full = await env.run("export-products", { full: true });
    expect(full.summary.products.unchanged).toBe(0);
    expect(full.summary.products.updated).toBeGreaterThan(5);
    await expectNoDuplicates(env);
  });

  it("dry run sends nothing (sandbox request log unchanged) and reports what it would send", async () => {
    const p = await env.seed.product();
    const requests = env.sandbox.counters.requests_total;
    const ledgerBefore = await env.admin.ok(`{ joorSyncRecords(kind: SKU, first: 500) { totalCount edges { node { key sentAt payloadHash } } } }`);
    const job = await env.run("export-products", { dryRun: true });
    expect(job.state).toBe("SUCCEEDED");
    expect(env.sandbox.counters.requests_total).toBe(requests);
    expect(job.summary).toMatchObject({ dryRun: true, products: { created: 1, updated: 0 }, skus: { created: 3 } });
    expect(job.summary.records).toEqual(expect.arrayContaining([{ kind: "product", key: String(p.id), label: `${p.styleNumber}-BLK`, action: "create" }]));
    expect(await env.admin.ok(`{ joorSyncRecords(kind: SKU, first: 500) { totalCount edges { node { key sentAt payloadHash } } } }`)).toEqual(ledgerBefore);
  });

  it("DUPLICATED on a create → update of the existing JOOR id, never a second record (ledger lost)", async () => {
    await env.run("export-products");
    const count = (await joorProducts(env)).length;
    const skus = (await joorSkus(env)).length;
    await env.server.app.ds.getRepository("joor_sync_record").delete({ brandId: env.brandId });
    const job = await env.run("export-products");
    expect(job.state).toBe("SUCCEEDED");
    expect(job.summary.products).toMatchObject({ created: 0, failed: 0 });
    expect(job.summary.products.updated).toBe(count);
    expect((await joorProducts(env)).length).toBe(count);
    expect((await joorSkus(env)).length).toBe(skus);
    await expectNoDuplicates(env);
  });

  it("per-item JOOR errors become issues while the rest goes through", async () => {
    // JOOR already has a product (made by hand in JOOR) with a barcode that Selvedge now uses on another product
    const res = await fetch(`${env.sandbox.urls.admin}/catalogue/generate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ products: 1, colors: 1, sizes: ["OS"], prefix: "HAND" }),
    });
    expect(res.status).toBe(201);
    const [handSku] = (await joorSkus(env)).filter((s) => String(s.product_identifier).startsWith("HAND"));
    const clash = await env.seed.product({ sizes: [{ size: "S", barcode: handSku.upc }, { size: "M" }] });
    const fine = await env.seed.product();
    const job = await env.run("export-products");
    expect(job.state).toBe("SUCCEEDED");
    const issues = (await env.issues(job.id)).filter((i) => i.code !== "NO_BARCODE");
    expect(issues).toEqual([expect.objectContaining({ entity: "variant", key: handSku.upc, code: "DUPLICATED" })]);
    expect(issues[0].message).toContain(`${clash.styleNumber}-BLK`);
    expect((await joorProducts(env)).some((p) => p.external_id === `${fine.styleNumber}-BLK`)).toBe(true);
    const failed = await env.admin.ok(`{ joorSyncRecords(kind: SKU, filter: { status: FAILED }) { edges { node { label message } } } }`);
    expect(failed.joorSyncRecords.edges.map((e: any) => e.node.label)).toEqual([handSku.upc]);
  });
});

describe("export-products against JOOR's item limit", () => {
  let env: JoorEnv;
  beforeAll(async () => {
    env = await startJoorEnv({ sandbox: { maxBulkItems: 3 }, settings: { batchSize: 8 } });
  });
  afterAll(() => env?.stop());

  it("bulk writes respect the endpoint's item limit: a refused (413) batch is split, a product's SKUs stay together", async () => {
    for (let i = 0; i < 5; i++) await env.seed.product();
    const job = await env.run("export-products");
    expect(job.state).toBe("SUCCEEDED");
    expect(job.summary).toMatchObject({ products: { created: 5, failed: 0 }, skus: { created: 15, failed: 0 } });
    expect(env.sandbox.counters.by_status.get(413) ?? 0).toBeGreaterThan(0);
    await expectNoDuplicates(env);
  });
});
