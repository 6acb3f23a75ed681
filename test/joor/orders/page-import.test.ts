import { startJoorEnv, type JoorEnv } from "../harness";
import { addresses, customer, importedOrders, inbound, place, product } from "./world";

const RETRY_MANY = `mutation($f: JoorInboundOrderFilter) { retryJoorInboundOrders(filter: $f) { tried imported held alreadyPresent } }`;
const CREATE_ORDER = `mutation($i: CreateOrderInput!) { createOrder(input: $i) { id number } }`;
const ALL_ORDERS = `query($after: String) { orders(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id number source } } } }`;

/**
 * Orders are written a page at a time (one transaction per page of staged orders): one order the core rejects does
 * not roll back the others of its page, and order numbers stay unique and increasing per brand when imports, retries
 * and manual orders run at the same time.
 */
describe("import-orders writes a page of orders at once", () => {
  let env: JoorEnv;
  beforeAll(async () => {
    env = await startJoorEnv();
    const season = await env.seed.season("JOOR IMPORTS", "2026-01-01");
    await env.configure({ importOrderSeason: season.id, importOrderApproved: true });
  }, 60_000);
  afterAll(() => env?.stop());

  async function allOrders(): Promise<{ id: string; number: string; source: string }[]> {
    const out: { id: string; number: string; source: string }[] = [];
    let after: string | null = null;
    for (;;) {
      const r: any = await env.admin.ok(ALL_ORDERS, { after });
      out.push(...r.orders.edges.map((e: any) => e.node));
      if (!r.orders.pageInfo.hasNextPage) return out;
      after = r.orders.pageInfo.endCursor;
    }
  }

  it("one order the core rejects (a unit price with 6 decimals) is held; the other orders of its page are imported", async () => {
    const c = await customer(env);
    const [a, b] = await product(env);
    const good = Array.from({ length: 9 }, (_, i) =>
      place(env, {
        customer_code: c.code,
        lines: [
          { upc: a, quantity: i + 1 },
          { upc: b, quantity: 2 },
        ],
      }),
    );
    const bad = place(env, {
      customer_code: c.code,
      lines: [{ upc: a, quantity: 1, overrides: { item_price: "10.123456", item_price_extended: "10.123456" } }],
    });
    const job = await env.run("import-orders");
    expect(job.state).toBe("SUCCEEDED");
    expect(job.summary).toMatchObject({ imported: 9, held: 1, heldByReason: { IMPORT_REJECTED: 1 } });
    const held = await inbound(env, bad);
    expect(held.state).toBe("HELD");
    expect(held.reasons.map((r: any) => r.code)).toEqual(["IMPORT_REJECTED"]);
    expect(held.reasons[0].field).toBe("lines[0].unitPrice");
    expect(await importedOrders(env, bad)).toHaveLength(0);
    for (const [i, id] of good.entries()) {
      const [order] = await importedOrders(env, id);
      expect((await inbound(env, id)).state).toBe("IMPORTED");
      expect(order.lines.map((l: any) => l.quantity)).toEqual([i + 1, 2]);
    }
    // a second run retries the held order (still rejected) and adds nothing
    const again = await env.run("import-orders");
    expect(again.summary).toMatchObject({ imported: 0, held: 1, retried: 1 });
    expect(await importedOrders(env, bad)).toHaveLength(0);
  });

  it("an address the page adds to a customer is the snapshot of a later order of the page that sends none (as order by order)", async () => {
    const c = await customer(env, {
      addresses: [
        { type: "ACCOUNTS", name: "Accounts", line1: "1 Ledger Row", city: "York", countryCode: "GB" },
        { type: "STORE", name: "Shop", line1: "2 Market Place", city: "York", countryCode: "GB" },
      ],
    });
    const [upc] = await product(env);
    const first = place(env, {
      customer_code: c.code,
      lines: [{ upc, quantity: 1 }],
      shipping_address: { address_1: "5 New Wharf", city: "Hull", country: "GB" },
    });
    const noShipping = { shipping_code: "", shipping_address_1: "", shipping_city: "", shipping_country: "", shipping_country_iso_two: "" };
    const second = place(env, { customer_code: c.code, lines: [{ upc, quantity: 2 }], overrides: noShipping });
    const job = await env.run("import-orders");
    expect(job.summary).toMatchObject({ imported: 2 });
    expect([(await inbound(env, first)).state, (await inbound(env, second)).state]).toEqual(["IMPORTED", "IMPORTED"]);
    expect((await importedOrders(env, first))[0].deliveryAddress.line1).toBe("5 New Wharf");
    expect((await importedOrders(env, second))[0].deliveryAddress.line1).toBe("5 New Wharf");
    expect((await addresses(env, c.id)).filter((a) => a.type === "DELIVERY").map((a) => a.line1)).toEqual(["5 New Wharf"]);
  });

  it("order numbers stay unique and increasing per brand under an import, two retries and manual orders at once", async () => {
    const c = await customer(env);
    const [upc] = await product(env);
    const ids = Array.from({ length: 250 }, () => place(env, { customer_code: c.code, lines: [{ upc, quantity: 1 }] }));
    const manual = (n: number) =>
      env.admin.ok(CREATE_ORDER, {
        i: { customerId: String(c.id), currency: "EUR", notes: `manual ${n}`, lines: [{ barcode: upc, quantity: 1, unitPrice: "5.00" }] },
      });
    const [job] = await Promise.all([
      env.run("import-orders"),
      env.admin.ok(RETRY_MANY, { f: { states: ["STAGED", "HELD"] } }),
      manual(1),
      env.admin.ok(RETRY_MANY, { f: { states: ["STAGED", "HELD"] } }),
      manual(2),
    ]);
    expect(job.state).toBe("SUCCEEDED");
    await env.admin.ok(RETRY_MANY, { f: { states: ["STAGED"] } });
    for (const id of ids) expect(await importedOrders(env, id)).toHaveLength(1);
    const orders = (await allOrders()).sort((x, y) => Number(x.id) - Number(y.id));
    expect(orders.filter((o) => o.source === "MANUAL")).toHaveLength(2);
    const numbers = orders.map((o) => Number(/^SO-(\d+)$/.exec(o.number)![1]));
    expect(new Set(numbers).size).toBe(numbers.length);
    for (let i = 1; i < numbers.length; i++) expect(numbers[i]).toBeGreaterThan(numbers[i - 1]);
  });
});
