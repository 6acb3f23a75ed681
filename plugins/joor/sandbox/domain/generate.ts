/**
 * Bulk generators for scale tests and benchmarks: a catalogue written straight into the state
 * (products, full colour × size SKUs with valid GS1 UPC-A barcodes, prices, inventory) and orders
 * placed across the catalogue by the brand's connections. Deterministic for a given seed.
 */
import { z } from "zod";
import type { AccountState } from "../state/account";
import type { SandboxState } from "../state/state";
import type { Order, OrderStatus, Product, Sku } from "../types";
import { gs1CheckDigit, issuesText, isoDate, money, parseWith, str } from "../validation";
import { OrderInputError, placeOrder } from "./orders";

export const generateCatalogueSchema = z.strictObject({
  products: z.int().min(1).max(500_000),
  colors: z.int().min(1).max(50).optional(),
  sizes: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .refine((l) => !l || new Set(l).size === l.length, "sizes must not repeat (each colour × size is one SKU)"),
  prefix: str(20).optional(),
  price_types: z.array(z.string()).optional(),
  wholesale_value: money.optional(),
  retail_value: money.optional(),
  inventory: z.int().min(0).optional(),
  warehouse: z.string().optional(),
});

const COLOR_NAMES = ["Black", "Navy", "Ecru", "Forest", "Rust", "Stone", "Plum", "Sky", "Sand", "Olive"];

/** A GS1 UPC-A no SKU of the account uses yet (the connector may have pushed barcodes from the same range). */
export function generateUpc(state: SandboxState, acct: AccountState): string {
  for (;;) {
    const body = `7${String(state.ids.next("upc")).padStart(10, "0")}`;
    const upc = `${body}${gs1CheckDigit(body)}`;
    if (!acct.skusByUpc.has(upc)) return upc;
  }
}

function freeSkuExternalId(acct: AccountState, base: string): string {
  let id = base;
  for (let n = 2; acct.skusByExternalId.has(id); n++) id = `${base}~${n}`;
  return id;
}

export function generateCatalogue(state: SandboxState, acct: AccountState, raw: unknown): Record<string, unknown> {
  const p = parseWith(generateCatalogueSchema, raw);
  if (!p.ok) throw new OrderInputError(p.issues);
  const o = p.value;
  const t0 = Date.now();
  const sizes = o.sizes ?? ["XS", "S", "M", "L", "XL"];
  const colors = Array.from(
    { length: o.colors ?? 2 },
    (_, i) => COLOR_NAMES[i % COLOR_NAMES.length] + (i >= COLOR_NAMES.length ? ` ${Math.floor(i / COLOR_NAMES.length) + 1}` : ""),
  );
  const priceTypes = (o.price_types ?? [...acct.priceTypes.values()].map((t) => t.id)).map((ref) => {
    const t = acct.priceTypes.get(ref) ?? acct.priceTypeByName(ref);
    if (!t) throw new OrderInputError([{ field: "price_types", message: `unknown price type '${ref}'` }]);
    return t;
  });
  const warehouse = o.inventory === undefined ? undefined : o.warehouse ? acct.warehouses.get(o.warehouse) : acct.defaultWarehouse();
  if (o.inventory !== undefined && !warehouse) throw new OrderInputError([{ field: "warehouse", message: "unknown warehouse" }]);
  const prefix = o.prefix ?? "GEN";
  const now = state.now();
  let skuCount = 0;
  let priceCount = 0;
  let firstUpc: string | null = null;
  for (let n = 0; n < o.products; n++) {
    // Skip style codes a pushed product already uses, so generated products never clash with real ones.
    let id = state.ids.nextString("product");
    while (acct.productsByExternalId.has(`${prefix}${id}`) || acct.productsByIdentifier.has(`${prefix}${id}`)) id = state.ids.nextString("product");
    const style = `${prefix}${id}`;
    const product: Product = {
      id,
      name: `${prefix} style ${id}`,
      external_id: style,
      product_identifier: style,
      description: null,
      order_minimum: null,
      category_ids: [],
      product_trait_values: [],
      tags: [],
      created_at: now,
      modified_at: now,
    };
    acct.putProduct(product);
    colors.forEach((color, ci) => {
      sizes.forEach((size) => {
        const upc = generateUpc(state, acct);
        firstUpc ??= upc;
        const sku: Sku = {
          id: state.ids.skuId(id),
          product_id: id,
          external_id: freeSkuExternalId(acct, `${style}-${ci + 1}-${size}`),
          sku_identifier: null,
          color: { value: color, external_id: `C${ci + 1}`, order_minimum: null, status: "ACTIVE" },
          size: { value: size, external_id: size, order_minimum: null, status: "ACTIVE" },
          identifiers: [{ type: "UPC", value: upc }],
          created_at: now,
          modified_at: now,
        };
        acct.putSku(sku);
        skuCount++;
        for (const t of priceTypes) {
          acct.putPrice({
            id: state.ids.nextString("price"),
            sku_id: sku.id,
            price_type_id: t.id,
            wholesale_value: o.wholesale_value ?? "50.00",
            retail_value: o.retail_value ?? "120.00",
            created_at: now,
            modified_at: now,
          });
          priceCount++;
        }
        if (warehouse && o.inventory !== undefined) {
          acct.putInventory({
            sku_id: sku.id,
            warehouse: warehouse.name,
            inventory_date: null,
            inventory: o.inventory,
            dec_pending: false,
            pending_deducted: 0,
            available: o.inventory,
            made_to_order: false,
            updated_at: now,
          });
        }
      });
    });
  }
  return { products: o.products, skus: skuCount, prices: priceCount, first_upc: firstUpc, ms: Date.now() - t0 };
}

export const generateOrdersSchema = z.strictObject({
  count: z.int().min(1).max(200_000),
  lines_per_order: z.int().min(1).max(500).optional(),
  status: z.enum(["NOTES", "PENDING", "APPROVED", "SHIPPED", "CANCELLED"]).optional(),
  customer_codes: z.array(z.string()).optional(),
  price_type: z.string().optional(),
  max_quantity: z.int().min(1).max(1000).optional(),
  seed: z.int().optional(),
  season: z.strictObject({ name: str(100), code: str(50).optional() }).optional(),
  ship_start: isoDate.optional(),
  ship_end: isoDate.optional(),
});

export function generateOrders(
  state: SandboxState,
  acct: AccountState,
  raw: unknown,
): { created: number; first_id: number | null; last_id: number | null; ms: number } {
  const p = parseWith(generateOrdersSchema, raw);
  if (!p.ok) throw new OrderInputError(p.issues);
  const o = p.value;
  const t0 = Date.now();
  const codes = o.customer_codes ?? [...acct.connections.values()].map((c) => c.customer_code);
  if (codes.length === 0) throw new OrderInputError([{ field: "customer_codes", message: "no connections: push customers (v2 bulk-connection) first" }]);
  const skus = acct.skuArray().filter((s) => s.identifiers.some((i) => i.type !== "MPN"));
  if (skus.length === 0) throw new OrderInputError([{ field: "lines", message: "no SKUs with UPCs: push a catalogue (or generate one) first" }]);
  let a = (o.seed ?? 1) >>> 0;
  const rand = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const perOrder = Math.min(o.lines_per_order ?? 5, skus.length);
  const priceType =
    o.price_type === undefined ? acct.priceTypes.values().next().value : (acct.priceTypes.get(o.price_type) ?? acct.priceTypeByName(o.price_type));
  if (!priceType) throw new OrderInputError([{ field: "price_type", message: "unknown price type (or none seeded)" }]);
  let first: Order | null = null;
  let last: Order | null = null;
  for (let n = 0; n < o.count; n++) {
    const start = Math.floor(rand() * skus.length);
    const lines = Array.from({ length: perOrder }, (_, i) => {
      const sku = skus[(start + i) % skus.length];
      return {
        upc: String(sku.identifiers.find((x) => x.type !== "MPN")?.value),
        quantity: 1 + Math.floor(rand() * (o.max_quantity ?? 6)),
        unit_price: acct.priceFor(sku.id, priceType.id) ? undefined : "10.00",
      };
    });
    try {
      last = placeOrder(state, acct, {
        customer_code: codes[n % codes.length],
        status: (o.status ?? "APPROVED") as OrderStatus,
        price_type: priceType.id,
        season: o.season,
        ship_start: o.ship_start,
        ship_end: o.ship_end,
        po_number: `GEN-${n + 1}`,
        lines,
      });
    } catch (e) {
      if (e instanceof OrderInputError) throw new OrderInputError([{ field: `order ${n}`, message: issuesText(e.issues) }]);
      throw e;
    }
    first ??= last;
  }
  return { created: o.count, first_id: first?.id ?? null, last_id: last?.id ?? null, ms: Date.now() - t0 };
}
