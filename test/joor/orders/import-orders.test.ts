import { CREATE_USER } from "../../harness/operations";
import { importOrders, startOrderImportEnv, type JoorEnv } from "../harness";
import { serializeOrderV2 } from "../../../plugins/joor/sandbox/domain/orders";
import { addresses, connection, customer, edit, importedOrders, inbound, place, product } from "./world";

/**
 * import-orders against the JOOR sandbox over real HTTP, one test per rule of the seed ("Approved sales orders
 * will import from Joor into Zedonk", barcodes, account codes, addresses, season, approved, owner).
 */
describe("import-orders (seed rules)", () => {
  let env: JoorEnv;
  let fallback: { id: number; name: string };
  let aw20: { id: number; name: string };
  let ownerId: string;

  beforeAll(async () => {
    ({ env, fallback } = await startOrderImportEnv("IMPORTED FROM JOOR", async (e) => {
      aw20 = await e.seed.season("AUTUMN/WINTER 20", "2020-08-01");
      const { createUser } = await e.admin.run(CREATE_USER, { input: { name: "Sam Rep", email: "sam@brand.test", role: "EDITOR" } });
      ownerId = createUser.id;
      return { orderOwner: Number(ownerId) };
    }));
  }, 60_000);
  afterAll(() => env?.stop());
  const run = () => importOrders(env);

  it("Only products with matching barcode numbers will be recognised: an order with an unknown barcode is held, not imported partially", async () => {
    const c = await customer(env);
    const [known] = await product(env);
    const id = place(env, {
      customer_code: c.code,
      lines: [
        { upc: known, quantity: 2 },
        { upc: "5012345678900", quantity: 1 },
      ],
    });
    const job = await run();
    expect(await importedOrders(env, id)).toEqual([]);
    const held = await inbound(env, id);
    expect(held.state).toBe("HELD");
    expect(held.reasons).toEqual([expect.objectContaining({ code: "UNKNOWN_BARCODE", line: 2, field: "line_items[1].item_upc" })]);
    expect(JSON.parse(held.payload).order_id).toBe(Number(id));
    expect((await env.issues(job.id)).some((i) => i.key === id && i.code === "UNKNOWN_BARCODE")).toBe(true);
    expect(job.summary.heldByReason.UNKNOWN_BARCODE).toBeGreaterThanOrEqual(1);
  });

  it("Only customers with a valid Account Code will be recognised: an unknown customer code is held; an INACTIVE customer is held too", async () => {
    const [upc] = await product(env);
    const stranger = `ZZ${Date.now() % 100000}`;
    connection(env, stranger);
    const unknownId = place(env, { customer_code: stranger, lines: [{ upc, quantity: 1 }] });
    const inactive = await customer(env, { status: "INACTIVE" });
    const inactiveId = place(env, { customer_code: inactive.code, lines: [{ upc, quantity: 1 }] });
    await run();
    expect(await importedOrders(env, unknownId)).toEqual([]);
    expect((await inbound(env, unknownId)).reasons.map((r: any) => r.code)).toEqual(["UNKNOWN_CUSTOMER"]);
    expect(await importedOrders(env, inactiveId)).toEqual([]);
    expect((await inbound(env, inactiveId)).reasons.map((r: any) => r.code)).toEqual(["INACTIVE_CUSTOMER"]);
  });

  it("DELIVERY and ACCOUNTS addresses received from JOOR show on the order; a new one is added to the customer's record", async () => {
    const c = await customer(env);
    const [upc] = await product(env);
    const id = place(env, {
      customer_code: c.code,
      lines: [{ upc, quantity: 1 }],
      shipping_address: { code: "NEW-D", address_1: "77 Canal Street", city: "Manchester", postal_code: "M1 3HE", country: "GB" },
      billing_address: { code: "NEW-B", address_1: "9 Counting House Lane", city: "Leeds", country: "GB" },
    });
    await run();
    const [order] = await importedOrders(env, id);
    expect(order.deliveryAddress).toMatchObject({ line1: "77 Canal Street", city: "Manchester", postalCode: "M1 3HE", countryCode: "GB" });
    expect(order.accountsAddress).toMatchObject({ line1: "9 Counting House Lane", city: "Leeds" });
    const mine = await addresses(env, c.id);
    expect(mine.filter((a) => a.type === "DELIVERY").map((a) => a.line1)).toContain("77 Canal Street");
    expect(mine.filter((a) => a.type === "ACCOUNTS").map((a) => a.line1)).toContain("9 Counting House Lane");
  });

  it("an address the customer already has, written with other case, spacing and punctuation, is not added again", async () => {
    const c = await customer(env);
    const [upc] = await product(env);
    const before = await addresses(env, c.id);
    const dock = before.find((a) => a.type === "DELIVERY");
    const id = place(env, {
      customer_code: c.code,
      lines: [{ upc, quantity: 1 }],
      shipping_address: {
        address_1: `  ${dock.line1.toUpperCase().replace(" ", "  ")}.`,
        city: dock.city.toLowerCase(),
        postal_code: dock.postalCode.replace(" ", ""),
        country: "GB",
      },
    });
    await run();
    expect(await importedOrders(env, id)).toHaveLength(1);
    expect(await addresses(env, c.id)).toHaveLength(before.length);
  });

  it("The Customer STORE ADDRESS on the order always populates from the record in Selvedge", async () => {
    const c = await customer(env);
    const [upc] = await product(env);
    const id = place(env, { customer_code: c.code, lines: [{ upc, quantity: 1 }] });
    await run();
    const [order] = await importedOrders(env, id);
    const store = (await addresses(env, c.id)).find((a) => a.type === "STORE");
    expect(order.storeAddress).toMatchObject({ line1: store.line1, city: store.city });
  });

  it("Import Order Season: the season whose name matches (case and spacing aside) is used", async () => {
    const c = await customer(env);
    const [upc] = await product(env);
    const id = place(env, { customer_code: c.code, lines: [{ upc, quantity: 1 }], season: { name: "autumn/winter   20", code: "X" } });
    await run();
    expect((await importedOrders(env, id))[0].season).toEqual({ id: String(aw20.id), name: "AUTUMN/WINTER 20" });
  });

  it('Import Order Season: "AW20" does not match "AUTUMN/WINTER 20" and goes to the season selected in the settings', async () => {
    const c = await customer(env);
    const [upc] = await product(env);
    const id = place(env, { customer_code: c.code, lines: [{ upc, quantity: 1 }], season: { name: "AW20", code: "AW20" } });
    await run();
    expect((await importedOrders(env, id))[0].season).toEqual({ id: String(fallback.id), name: fallback.name });
  });

  it("Import Order Approved: ticked → imported orders are APPROVED; unticked → they are not", async () => {
    const c = await customer(env);
    const [upc] = await product(env);
    const ticked = place(env, { customer_code: c.code, lines: [{ upc, quantity: 1 }] });
    await run();
    expect((await importedOrders(env, ticked))[0].approved).toBe(true);
    await env.configure({ importOrderSeason: fallback.id, importOrderApproved: false, orderOwner: Number(ownerId) });
    const unticked = place(env, { customer_code: c.code, lines: [{ upc, quantity: 1 }] });
    await run();
    expect((await importedOrders(env, unticked))[0].approved).toBe(false);
    await env.configure({ importOrderSeason: fallback.id, importOrderApproved: true, orderOwner: Number(ownerId) });
  });

  it("Order Owner: the user chosen in the settings owns the imported orders", async () => {
    const c = await customer(env);
    const [upc] = await product(env);
    const id = place(env, { customer_code: c.code, lines: [{ upc, quantity: 1 }] });
    await run();
    expect((await importedOrders(env, id))[0].owner).toEqual({ id: ownerId });
  });

  it("Approved sales orders will import: pending and cancelled JOOR orders are never imported (nor staged)", async () => {
    const c = await customer(env);
    const [upc] = await product(env);
    const pending = place(env, { customer_code: c.code, lines: [{ upc, quantity: 1 }], status: "PENDING" });
    const cancelled = place(env, { customer_code: c.code, lines: [{ upc, quantity: 1 }], status: "CANCELLED" });
    const approvedThenCancelled = place(env, { customer_code: c.code, lines: [{ upc, quantity: 1 }], status: "PENDING" });
    await run();
    edit(env, approvedThenCancelled, { status: "CANCELLED" });
    await run();
    for (const id of [pending, cancelled, approvedThenCancelled]) {
      expect(await importedOrders(env, id)).toEqual([]);
      expect(await inbound(env, id)).toBeNull();
    }
  });

  it("PO number, ship window, currency, unit prices, discounts and comments are kept; the total equals JOOR's", async () => {
    const c = await customer(env);
    const [s, m] = await product(env);
    const id = place(env, {
      customer_code: c.code,
      po_number: "PO-4411",
      ship_start: "2026-08-01",
      ship_end: "2026-09-15",
      comments: "Hang, do not fold",
      discount_percent: "5.00",
      shipping_total: "12.00",
      lines: [
        { upc: s, quantity: 3, unit_price: "19.99", discount_percent: "10.00" },
        { upc: m, quantity: 2, unit_price: "25.00", discount_amount: "2.50" },
      ],
    });
    const joorTotal = env.sandbox.state.account().orders.get(Number(id))!;
    await run();
    const [order] = await importedOrders(env, id);
    expect(order).toMatchObject({
      poNumber: "PO-4411",
      shipStart: "2026-08-01",
      shipEnd: "2026-09-15",
      currency: "EUR",
      notes: "Hang, do not fold",
      shippingTotal: "12.00",
    });
    expect(order.lines.map((l: any) => [l.quantity, l.unitPrice, l.discount])).toEqual([
      [3, "19.99", "6.00"],
      [2, "25.00", "5.00"],
    ]);
    expect(order.totalAmount).toBe(serializeOrderV2(env.sandbox.state.account(), joorTotal).order_total);
    expect((await inbound(env, id)).reasons).toEqual([]);
  });

  it("re-running the import adds nothing", async () => {
    const c = await customer(env);
    const [upc] = await product(env);
    place(env, { customer_code: c.code, lines: [{ upc, quantity: 1 }] });
    await run();
    const count = async () => (await env.admin.ok(`{ orders(filter: { source: "JOOR" }) { totalCount } }`)).orders.totalCount;
    const before = await count();
    const again = await run();
    expect(await count()).toBe(before);
    expect(again.summary).toMatchObject({ pulled: 0, imported: 0 });
  });

  it("a dry run reports what would be imported and held, exports nothing in JOOR and writes nothing", async () => {
    const c = await customer(env);
    const [upc] = await product(env);
    const good = place(env, { customer_code: c.code, lines: [{ upc, quantity: 1 }] });
    const bad = place(env, { customer_code: c.code, lines: [{ upc: "5012345678900", quantity: 1 }] });
    const job = await env.run("import-orders", { dryRun: true });
    expect(job.state).toBe("SUCCEEDED");
    expect(job.summary).toMatchObject({ dryRun: true, wouldImport: 1, wouldHold: 1, heldByReason: { UNKNOWN_BARCODE: 1 } });
    expect(await inbound(env, good)).toBeNull();
    expect(await importedOrders(env, good)).toEqual([]);
    expect(env.sandbox.state.account().orders.get(Number(good))!.export_bucket).toBe("NEW");
    await run();
    expect(await importedOrders(env, good)).toHaveLength(1);
    expect((await inbound(env, bad)).state).toBe("HELD");
  });

  it("enabling the connector schedules import-orders every 10 minutes (once; a changed schedule is kept)", async () => {
    const list = async () =>
      (await env.admin.ok(`{ jobSchedules { connector operation intervalMinutes enabled } }`)).jobSchedules.filter((x: any) => x.operation === "import-orders");
    expect(await list()).toEqual([{ connector: "joor", operation: "import-orders", intervalMinutes: 10, enabled: true }]);
    await env.admin.ok(`mutation { setJobSchedule(input: { connector: "joor", operation: "import-orders", intervalMinutes: 30 }) { id } }`);
    await env.admin.ok(`mutation { enableConnector(name: "joor") { enabled } }`);
    expect(await list()).toEqual([{ connector: "joor", operation: "import-orders", intervalMinutes: 30, enabled: true }]);
  });
});
