import { startJoorEnv, type JoorEnv } from "../harness";
import { COMPRESS_FROM, decodePayload, encodePayload, PAYLOAD_MARKER } from "../../../plugins/joor/orders/payload-codec";
import { connection, customer, edit, importedOrders, inbound, INBOUND_FIELDS, place, product } from "./world";

const RETRY_ONE = `mutation($id: ID!) { retryJoorInboundOrder(id: $id) { ${INBOUND_FIELDS} } }`;

describe("stored raw payload codec (unit)", () => {
  const big = JSON.stringify({ order_id: 7, line_items: Array.from({ length: 40 }, (_, i) => ({ item_upc: `50${i}`, quantity: i, note: "é – 👗" })) });

  it("a large JSON is stored compressed behind the marker and reads back as the same text", () => {
    const stored = encodePayload(big);
    expect(stored.startsWith(PAYLOAD_MARKER)).toBe(true);
    expect(stored.length).toBeLessThan(big.length / 3);
    expect(decodePayload(stored)).toBe(big);
  });

  it("a small JSON is stored as it is; plain JSON (rows written before the codec) reads back unchanged", () => {
    const small = JSON.stringify({ order_id: 1 });
    expect(small.length).toBeLessThan(COMPRESS_FROM);
    expect(encodePayload(small)).toBe(small);
    expect(decodePayload(small)).toBe(small);
    expect(decodePayload(big)).toBe(big);
    expect(decodePayload("null")).toBe("null");
  });

  it("no JSON text can start with the marker", () => {
    expect(() => JSON.parse(PAYLOAD_MARKER)).toThrow();
  });
});

/** Through the public surface: what is stored is compact, what GraphQL and the importer see is JOOR's JSON. */
describe("stored raw payload (sandbox over HTTP)", () => {
  let env: JoorEnv;
  beforeAll(async () => {
    env = await startJoorEnv();
    const season = await env.seed.season("JOOR IMPORTS", "2026-01-01");
    await env.configure({ importOrderSeason: season.id, importOrderApproved: true });
  }, 60_000);
  afterAll(() => env?.stop());

  const run = async () => {
    const job = await env.run("import-orders");
    expect(job.state).toBe("SUCCEEDED");
    return job;
  };
  const stored = async (joorId: string): Promise<{ payload: string; latestPayload: string | null }> =>
    (await env.server.app.ds.query("SELECT payload, latestPayload FROM joor_inbound_order WHERE externalOrderId = ?", [joorId]))[0];
  /** Rewrites a row as it was stored before the codec: the plain JSON. */
  const storePlain = (joorId: string, json: string) =>
    env.server.app.ds.query("UPDATE joor_inbound_order SET payload = ? WHERE externalOrderId = ?", [json, joorId]);

  it("a 20-line order is stored compressed; joorInboundOrders answers JOOR's raw JSON unchanged", async () => {
    const c = await customer(env);
    const upcs = [...(await product(env)), ...(await product(env)), ...(await product(env))];
    const lines = Array.from({ length: 20 }, (_, i) => ({ upc: upcs[i % upcs.length], quantity: i + 1 }));
    const id = place(env, { customer_code: c.code, lines: [...lines, { upc: "5012345678900", quantity: 1 }] });
    await run();
    const row = await inbound(env, id);
    expect(row.state).toBe("HELD");
    const raw = JSON.parse(row.payload);
    expect(raw.order_id).toBe(Number(id));
    expect(raw.line_items).toHaveLength(21);
    const db = await stored(id);
    expect(db.payload.startsWith(PAYLOAD_MARKER)).toBe(true);
    expect(db.payload.length).toBeLessThan(row.payload.length / 3);
    expect(decodePayload(db.payload)).toBe(row.payload);
  });

  it("a row stored before the codec (plain JSON) reads the same and is imported from it on retry", async () => {
    const [upc] = await product(env);
    const code = `OLD${Date.now() % 100000}`;
    connection(env, code);
    const id = place(env, { customer_code: code, lines: [{ upc, quantity: 3 }] });
    await run();
    const held = await inbound(env, id);
    expect(held.state).toBe("HELD");
    await storePlain(id, held.payload);
    expect((await stored(id)).payload).toBe(held.payload);
    expect((await inbound(env, id)).payload).toBe(held.payload);
    await env.seed.customer({ accountCode: code });
    const retried = (await env.admin.ok(RETRY_ONE, { id: held.id })).retryJoorInboundOrder;
    expect(retried.state).toBe("IMPORTED");
    expect(retried.payload).toBe(held.payload);
    expect((await importedOrders(env, id))[0].lines.map((l: any) => l.quantity)).toEqual([3]);
  });

  it("an imported order stored before the codec is diffed against JOOR's change and the change is stored compressed", async () => {
    const c = await customer(env);
    const [s] = await product(env);
    const id = place(env, { customer_code: c.code, lines: [{ upc: s, quantity: 2 }] });
    await run();
    const imported = await inbound(env, id);
    expect(imported.state).toBe("IMPORTED");
    await storePlain(id, imported.payload);
    const line = env.sandbox.state.account().orders.get(Number(id))!.lines[0];
    edit(env, id, { update_lines: [{ line_id: line.line_id, quantity: 9 }] });
    const job = await run();
    const issue = (await env.issues(job.id)).find((i) => i.key === id);
    expect(issue).toMatchObject({ code: "ORDER_MODIFIED_IN_JOOR" });
    expect(issue!.message).toContain(`quantity of ${s}: 2 → 9`);
    const db = await stored(id);
    expect(db.payload).toBe(imported.payload);
    expect(db.latestPayload!.startsWith(PAYLOAD_MARKER)).toBe(true);
    expect(JSON.parse(decodePayload(db.latestPayload!)).order_id).toBe(Number(id));
  });
});
