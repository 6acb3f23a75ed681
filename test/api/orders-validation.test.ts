import { withCheckDigit } from "../../src/domain/barcode";
import { startTestServer, TestServer } from "../harness/test-server";
import { address, brandIdOf, Catalogue, CREATE_ORDER, createCustomer, orderRowCounts, ORDER_FIELDS, seedCatalogue } from "./orders-fixtures";

const UPDATE = `mutation($input: UpdateOrderInput!) { updateOrder(input: $input) { id } }`;
const REPLACE = `mutation($id: ID!, $lines: [OrderLineInput!]!) { replaceOrderLines(orderId: $id, lines: $lines) { id } }`;
const ORDER = `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;

describe("orders API: bad input gets BAD_USER_INPUT with the field and writes nothing", () => {
  let s: TestServer;
  let cat: Catalogue;
  let customerId: string;
  let foreign: { customerId: string; variantId: string; userId: string };
  beforeAll(async () => {
    s = await startTestServer();
    cat = await seedCatalogue(s, s.brandId, "val");
    customerId = await createCustomer(s.admin, "Valid Shop");
    const other = await s.otherBrand();
    const otherCat = await seedCatalogue(s, await brandIdOf(other), "val-other");
    foreign = {
      customerId: await createCustomer(other, "Their Shop"),
      variantId: String(otherCat.variants[0].id),
      userId: (await other.ok(`{ viewer { id } }`)).viewer.id,
    };
    await s.admin.ok(CREATE_ORDER, { input: { customerId, number: "TAKEN-1" } });
  });
  afterAll(async () => s.stop());

  const line = (extra: object = {}) => ({ variantId: String(cat.variants[0].id), quantity: 1, ...extra });
  const valid = (extra: object = {}) => ({ customerId, seasonId: String(cat.season.id), lines: [line()], ...extra });

  const cases: [string, () => object, string][] = [
    ["unknown customer", () => valid({ customerId: "999999" }), "customerId"],
    ["another brand's customer", () => valid({ customerId: foreign.customerId }), "customerId"],
    ["malformed customer id", () => valid({ customerId: "abc" }), "customerId"],
    ["unknown season", () => valid({ seasonId: "999999" }), "seasonId"],
    ["another brand's user as owner", () => valid({ ownerId: foreign.userId }), "ownerId"],
    ["unknown variant", () => valid({ lines: [line({ variantId: "999999" })] }), "lines[0].variantId"],
    ["another brand's variant", () => valid({ lines: [line({ variantId: foreign.variantId })] }), "lines[0].variantId"],
    ["unknown barcode", () => valid({ lines: [{ barcode: withCheckDigit("999999999999"), quantity: 1 }] }), "lines[0].barcode"],
    ["barcode with a wrong check digit", () => valid({ lines: [{ barcode: "4000000000001", quantity: 1 }] }), "lines[0].barcode"],
    ["both variantId and barcode", () => valid({ lines: [line({ barcode: cat.variants[1].barcode })] }), "lines[0].variantId"],
    ["neither variantId nor barcode", () => valid({ lines: [{ quantity: 1 }] }), "lines[0].variantId"],
    ["quantity 0", () => valid({ lines: [line({ quantity: 0 })] }), "lines[0].quantity"],
    ["negative quantity", () => valid({ lines: [line({ quantity: -3 })] }), "lines[0].quantity"],
    ["negative price", () => valid({ lines: [line({ unitPrice: "-0.01" })] }), "lines[0].unitPrice"],
    ["price that is not a decimal", () => valid({ lines: [line({ unitPrice: "12,50" })] }), "lines[0].unitPrice"],
    ["price with 5 decimals", () => valid({ lines: [line({ unitPrice: "1.00001" })] }), "lines[0].unitPrice"],
    ["no price given and none in the season", () => valid({ lines: [{ variantId: String(cat.unpriced.id), quantity: 1 }] }), "lines[0].unitPrice"],
    ["no price given and no season", () => valid({ seasonId: null }), "lines[0].unitPrice"],
    ["unknown currency", () => valid({ currency: "XYZ" }), "currency"],
    ["lower-case currency", () => valid({ currency: "eur" }), "currency"],
    ["impossible date", () => valid({ shipStart: "2025-02-30" }), "shipStart"],
    ["date not in ISO format", () => valid({ shipEnd: "31/03/2025" }), "shipEnd"],
    ["shipEnd before shipStart", () => valid({ shipStart: "2025-03-01", shipEnd: "2025-02-28" }), "shipEnd"],
    ["duplicate order number", () => valid({ number: "TAKEN-1" }), "number"],
    ["blank order number", () => valid({ number: "  " }), "number"],
    ["STORE address given", () => valid({ addresses: [address("STORE", "x")] }), "addresses[0].type"],
    ["DELIVERY address twice", () => valid({ addresses: [address("DELIVERY", "a"), address("DELIVERY", "b")] }), "addresses[1].type"],
    ["invalid address country", () => valid({ addresses: [address("ACCOUNTS", "a", { countryCode: "XX" })] }), "addresses[0].countryCode"],
    ["second line bad while the first is fine", () => valid({ lines: [line(), line({ quantity: 0 })] }), "lines[1].quantity"],
  ];

  it.each(cases)("createOrder: %s", async (_label, input, field) => {
    const before = await orderRowCounts(s);
    const err = await s.admin.fails(CREATE_ORDER, { input: input() });
    expect({ code: err.extensions?.code, field: err.extensions?.field }).toEqual({ code: "BAD_USER_INPUT", field });
    expect(await orderRowCounts(s)).toEqual(before);
  });

  it("createOrder: a customer without a currency needs one on the order", async () => {
    const noCurrency = await createCustomer(s.admin, "No Currency", null);
    const before = await orderRowCounts(s);
    const err = await s.admin.fails(CREATE_ORDER, { input: { customerId: noCurrency, lines: [line({ unitPrice: "1" })] } });
    expect(err.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "currency" });
    expect(await orderRowCounts(s)).toEqual(before);
    expect((await s.admin.ok(CREATE_ORDER, { input: { customerId: noCurrency, currency: "USD" } })).createOrder.currency).toBe("USD");
  });

  it("createOrder: a fractional quantity is refused by GraphQL itself (Int) before anything runs", async () => {
    const before = await orderRowCounts(s);
    const err = await s.admin.fails(
      `mutation { createOrder(input: { customerId: "${customerId}", lines: [{ variantId: "${cat.variants[0].id}", quantity: 1.5, unitPrice: "1" }] }) { id } }`,
    );
    expect(err.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(err.message).toContain("Int cannot represent non-integer value: 1.5");
    expect(await orderRowCounts(s)).toEqual(before);
  });

  it("every problem is listed, the first one is the error's field", async () => {
    const err = await s.admin.fails(CREATE_ORDER, { input: valid({ currency: "XYZ", lines: [line({ quantity: 0, unitPrice: "-1" })] }) });
    expect(err.extensions?.field).toBe("currency");
    expect((err.extensions?.problems as { field: string }[]).map((p) => p.field)).toEqual(["currency", "lines[0].quantity", "lines[0].unitPrice"]);
  });

  describe("updateOrder and replaceOrderLines", () => {
    let orderId: string;
    let snapshot: unknown;
    beforeAll(async () => {
      const { createOrder } = await s.admin.ok(CREATE_ORDER, { input: valid({ shipStart: "2025-04-01", poNumber: "KEEP" }) });
      orderId = createOrder.id;
      snapshot = (await s.admin.ok(ORDER, { id: orderId })).order;
    });
    const unchanged = async () => expect((await s.admin.ok(ORDER, { id: orderId })).order).toEqual(snapshot);

    const updates: [string, () => object, string][] = [
      ["shipEnd before the stored shipStart", () => ({ shipEnd: "2025-03-31" }), "shipEnd"],
      ["unknown currency", () => ({ currency: "ABC" }), "currency"],
      ["currency cleared", () => ({ currency: null }), "currency"],
      ["impossible date", () => ({ shipStart: "2025-13-01" }), "shipStart"],
      ["another brand's user as owner", () => ({ ownerId: foreign.userId }), "ownerId"],
      ["unknown season", () => ({ seasonId: "999999" }), "seasonId"],
      ["taken number", () => ({ number: "TAKEN-1" }), "number"],
      ["STORE address", () => ({ addresses: [address("STORE", "x")] }), "addresses[0].type"],
    ];
    it.each(updates)("updateOrder: %s", async (_label, change, field) => {
      const before = await orderRowCounts(s);
      const err = await s.admin.fails(UPDATE, { input: { id: orderId, poNumber: "CHANGED", ...change() } });
      expect({ code: err.extensions?.code, field: err.extensions?.field }).toEqual({ code: "BAD_USER_INPUT", field });
      expect(await orderRowCounts(s)).toEqual(before);
      await unchanged();
    });

    const replacements: [string, () => object[], string][] = [
      ["quantity 0", () => [line({ quantity: 0 })], "lines[0].quantity"],
      ["quantity above the maximum", () => [line({ quantity: 2_000_000 })], "lines[0].quantity"],
      ["unknown barcode", () => [{ barcode: withCheckDigit("888888888888"), quantity: 1 }], "lines[0].barcode"],
      ["another brand's variant", () => [line({ variantId: foreign.variantId })], "lines[0].variantId"],
      ["negative price on the second line", () => [line(), line({ variantId: String(cat.variants[1].id), unitPrice: "-5" })], "lines[1].unitPrice"],
    ];
    it.each(replacements)("replaceOrderLines: %s", async (_label, lines, field) => {
      const before = await orderRowCounts(s);
      const err = await s.admin.fails(REPLACE, { id: orderId, lines: lines() });
      expect({ code: err.extensions?.code, field: err.extensions?.field }).toEqual({ code: "BAD_USER_INPUT", field });
      expect(await orderRowCounts(s)).toEqual(before);
      await unchanged();
    });

    it("editing a locked order and a closed order is refused on field id and changes nothing", async () => {
      const { createOrder: o } = await s.admin.ok(CREATE_ORDER, { input: valid() });
      await s.admin.ok(`mutation($id: ID!) { lockOrder(id: $id) { id } }`, { id: o.id });
      const lockedBefore = (await s.admin.ok(ORDER, { id: o.id })).order;
      expect((await s.admin.fails(UPDATE, { input: { id: o.id, notes: "x" } })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
      expect((await s.admin.fails(REPLACE, { id: o.id, lines: [] })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "orderId" });
      expect((await s.admin.ok(ORDER, { id: o.id })).order).toEqual(lockedBefore);
      await s.admin.ok(`mutation($id: ID!) { unlockOrder(id: $id) { id } }`, { id: o.id });
      await s.admin.ok(`mutation($id: ID!) { closeOrder(id: $id) { id } }`, { id: o.id });
      const closedBefore = (await s.admin.ok(ORDER, { id: o.id })).order;
      expect((await s.admin.fails(UPDATE, { input: { id: o.id, notes: "x" } })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
      expect((await s.admin.fails(REPLACE, { id: o.id, lines: [] })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "orderId" });
      expect((await s.admin.ok(ORDER, { id: o.id })).order).toEqual(closedBefore);
    });
  });

  it("filters with malformed ids are BAD_USER_INPUT on the filter field", async () => {
    const err = await s.admin.fails(`{ orders(filter: { customerId: "x" }) { totalCount } }`);
    expect(err.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.customerId" });
  });
});
