import { addressProblem, customerCode, customerCodeProblem, mapCustomer } from "../../plugins/joor/mapping/customer";
import { addressCode, addressIdFromCode, productExternalId } from "../../plugins/joor/mapping/ids";
import { identifierType, mapSku } from "../../plugins/joor/mapping/sku";
import { mapCollection } from "../../plugins/joor/mapping/collection";
import { batches } from "../../plugins/joor/client/bulk";
import { pairResults } from "../../plugins/joor/client/envelope";

const addr = (o: Record<string, unknown>) =>
  ({
    id: 1,
    type: "DELIVERY",
    name: null,
    company: null,
    line1: "1 Main St",
    line2: null,
    city: "Austin",
    region: null,
    postalCode: null,
    countryCode: "US",
    phone: null,
    email: null,
    ...o,
  }) as never;

describe("JOOR mapping rules", () => {
  it("account code is trimmed; an account code JOOR would refuse (over 50 characters, control characters) is named", () => {
    expect(customerCode("  AB12 ")).toBe("AB12");
    expect(customerCode("   ")).toBeNull();
    expect(customerCodeProblem("X".repeat(51))?.code).toBe("ACCOUNT_CODE_TOO_LONG");
    expect(customerCodeProblem("BELL\u0007")?.code).toBe("ACCOUNT_CODE_INVALID");
    expect(customerCodeProblem("OK-1")).toBeNull();
  });

  it("JOOR's required address fields: region for AU/CA/JP/US, country, line 1, city", () => {
    expect(addressProblem(addr({}))).toContain("region");
    expect(addressProblem(addr({ region: "TX" }))).toBeNull();
    expect(addressProblem(addr({ countryCode: "GB" }))).toBeNull();
    expect(addressProblem(addr({ countryCode: "GB", line1: " ", city: "" }))).toBe("line 1, city");
  });

  it("STORE address never sent; DELIVERY → shipping, ACCOUNTS → billing with codes D<id>/A<id>", () => {
    const { payload, problems } = mapCustomer(
      {
        id: 5,
        name: "Shop",
        accountCode: "S1",
        status: "ACTIVE",
        email: null,
        phone: null,
        currency: "EUR",
        addresses: [
          addr({ id: 3, type: "STORE", countryCode: "GB" }),
          addr({ id: 2, type: "ACCOUNTS", countryCode: "GB" }),
          addr({ id: 1, countryCode: "GB" }),
        ],
      },
      new Map([["EUR", "EUR-1"]]),
    );
    expect(problems).toEqual([]);
    expect(payload).toMatchObject({ customer_code: "S1", price_currency: "EUR", price_label: "EUR-1" });
    expect((payload as any).shipping.shipping_addresses.shipping_address.map((a: any) => a.shipping_code)).toEqual(["D1"]);
    expect((payload as any).billing.billing_addresses.billing_address.map((a: any) => a.billing_code)).toEqual(["A2"]);
    expect(addressIdFromCode(addressCode("ACCOUNTS", 42))).toEqual({ type: "ACCOUNTS", id: 42 });
    expect(addressIdFromCode("HQ")).toBeNull();
  });

  it("every SKU carries its barcode as its UPC/EAN identifier; size case is kept; no status is ever sent", () => {
    const p = {
      id: 1,
      styleNumber: "ST1",
      colourCode: "BLK",
      colourName: "Black",
      name: "Tee",
      description: null,
      category: null,
      composition: null,
      countryOfOrigin: null,
    };
    const sku = mapSku(p, { id: 9, productId: 1, size: "Small", position: 0, barcode: "4006381333931", active: true }, "P1");
    expect(sku.identifiers).toEqual([{ type: "EAN", value: "4006381333931" }]);
    expect(JSON.stringify(sku)).toContain('"value":"Small"');
    expect(JSON.stringify(sku)).not.toContain("status");
    expect(identifierType("036000291452")).toBe("UPC");
    expect(productExternalId(p)).toBe("ST1-BLK");
  });

  it("linesheets carry their season and delivery window; none = immediate delivery", () => {
    expect(mapCollection({ id: 3, name: "Drop 1", startShip: "2026-08-01", completeShip: "2026-09-15" }, "S9", ["P2", "P1"])).toEqual({
      name: "Drop 1",
      external_id: "selvedge-linesheet-3",
      season_id: "S9",
      delivery: { start_ship_date: "2026-08-01", complete_ship_date: "2026-09-15" },
      items: [
        { product_id: "P2", order_number: 1 },
        { product_id: "P1", order_number: 2 },
      ],
    });
    expect(mapCollection({ id: 4, name: "Now", startShip: null, completeShip: null }, "S9", [])).not.toHaveProperty("delivery");
  });

  it("bulk batches respect the item limit and keep a product's SKUs in one request", () => {
    const items = ["a", "a", "b", "b", "b", "c"].map((g, i) => ({ g, i }));
    const out = batches(items, 4, (x) => x.g);
    expect(out.map((b) => b.map((x) => x.g).join(""))).toEqual(["aa", "bbbc"]);
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("per-item JOOR errors are paired with their items; the rest are successes", () => {
    const r = pairResults([{ external_id: "a" }, { external_id: "b" }, { external_id: "c" }], {
      data: [
        { id: "1", external_id: "a" },
        { id: "3", external_id: "c" },
      ],
      errors: [{ status: "VALIDATION_ERROR", message: "bad", details: { index: 1 } }],
    });
    expect(r.map((x) => (x.ok ? x.data.id : x.error.status))).toEqual(["1", "VALIDATION_ERROR", "3"]);
  });
});
