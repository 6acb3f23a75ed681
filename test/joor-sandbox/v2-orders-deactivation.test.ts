import type { JoorSandbox } from "../../plugins/joor/sandbox";
import { Client, COLOR_TRAIT_ID, type PushedStyle, priceAll, pushConnections, pushStyle, SIZE_TRAIT_ID, start } from "./helpers";

describe("JOOR sandbox: deactivating a colour or size modifies the orders that carry it", () => {
  let sb: JoorSandbox;
  let c: Client;
  let style: PushedStyle;
  beforeAll(async () => {
    ({ sb, c } = await start());
    style = await pushStyle(
      c,
      "DEACT",
      [
        ["Black", "BLK"],
        ["Sand", "SND"],
      ],
      ["S", "M"],
    );
    await priceAll(
      c,
      style.skus.map((s) => s.id),
    );
    await pushConnections(c, ["Z1"]);
  });
  afterAll(() => sb.close());

  const sku = (color: string, size: string) => style.skus.find((s) => s.color === color && s.size === size) as PushedStyle["skus"][number];
  const place = async (lines: Array<[string, string]>): Promise<number> => {
    const r = await c.admin("POST", "/orders", { customer_code: "Z1", lines: lines.map(([col, size]) => ({ upc: sku(col, size).upc, quantity: 1 })) });
    return r.body.data[0].order_id;
  };
  const setStatus = (col: string, size: string, trait: "color" | "size", status: string) =>
    c.v4("POST", "/skus/bulk_update", [
      {
        id: sku(col, size).id,
        trait_values: [
          trait === "color"
            ? { trait_id: COLOR_TRAIT_ID, value: col, external_id: sku(col, size).colorCode, status }
            : { trait_id: SIZE_TRAIT_ID, value: size, external_id: size, status },
        ],
      },
    ]);
  const modifiedIds = async (): Promise<number[]> => (await c.v2("GET", "/order?order_type=6&sync=0&export_status=4")).body.orders.map((o: any) => o.order_id);

  it("an exported order with the deactivated colour becomes 'modified since last export'; others do not", async () => {
    const both = await place([
      ["Black", "S"],
      ["Sand", "S"],
    ]);
    const sandOnly = await place([["Sand", "M"]]);
    const blackOnly = await place([["Black", "M"]]);
    expect((await c.v2("GET", "/order?order_type=6&sync=1")).body.orders).toHaveLength(3);
    const notYetExported = await place([["Sand", "S"]]);

    expect((await setStatus("Sand", "S", "color", "INACTIVE")).status).toBe(200);
    expect(await modifiedIds()).toEqual([both, sandOnly]);
    const rec = (await c.v2("GET", `/order/${both}`)).body.orders[0];
    expect(rec).toMatchObject({ export_status: "MODIFIED_SINCE_EXPORT" });
    expect(rec.line_items.map((l: any) => l.item_color)).toEqual(["Black"]);
    expect((await c.v2("GET", `/order/${blackOnly}`)).body.orders[0].export_status).toBe("EXPORTED");
    expect((await c.v2("GET", `/order/${notYetExported}`)).body.orders[0].export_status).toBe("NOT_EXPORTED");

    // A sync=1 pull of new + modified orders returns them once more, then they are exported again.
    const again = await c.v2("GET", "/order?order_type=6&sync=1&export_status=5");
    expect(again.body.orders.map((o: any) => o.order_id)).toEqual([both, sandOnly, notYetExported]);
    expect(await modifiedIds()).toEqual([]);
  });

  it("reactivating the colour, or deactivating a size, modifies the affected exported orders again", async () => {
    const sandM = await place([
      ["Sand", "M"],
      ["Black", "S"],
    ]);
    const sOnly = await place([
      ["Black", "S"],
      ["Sand", "S"],
    ]);
    await c.v2("GET", "/order?order_type=6&sync=1&export_status=5");
    await setStatus("Sand", "S", "color", "ACTIVE");
    const afterReactivation = await modifiedIds();
    expect(afterReactivation).toContain(sandM);
    await c.v2("GET", "/order?order_type=6&sync=1&export_status=5");

    expect((await setStatus("Black", "M", "size", "INACTIVE")).status).toBe(200);
    const mOrders = await modifiedIds();
    expect(mOrders).toContain(sandM);
    for (const id of mOrders) {
      const lines = (await c.admin("GET", `/orders/${id}`)).body.line_items;
      expect(lines.every((l: any) => l.item_size !== "M")).toBe(true);
    }
    // An order that never had size M is untouched.
    expect(mOrders).not.toContain(sOnly);
    expect((await c.v2("GET", `/order/${sOnly}`)).body.orders[0].export_status).toBe("EXPORTED");
  });
});
