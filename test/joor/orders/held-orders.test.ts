import { freshBarcode, importOrders, startOrderImportEnv, type JoorEnv } from "../harness";
import { connection, customer, edit, importedOrders, inbound, INBOUND_FIELDS, place, product } from "./world";

const RETRY_ONE = `mutation($id: ID!) { retryJoorInboundOrder(id: $id) { ${INBOUND_FIELDS} } }`;
const RETRY_MANY = `mutation($f: JoorInboundOrderFilter) { retryJoorInboundOrders(filter: $f) { tried imported held alreadyPresent } }`;
const DISMISS = `mutation($id: ID!, $r: String!) { dismissJoorInboundOrder(id: $id, reason: $r) { id state dismissReason } }`;
const LIST = `query($f: JoorInboundOrderFilter, $first: Int, $after: String) { joorInboundOrders(filter: $f, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id joorOrderId state reasons { code } } } } }`;

/** Held orders: visible with their reasons, retried after the data is fixed (once), dismissed; modified orders flagged. */
describe("held JOOR orders, retries and modifications", () => {
  let env: JoorEnv;
  beforeAll(async () => {
    ({ env } = await startOrderImportEnv("JOOR IMPORTS"));
  }, 60_000);
  afterAll(() => env?.stop());
  const run = () => importOrders(env);

  it("fixing a barcode then retrying imports the held order, exactly once", async () => {
    const c = await customer(env);
    const [upc] = await product(env);
    const missing = freshBarcode();
    const id = place(env, {
      customer_code: c.code,
      lines: [
        { upc, quantity: 1 },
        { upc: missing, quantity: 4 },
      ],
    });
    await run();
    const held = await inbound(env, id);
    expect(held.state).toBe("HELD");
    // still held when retried before the fix
    expect((await env.admin.ok(RETRY_ONE, { id: held.id })).retryJoorInboundOrder.state).toBe("HELD");
    await env.seed.product({ sizes: [{ size: "XL", barcode: missing }] });
    const retried = (await env.admin.ok(RETRY_ONE, { id: held.id })).retryJoorInboundOrder;
    expect(retried.state).toBe("IMPORTED");
    expect(retried.order).not.toBeNull();
    expect(retried.reasons).toEqual([]);
    const again = await env.admin.fails(RETRY_ONE, { id: held.id });
    expect(again!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    await run();
    expect(await importedOrders(env, id)).toHaveLength(1);
    expect((await importedOrders(env, id))[0].lines.map((l: any) => l.quantity)).toEqual([1, 4]);
  });

  it("every later import run retries held orders automatically (a customer created later)", async () => {
    const [upc] = await product(env);
    const code = `LATE${Date.now() % 100000}`;
    connection(env, code);
    const id = place(env, { customer_code: code, lines: [{ upc, quantity: 2 }] });
    await run();
    expect((await inbound(env, id)).state).toBe("HELD");
    await env.seed.customer({ accountCode: code.toLowerCase() });
    const job = await run();
    expect(job.summary.retried).toBeGreaterThanOrEqual(1);
    expect((await inbound(env, id)).state).toBe("IMPORTED");
    expect(await importedOrders(env, id)).toHaveLength(1);
  });

  it("retryJoorInboundOrders(filter) retries the held orders with that reason; dismiss keeps the order out for good", async () => {
    const c = await customer(env);
    const [x, y] = [freshBarcode(), freshBarcode()];
    const a = place(env, { customer_code: c.code, lines: [{ upc: x, quantity: 1 }] });
    const b = place(env, { customer_code: c.code, lines: [{ upc: y, quantity: 1 }] });
    await run();
    const listed = (await env.admin.ok(LIST, { f: { states: ["HELD"], reason: "UNKNOWN_BARCODE" }, first: 500 })).joorInboundOrders;
    expect(listed.edges.map((e: any) => e.node.joorOrderId)).toEqual(expect.arrayContaining([a, b]));
    expect(listed.edges.every((e: any) => e.node.state === "HELD" && e.node.reasons.some((r: any) => r.code === "UNKNOWN_BARCODE"))).toBe(true);
    const bRow = await inbound(env, b);
    expect((await env.admin.ok(DISMISS, { id: bRow.id, r: "Sample order, not for production" })).dismissJoorInboundOrder).toMatchObject({
      state: "DISMISSED",
      dismissReason: "Sample order, not for production",
    });
    await env.seed.product({
      sizes: [
        { size: "S", barcode: x },
        { size: "M", barcode: y },
      ],
    });
    const r = (await env.admin.ok(RETRY_MANY, { f: { reason: "UNKNOWN_BARCODE" } })).retryJoorInboundOrders;
    expect(r.imported).toBeGreaterThanOrEqual(1);
    await run();
    expect(await importedOrders(env, a)).toHaveLength(1);
    expect(await importedOrders(env, b)).toEqual([]);
    expect((await inbound(env, b)).state).toBe("DISMISSED");
    const e = await env.admin.fails(DISMISS, { id: bRow.id, r: " " });
    expect(e!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });
  });

  it("an order modified in JOOR after import is flagged on the order (platformModifiedAt + a job issue), not overwritten", async () => {
    const c = await customer(env);
    const [s, m] = await product(env);
    const id = place(env, { customer_code: c.code, lines: [{ upc: s, quantity: 2 }], ship_start: "2026-08-01", ship_end: "2026-09-01" });
    await run();
    const [before] = await importedOrders(env, id);
    expect(before.platformModifiedAt).toBeNull();
    const line = env.sandbox.state.account().orders.get(Number(id))!.lines[0];
    edit(env, id, { update_lines: [{ line_id: line.line_id, quantity: 7 }], add_lines: [{ upc: m, quantity: 1, unit_price: "5.00" }], ship_end: "2026-10-01" });
    const job = await run();
    const [after] = await importedOrders(env, id);
    expect(after.platformModifiedAt).not.toBeNull();
    expect(after.lines.map((l: any) => l.quantity)).toEqual([2]);
    expect(after.shipEnd).toBe("2026-09-01");
    const issue = (await env.issues(job.id)).find((i) => i.key === id);
    expect(issue).toMatchObject({ code: "ORDER_MODIFIED_IN_JOOR" });
    expect(issue!.message).toContain(`quantity of ${s}: 2 → 7`);
    expect(issue!.message).toContain(`line added: ${m} × 1`);
    expect(issue!.message).toContain("ship window");
    const row = await inbound(env, id);
    expect(row.state).toBe("IMPORTED");
    expect(row.changes.length).toBeGreaterThanOrEqual(3);
    expect(job.summary.modified).toBe(1);
  });

  it("an order edited in JOOR before it was imported (still held) is imported in its newest version", async () => {
    const c = await customer(env);
    const [upc] = await product(env);
    const id = place(env, {
      customer_code: c.code,
      lines: [
        { upc, quantity: 1 },
        { upc: freshBarcode(), quantity: 1 },
      ],
    });
    await run();
    expect((await inbound(env, id)).state).toBe("HELD");
    const bad = env.sandbox.state.account().orders.get(Number(id))!.lines[1];
    edit(env, id, { remove_line_ids: [bad.line_id] });
    await run();
    const [order] = await importedOrders(env, id);
    expect(order.lines.map((l: any) => l.variant.barcode)).toEqual([upc]);
  });

  it("two imports at once import each order once", async () => {
    const c = await customer(env);
    const [upc] = await product(env);
    const ids = Array.from({ length: 30 }, () => place(env, { customer_code: c.code, lines: [{ upc, quantity: 1 }] }));
    // stage them (and import); then put them back to STAGED-like work by running the job and two retries at once
    const [job] = await Promise.all([
      env.run("import-orders"),
      env.admin.ok(RETRY_MANY, { f: { states: ["STAGED", "HELD"] } }),
      env.admin.ok(RETRY_MANY, { f: { states: ["STAGED", "HELD"] } }),
    ]);
    expect(job.state).toBe("SUCCEEDED");
    await Promise.all([env.admin.ok(RETRY_MANY, { f: { states: ["STAGED"] } }), env.admin.ok(RETRY_MANY, { f: { states: ["STAGED"] } })]);
    for (const id of ids) expect(await importedOrders(env, id)).toHaveLength(1);
  });

  it("the held-orders API: paging, bad filters, roles", async () => {
    const page1 = (await env.admin.ok(LIST, { first: 2 })).joorInboundOrders;
    expect(page1.edges).toHaveLength(2);
    const page2 = (await env.admin.ok(LIST, { first: 2, after: page1.pageInfo.endCursor })).joorInboundOrders;
    expect(page2.edges[0].node.id).not.toBe(page1.edges[0].node.id);
    expect((await env.admin.fails(LIST, { f: { reason: "NOPE" } }))!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.reason" });
    expect((await env.admin.fails(LIST, { first: 0 }))!.extensions!.code).toBe("BAD_USER_INPUT");
    const viewer = await env.server.clientFor("VIEWER");
    expect((await viewer.ok(LIST, { first: 1 })).joorInboundOrders.edges).toHaveLength(1);
    const row = page1.edges[0].node;
    expect((await viewer.fails(RETRY_ONE, { id: row.id }))!.extensions!.code).toBe("FORBIDDEN");
    expect((await viewer.fails(DISMISS, { id: row.id, r: "x" }))!.extensions!.code).toBe("FORBIDDEN");
    expect((await env.server.anonymous.fails(LIST, {}))!.extensions!.code).toBe("UNAUTHENTICATED");
    expect((await env.admin.fails(RETRY_ONE, { id: "999999" }))!.extensions!.code).toBe("NOT_FOUND");
  });

  it("brand isolation: another brand sees none of these inbound orders and cannot retry or dismiss them", async () => {
    const other = await env.server.otherBrand(["joor"]);
    const mine = (await env.admin.ok(LIST, { first: 1 })).joorInboundOrders.edges[0].node;
    expect((await other.ok(LIST, { first: 50 })).joorInboundOrders).toMatchObject({ totalCount: 0, edges: [] });
    expect((await other.ok(`query($id: ID!) { joorInboundOrder(id: $id) { id } }`, { id: mine.id })).joorInboundOrder).toBeNull();
    expect((await other.fails(RETRY_ONE, { id: mine.id }))!.extensions!.code).toBe("NOT_FOUND");
    expect((await other.fails(DISMISS, { id: mine.id, r: "mine now" }))!.extensions!.code).toBe("NOT_FOUND");
    expect((await other.ok(RETRY_MANY, {})).retryJoorInboundOrders.tried).toBe(0);
    expect((await inbound(env, mine.joorOrderId)).state).toBe(mine.state);
  });
});
