import { GraphQLError } from "graphql";
import { ImportedOrderData } from "../../src/modules/order/order-import";
import { OrderService } from "../../src/modules/order/order.service";
import { startTestServer, TestServer } from "../harness/test-server";
import { address, brandIdOf, Catalogue, createCustomer, orderRowCounts, ORDER_FIELDS, seedCatalogue } from "./orders-fixtures";
import { scopeFor } from "../harness/scope";

const BY_EXTERNAL = `query($source: String, $externalId: String) { orders(filter: { source: $source, externalId: $externalId }) { totalCount edges { node { ${ORDER_FIELDS} } } } }`;

describe("OrderService.createImportedOrder (the connectors' entry point)", () => {
  let s: TestServer;
  let orders: OrderService;
  let cat: Catalogue;
  let customerId: number;
  let ownerId: number;
  beforeAll(async () => {
    s = await startTestServer();
    orders = s.app.services.orders;
    cat = await seedCatalogue(s, s.brandId, "imp");
    customerId = Number(await createCustomer(s.admin, "JOOR Retailer"));
    ownerId = Number((await s.admin.ok(`{ viewer { id } }`)).viewer.id);
  });
  afterAll(async () => s.stop());

  const brand = () => scopeFor(s.app, s.brandId);
  const data = (externalId: string, extra: Partial<ImportedOrderData> = {}): ImportedOrderData => ({
    source: "JOOR",
    externalId,
    poNumber: `JOOR-PO-${externalId}`,
    customerId,
    seasonId: cat.season.id,
    ownerId,
    approved: true,
    currency: "EUR",
    shipStart: "2025-02-01",
    shipEnd: "2025-02-28",
    lines: [
      { variantId: cat.variants[0].id, quantity: 5, unitPrice: "11.00" },
      { variantId: cat.variants[1].id, quantity: 2 },
    ],
    deliveryAddress: address("DELIVERY", "JOOR Ship-to 1"),
    ...extra,
  });

  it("inserts order, lines and snapshots: the given DELIVERY, the customer's ACCOUNTS and STORE; visible through the API", async () => {
    const result = await orders.createImportedOrder(brand(), data("J-100"));
    expect(result.created).toBe(true);
    const { orders: page } = await s.admin.ok(BY_EXTERNAL, { source: "JOOR", externalId: "J-100" });
    expect(page.totalCount).toBe(1);
    expect(page.edges[0].node).toMatchObject({
      id: String(result.order.id),
      number: result.order.number,
      source: "JOOR",
      externalId: "J-100",
      poNumber: "JOOR-PO-J-100",
      approved: true,
      locked: false,
      closed: false,
      currency: "EUR",
      shipStart: "2025-02-01",
      shipEnd: "2025-02-28",
      owner: { id: String(ownerId) },
      season: { id: String(cat.season.id) },
      deliveryAddress: { line1: "JOOR Ship-to 1" },
      accountsAddress: { line1: "3 Rue Compta" },
      storeAddress: { line1: "4 Rue Boutique" },
      lines: [
        { quantity: 5, unitPrice: "11.00", lineTotal: "55.00" },
        { quantity: 2, unitPrice: "12.50", lineTotal: "25.00" },
      ],
      totalQuantity: 7,
      totalAmount: "80.00",
    });
    expect(result.order.number).toMatch(/^SO-\d{6}$/);
  });

  it("returns the existing order for the same source and externalId, writing nothing", async () => {
    const first = await orders.createImportedOrder(brand(), data("J-200"));
    const before = await orderRowCounts(s);
    const again = await orders.createImportedOrder(
      brand(),
      data("J-200", { approved: false, lines: [{ variantId: cat.variants[2].id, quantity: 99, unitPrice: "1" }] }),
    );
    expect(again).toMatchObject({ created: false, order: { id: first.order.id, approved: true } });
    expect(await orderRowCounts(s)).toEqual(before);
    const other = await orders.createImportedOrder(brand(), data("J-200", { source: "NUORDER" }));
    expect(other.created).toBe(true);
    expect(other.order.id).not.toBe(first.order.id);
  });

  it("two concurrent imports of the same order insert it once and both return it", async () => {
    const before = await orderRowCounts(s);
    const [a, b] = await Promise.all([orders.createImportedOrder(brand(), data("J-300")), orders.createImportedOrder(brand(), data("J-300"))]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.order.id).toBe(b.order.id);
    expect(await orderRowCounts(s)).toEqual({ orders: before.orders + 1, lines: before.lines + 2, addresses: before.addresses + 3 });
    const { orders: page } = await s.admin.ok(BY_EXTERNAL, { source: "JOOR", externalId: "J-300" });
    expect(page.totalCount).toBe(1);
    expect(page.edges[0].node.lines).toHaveLength(2);
  });

  it("concurrent imports of different orders all land, with distinct generated numbers", async () => {
    const results = await Promise.all(["J-401", "J-402", "J-403", "J-404"].map((id) => orders.createImportedOrder(brand(), data(id))));
    expect(results.every((r) => r.created)).toBe(true);
    expect(new Set(results.map((r) => r.order.number)).size).toBe(4);
  });

  it("writes in the caller's transaction: rolled back with it, committed with it", async () => {
    const before = await orderRowCounts(s);
    await expect(
      brand().transaction(async (tx) => {
        const r = await orders.createImportedOrder(tx, data("J-500"));
        expect(r.created).toBe(true);
        expect(await orders.findByExternalId(tx, "JOOR", "J-500")).not.toBeNull();
        throw new Error("caller aborts");
      }),
    ).rejects.toThrow("caller aborts");
    expect(await orderRowCounts(s)).toEqual(before);
    expect(await orders.findByExternalId(brand(), "JOOR", "J-500")).toBeNull();
    const committed = await brand().transaction((tx) => orders.createImportedOrder(tx, data("J-500")));
    expect(committed.created).toBe(true);
    expect((await orders.findByExternalId(brand(), "JOOR", "J-500"))?.id).toBe(committed.order.id);
  });

  it("refuses bad data with every problem listed and writes nothing", async () => {
    const other = await s.otherBrand();
    const foreign = await seedCatalogue(s, await brandIdOf(other), "imp-other");
    const before = await orderRowCounts(s);
    const attempt = orders.createImportedOrder(
      brand(),
      data("J-600", {
        currency: "EURO",
        shipStart: "2025-03-01",
        shipEnd: "2025-02-01",
        lines: [
          { variantId: foreign.variants[0].id, quantity: 1, unitPrice: "1" },
          { variantId: cat.variants[0].id, quantity: 0, unitPrice: "1" },
          { variantId: cat.variants[1].id, quantity: 1.5, unitPrice: "-2" },
        ],
      }),
    );
    const error = (await attempt.catch((e: unknown) => e)) as GraphQLError;
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions.code).toBe("BAD_USER_INPUT");
    expect((error.extensions.problems as { field: string }[]).map((p) => p.field)).toEqual([
      "currency",
      "shipEnd",
      "lines[1].quantity",
      "lines[2].quantity",
      "lines[2].unitPrice",
    ]);
    const foreignOnly = await orders
      .createImportedOrder(brand(), data("J-601", { lines: [{ variantId: foreign.variants[0].id, quantity: 1, unitPrice: "1" }] }))
      .catch((e: GraphQLError) => e);
    expect((foreignOnly as GraphQLError).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "lines[0].variantId" });
    const foreignCustomer = await orders
      .createImportedOrder(brand(), data("J-602", { customerId: Number(await createCustomer(other, "Theirs")) }))
      .catch((e: GraphQLError) => e);
    expect((foreignCustomer as GraphQLError).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "customerId" });
    const badSource = await orders.createImportedOrder(brand(), data("J-603", { source: "joor" })).catch((e: GraphQLError) => e);
    expect((badSource as GraphQLError).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "source" });
    const storeGiven = await orders.createImportedOrder(brand(), data("J-604", { accountsAddress: address("STORE", "x") })).catch((e: GraphQLError) => e);
    expect((storeGiven as GraphQLError).extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await orderRowCounts(s)).toEqual(before);
  });

  it("another brand never sees the imported orders", async () => {
    const other = await s.otherBrand();
    expect((await other.ok(BY_EXTERNAL, { source: "JOOR", externalId: "J-100" })).orders.totalCount).toBe(0);
    expect(await orders.findByExternalId(scopeFor(s.app, await brandIdOf(other)), "JOOR", "J-100")).toBeNull();
  });
});
