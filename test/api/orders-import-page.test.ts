import { scopeFor } from "../harness/scope";
import { Address } from "../../src/entities/address.entity";
import { ImportedOrderData } from "../../src/modules/order/order-import";
import { OrderService } from "../../src/modules/order/order.service";
import { startTestServer, TestServer } from "../harness/test-server";
import { address, Catalogue, createCustomer, orderRowCounts, ORDER_FIELDS, seedCatalogue } from "./orders-fixtures";

const BY_EXTERNAL = `query($externalId: String) { orders(filter: { source: "JOOR", externalId: $externalId }) { totalCount edges { node { ${ORDER_FIELDS} } } } }`;

/** OrderService.createImportedOrdersPrechecked: a page of imported orders written at once, each validated on its own. */
describe("OrderService.createImportedOrdersPrechecked (a page of imported orders)", () => {
  let s: TestServer;
  let orders: OrderService;
  let cat: Catalogue;
  let customerId: number;
  let known: Address[];
  beforeAll(async () => {
    s = await startTestServer();
    orders = s.app.services.orders;
    cat = await seedCatalogue(s, s.brandId, "page");
    customerId = Number(await createCustomer(s.admin, "Page Retailer"));
    known = await s.app.ds.getRepository(Address).findBy({ brandId: s.brandId, customerId });
  });
  afterAll(async () => s.stop());

  const data = (externalId: string, extra: Partial<ImportedOrderData> = {}): ImportedOrderData => ({
    source: "JOOR",
    externalId,
    customerId,
    seasonId: cat.season.id,
    approved: true,
    currency: "EUR",
    lines: [
      { variantId: cat.variants[0].id, quantity: 3, unitPrice: "11.00" },
      { variantId: cat.variants[1].id, quantity: 1, unitPrice: "2.50" },
    ],
    deliveryAddress: address("DELIVERY", `Ship ${externalId}`),
    ...extra,
  });
  const page = (list: ImportedOrderData[]) =>
    scopeFor(s.app, s.brandId).transaction((tx) =>
      orders.createImportedOrdersPrechecked(
        tx,
        list.map((d) => ({ data: d, customerAddresses: known })),
      ),
    );

  it("writes the valid orders with consecutive numbers, lines and snapshots; an invalid one gets its error and writes nothing", async () => {
    const before = await orderRowCounts(s);
    const results = await page([data("P-1"), data("P-2", { lines: [{ variantId: cat.variants[0].id, quantity: 0, unitPrice: "1.00" }] }), data("P-3")]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    const [a, bad, c] = results;
    if (!a.ok || !c.ok || bad.ok) throw new Error("unexpected");
    expect(bad.error.extensions.code).toBe("BAD_USER_INPUT");
    expect(a.created && c.created).toBe(true);
    expect(Number(c.number.slice(3))).toBe(Number(a.number.slice(3)) + 1);
    expect(await orderRowCounts(s)).toEqual({ orders: before.orders + 2, lines: before.lines + 4, addresses: before.addresses + 6 });
    const { orders: p1 } = await s.admin.ok(BY_EXTERNAL, { externalId: "P-1" });
    expect(p1.edges[0].node).toMatchObject({
      id: String(a.id),
      number: a.number,
      deliveryAddress: { line1: "Ship P-1" },
      accountsAddress: { line1: "3 Rue Compta" },
      storeAddress: { line1: "4 Rue Boutique" },
      lines: [
        { quantity: 3, unitPrice: "11.00" },
        { quantity: 1, unitPrice: "2.50" },
      ],
      totalAmount: "35.50",
    });
    expect((await s.admin.ok(BY_EXTERNAL, { externalId: "P-2" })).orders.totalCount).toBe(0);
  });

  it("orders that exist already are answered, not written again; new ones of the same page are written", async () => {
    const [first] = await page([data("P-10")]);
    const before = await orderRowCounts(s);
    const results = await page([data("P-10", { approved: false }), data("P-11")]);
    expect(results[0]).toEqual({ ok: true, id: first.ok && first.id, number: first.ok && first.number, created: false });
    expect(results[1]).toMatchObject({ ok: true, created: true });
    expect(await orderRowCounts(s)).toEqual({ orders: before.orders + 1, lines: before.lines + 2, addresses: before.addresses + 3 });
  });

  it("numbers follow the highest of the brand, after manual orders too", async () => {
    const { createOrder } = await s.admin.ok(`mutation($i: CreateOrderInput!) { createOrder(input: $i) { number } }`, {
      i: { customerId: String(customerId), currency: "EUR", lines: [{ variantId: String(cat.variants[0].id), quantity: 1, unitPrice: "1.00" }] },
    });
    const results = await page([data("P-20"), data("P-21")]);
    expect(results.map((r) => r.ok && Number(r.number.slice(3)))).toEqual([Number(createOrder.number.slice(3)) + 1, Number(createOrder.number.slice(3)) + 2]);
  });
});
