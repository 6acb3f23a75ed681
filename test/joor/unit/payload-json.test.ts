import { createHash } from "node:crypto";
import { jsonBody } from "../../../plugins/joor/client/json-body";
import { payloadHash, sentPayloadHash } from "../../../plugins/joor/ledger/hash";

describe("payloadHash", () => {
  it("is the sha256 hex of the payload's JSON, as the ledger has always stored it", () => {
    const payload = { product_id: "p1", external_id: "S1-RED-M", trait_values: [{ trait_id: 1, value: "Red" }], n: 1.5 };
    expect(payloadHash(payload)).toBe(createHash("sha256").update(JSON.stringify(payload)).digest("hex"));
    expect(payloadHash(["é", null])).toBe(
      createHash("sha256")
        .update(JSON.stringify(["é", null]))
        .digest("hex"),
    );
  });
});

describe("request bodies from remembered payload JSON", () => {
  it("a bulk body of payloads hashed by sentPayloadHash is byte for byte JSON.stringify's", () => {
    const items = [
      { external_id: "A-1", trait_values: [{ trait_id: "1", value: 'Ré"d' }] },
      { external_id: "A-2", n: 0.1 },
    ];
    const hashes = items.map((i) => sentPayloadHash(i));
    expect(hashes[0]).toBe(payloadHash(items[0]));
    expect(jsonBody(items)).toBe(JSON.stringify(items));
  });

  it("a body with any payload not remembered is serialised as a whole", () => {
    const kept = { a: 1 };
    sentPayloadHash(kept);
    const body = [kept, { b: 2 }];
    expect(jsonBody(body)).toBe(JSON.stringify(body));
    expect(jsonBody({ inventory_items: { inventory_item: [kept] } })).toBe(JSON.stringify({ inventory_items: { inventory_item: [kept] } }));
    expect(jsonBody([])).toBe("[]");
  });
});
