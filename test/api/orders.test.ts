import { startTestServer, TestServer } from "../harness/test-server";
import { address, Catalogue, CREATE_ORDER, createCustomer, ORDER_FIELDS, seedCatalogue } from "./orders-fixtures";

const ORDER = `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;
const LIST = `query($first: Int, $after: String, $filter: OrderFilter) {
  orders(first: $first, after: $after, filter: $filter) { totalCount edges { cursor node { id number } } pageInfo { hasNextPage endCursor } } }`;
const UPDATE = `mutation($input: UpdateOrderInput!) { updateOrder(input: $input) { ${ORDER_FIELDS} } }`;
const REPLACE = `mutation($id: ID!, $lines: [OrderLineInput!]!) { replaceOrderLines(orderId: $id, lines: $lines) { ${ORDER_FIELDS} } }`;
const flag = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { id approved locked closed } }`;

describe("orders API", () => {
  let s: TestServer;
  let cat: Catalogue;
  let customerId: string;
  let viewerId: string;
  beforeAll(async () => {
    s = await startTestServer();
    cat = await seedCatalogue(s, s.brandId, "main");
    customerId = await createCustomer(s.admin, "Boutique Paris");
    viewerId = (await s.admin.ok(`{ viewer { id } }`)).viewer.id;
  });
  afterAll(async () => s.stop());

  const v = (i: number) => String(cat.variants[i].id);

  it("creates an order: default prices from the season, lines by id or barcode, address snapshots, totals, number, owner", async () => {
    const { createOrder: o } = await s.admin.ok(CREATE_ORDER, {
      input: {
        customerId,
        seasonId: String(cat.season.id),
        poNumber: "PO-1",
        shipStart: "2025-02-01",
        shipEnd: "2025-03-31",
        notes: "first",
        lines: [
          { variantId: v(0), quantity: 2 },
          { barcode: cat.variants[1].barcode, quantity: 3 },
          { variantId: v(2), quantity: 1, unitPrice: "9.999" },
        ],
      },
    });
    expect(o).toMatchObject({
      number: "SO-000001",
      source: "MANUAL",
      externalId: null,
      poNumber: "PO-1",
      approved: false,
      locked: false,
      closed: false,
      currency: "EUR",
      shipStart: "2025-02-01",
      shipEnd: "2025-03-31",
      notes: "first",
      customer: { id: customerId, name: "Boutique Paris" },
      season: { id: String(cat.season.id) },
      owner: { id: viewerId },
      deliveryAddress: { type: "DELIVERY", line1: "2 Rue Default", city: "Paris", countryCode: "FR" },
      accountsAddress: { type: "ACCOUNTS", line1: "3 Rue Compta" },
      storeAddress: { type: "STORE", line1: "4 Rue Boutique" },
      totalQuantity: 6,
    });
    expect(o.lines.map((l: any) => [l.variant.id, l.quantity, l.unitPrice, l.lineTotal])).toEqual([
      [v(0), 2, "12.50", "25.00"],
      [v(1), 3, "12.50", "37.50"],
      [v(2), 1, "9.999", "10.00"],
    ]);
    expect(o.totalAmount).toBe("72.50");
    const read = await s.admin.ok(ORDER, { id: o.id });
    expect(read.order).toEqual(o);
  });

  it("takes the customer's currency or the given one, formats money in its minor units and rounds line totals half up", async () => {
    const gbp = await s.admin.ok(CREATE_ORDER, {
      input: { customerId, seasonId: String(cat.season.id), currency: "GBP", lines: [{ variantId: v(0), quantity: 4 }] },
    });
    expect(gbp.createOrder).toMatchObject({ currency: "GBP", totalAmount: "40.00", lines: [{ unitPrice: "10.00", lineTotal: "40.00" }] });
    const jpy = await s.admin.ok(CREATE_ORDER, { input: { customerId, currency: "JPY", lines: [{ variantId: v(0), quantity: 3, unitPrice: "1200.5" }] } });
    expect(jpy.createOrder).toMatchObject({ currency: "JPY", totalAmount: "3602", lines: [{ unitPrice: "1200.5", lineTotal: "3602" }] });
    const rounding = await s.admin.ok(CREATE_ORDER, {
      input: {
        customerId,
        lines: [
          { variantId: v(0), quantity: 3, unitPrice: "12.345" },
          { variantId: v(1), quantity: 1, unitPrice: "0.005" },
        ],
      },
    });
    expect(rounding.createOrder.lines.map((l: any) => l.lineTotal)).toEqual(["37.04", "0.01"]);
    expect(rounding.createOrder.totalAmount).toBe("37.05");
    expect(rounding.createOrder.season).toBeNull();
  });

  it("keeps explicit DELIVERY/ACCOUNTS addresses, and snapshots do not follow later customer edits", async () => {
    const { createOrder: o } = await s.admin.ok(CREATE_ORDER, {
      input: { customerId, addresses: [address("DELIVERY", "9 Quai Livraison", { company: "Dépôt" })], lines: [] },
    });
    expect(o.deliveryAddress).toEqual({ type: "DELIVERY", line1: "9 Quai Livraison", city: "Paris", countryCode: "FR" });
    expect(o.accountsAddress.line1).toBe("3 Rue Compta");
    expect(o.totalQuantity).toBe(0);
    expect(o.totalAmount).toBe("0.00");
    const { customer } = await s.admin.ok(`query($id: ID!) { customer(id: $id) { addresses { id type } } }`, { id: customerId });
    const store = customer.addresses.find((a: any) => a.type === "STORE");
    await s.admin.ok(`mutation($id: ID!, $a: AddressInput!) { updateCustomerAddress(id: $id, address: $a) { id } }`, {
      id: store.id,
      a: address("STORE", "Moved"),
    });
    expect((await s.admin.ok(ORDER, { id: o.id })).order.storeAddress.line1).toBe("4 Rue Boutique");
    await s.admin.ok(`mutation($id: ID!, $a: AddressInput!) { updateCustomerAddress(id: $id, address: $a) { id } }`, {
      id: store.id,
      a: address("STORE", "4 Rue Boutique"),
    });
  });

  it("uses a given number and keeps generating after the highest SO- number; the owner can be another user", async () => {
    const { users } = await s.admin.ok(`{ users { id } }`);
    expect(users.map((u: any) => u.id)).toEqual([viewerId]); // the bootstrap ADMIN only
    const other = await s.admin.ok(`mutation { createUser(input: { name: "Rep", email: "rep@x.test", role: EDITOR }) { id } }`);
    const after = (await s.admin.ok(`{ users { id } }`)).users.map((u: any) => u.id);
    expect(after.sort()).toEqual([viewerId, other.createUser.id].sort());
    const given = await s.admin.ok(CREATE_ORDER, { input: { customerId, number: "SO-000100", ownerId: other.createUser.id } });
    expect(given.createOrder).toMatchObject({ number: "SO-000100", owner: { id: other.createUser.id, name: "Rep" } });
    const custom = await s.admin.ok(CREATE_ORDER, { input: { customerId, number: "WEB-7" } });
    expect(custom.createOrder.number).toBe("WEB-7");
    const next = await s.admin.ok(CREATE_ORDER, { input: { customerId } });
    expect(next.createOrder.number).toBe("SO-000101");
  });

  it("lists orders with cursors and every filter", async () => {
    const other = await createCustomer(s.admin, "Filter Shop");
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { createOrder } = await s.admin.ok(CREATE_ORDER, {
        input: { customerId: other, poNumber: `F-${i}`, seasonId: i === 0 ? String(cat.season.id) : null },
      });
      ids.push(createOrder.id);
    }
    await s.admin.ok(flag("approveOrder"), { id: ids[1] });
    await s.admin.ok(flag("closeOrder"), { id: ids[2] });
    const page1 = await s.admin.ok(LIST, { first: 2, filter: { customerId: other } });
    expect(page1.orders.totalCount).toBe(3);
    expect(page1.orders.edges.map((e: any) => e.node.id)).toEqual(ids.slice(0, 2));
    expect(page1.orders.pageInfo.hasNextPage).toBe(true);
    const page2 = await s.admin.ok(LIST, { first: 2, after: page1.orders.pageInfo.endCursor, filter: { customerId: other } });
    expect(page2.orders.edges.map((e: any) => e.node.id)).toEqual([ids[2]]);
    expect(page2.orders.pageInfo.hasNextPage).toBe(false);
    const only = async (filter: object) => (await s.admin.ok(LIST, { filter: { customerId: other, ...filter } })).orders.edges.map((e: any) => e.node.id);
    expect(await only({ approved: true })).toEqual([ids[1]]);
    expect(await only({ approved: false })).toEqual([ids[0], ids[2]]);
    expect(await only({ closed: true })).toEqual([ids[2]]);
    expect(await only({ closed: false })).toEqual([ids[0], ids[1]]);
    expect(await only({ poNumber: "F-1" })).toEqual([ids[1]]);
    expect(await only({ seasonId: String(cat.season.id) })).toEqual([ids[0]]);
    expect(await only({ source: "MANUAL" })).toEqual(ids);
    expect(await only({ source: "JOOR" })).toEqual([]);
    expect(await only({ externalId: "none" })).toEqual([]);
    const all = await s.admin.ok(LIST, {});
    expect(all.orders.totalCount).toBeGreaterThan(3);
  });

  it("updates header fields and replaces address snapshots; null clears optional fields", async () => {
    const { createOrder: o } = await s.admin.ok(CREATE_ORDER, { input: { customerId, poNumber: "OLD", shipStart: "2025-01-01", notes: "n" } });
    const { updateOrder: u } = await s.admin.ok(UPDATE, {
      input: {
        id: o.id,
        poNumber: "NEW",
        seasonId: String(cat.season.id),
        currency: "GBP",
        shipEnd: "2025-06-30",
        notes: null,
        number: "SO-900000",
        addresses: [address("ACCOUNTS", "New Accounts St")],
      },
    });
    expect(u).toMatchObject({
      poNumber: "NEW",
      season: { id: String(cat.season.id) },
      currency: "GBP",
      shipStart: "2025-01-01",
      shipEnd: "2025-06-30",
      notes: null,
      number: "SO-900000",
      accountsAddress: { type: "ACCOUNTS", line1: "New Accounts St" },
      deliveryAddress: { line1: "2 Rue Default" },
    });
    const cleared = await s.admin.ok(UPDATE, { input: { id: o.id, seasonId: null, poNumber: null, shipStart: null } });
    expect(cleared.updateOrder).toMatchObject({ season: null, poNumber: null, shipStart: null, shipEnd: "2025-06-30", currency: "GBP" });
  });

  it("replaces the lines of an order, pricing them from the order's season and currency", async () => {
    const { createOrder: o } = await s.admin.ok(CREATE_ORDER, {
      input: { customerId, seasonId: String(cat.season.id), lines: [{ variantId: v(0), quantity: 1 }] },
    });
    const { replaceOrderLines: r } = await s.admin.ok(REPLACE, {
      id: o.id,
      lines: [
        { barcode: cat.variants[2].barcode, quantity: 10 },
        { variantId: v(1), quantity: 2, unitPrice: "0" },
      ],
    });
    expect(r.lines.map((l: any) => [l.variant.id, l.quantity, l.unitPrice, l.lineTotal])).toEqual([
      [v(2), 10, "12.50", "125.00"],
      [v(1), 2, "0.00", "0.00"],
    ]);
    expect(r).toMatchObject({ totalQuantity: 12, totalAmount: "125.00" });
    const emptied = await s.admin.ok(REPLACE, { id: o.id, lines: [] });
    expect(emptied.replaceOrderLines).toMatchObject({ lines: [], totalQuantity: 0, totalAmount: "0.00" });
  });

  it("approves, unapproves, locks, unlocks and closes; locked and closed orders refuse edits", async () => {
    const { createOrder: o } = await s.admin.ok(CREATE_ORDER, { input: { customerId, lines: [{ variantId: v(0), quantity: 1, unitPrice: "5" }] } });
    expect((await s.admin.ok(flag("approveOrder"), { id: o.id })).approveOrder).toMatchObject({ approved: true, locked: false, closed: false });
    expect((await s.admin.ok(flag("unapproveOrder"), { id: o.id })).unapproveOrder.approved).toBe(false);
    expect((await s.admin.ok(flag("lockOrder"), { id: o.id })).lockOrder.locked).toBe(true);

    const lockedUpdate = await s.admin.fails(UPDATE, { input: { id: o.id, poNumber: "X" } });
    expect(lockedUpdate.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    const lockedLines = await s.admin.fails(REPLACE, { id: o.id, lines: [] });
    expect(lockedLines.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "orderId" });
    expect((await s.admin.ok(flag("approveOrder"), { id: o.id })).approveOrder).toMatchObject({ approved: true, locked: true });

    expect((await s.admin.ok(flag("unlockOrder"), { id: o.id })).unlockOrder.locked).toBe(false);
    expect((await s.admin.ok(UPDATE, { input: { id: o.id, poNumber: "AFTER-UNLOCK" } })).updateOrder.poNumber).toBe("AFTER-UNLOCK");

    expect((await s.admin.ok(flag("closeOrder"), { id: o.id })).closeOrder.closed).toBe(true);
    expect((await s.admin.ok(flag("closeOrder"), { id: o.id })).closeOrder.closed).toBe(true);
    for (const name of ["approveOrder", "unapproveOrder", "lockOrder", "unlockOrder"]) {
      expect((await s.admin.fails(flag(name), { id: o.id })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    }
    expect((await s.admin.fails(UPDATE, { input: { id: o.id, poNumber: "Y" } })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    expect((await s.admin.fails(REPLACE, { id: o.id, lines: [] })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "orderId" });
    const after = (await s.admin.ok(ORDER, { id: o.id })).order;
    expect(after).toMatchObject({ poNumber: "AFTER-UNLOCK", approved: true, locked: false, closed: true, totalAmount: "5.00" });
  });

  it("an EDITOR can create and change orders", async () => {
    const editor = await s.clientFor("EDITOR");
    const { createOrder } = await editor.ok(CREATE_ORDER, { input: { customerId, lines: [{ variantId: v(0), quantity: 1, unitPrice: "1" }] } });
    expect((await editor.ok(flag("approveOrder"), { id: createOrder.id })).approveOrder.approved).toBe(true);
  });

  it("unknown order ids are NOT_FOUND", async () => {
    expect((await s.admin.fails(ORDER, { id: "999999" })).extensions?.code).toBe("NOT_FOUND");
    expect((await s.admin.fails(flag("approveOrder"), { id: "999999" })).extensions?.code).toBe("NOT_FOUND");
    expect((await s.admin.fails(ORDER, { id: "abc" })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
  });
});
