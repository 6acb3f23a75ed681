/**
 * Orders as retailers place them in JOOR (through the admin API), their v2 and v4 serialisations,
 * JOOR-side edits (which make an exported order "modified since last export") and the brand's
 * v4 status write-back.
 */
import { z } from "zod";
import type { AccountState } from "../state/account";
import type { SandboxState } from "../state/state";
import type { Address, Connection, ExportBucket, Order, OrderLine, OrderStatus, PriceType } from "../types";
import {
  countryCode,
  countryName,
  type FieldIssue,
  fromCents,
  type ItemError,
  isoDate,
  itemError,
  money,
  parseWith,
  reqStr,
  str,
  toCents,
  validationError,
} from "../validation";
import { shoppableIn } from "./collections";
import { messyOrderV2 } from "./order-messy";
import { lineAmounts, orderTotals } from "./order-money";
import { skuStatus } from "./skus";

const addressInput = z.strictObject({
  code: str(50).optional(),
  name: str(100).optional(),
  company: str(100).optional(),
  address_1: str(100).optional(),
  address_2: str(100).optional(),
  city: str(100).optional(),
  region: str(100).optional(),
  postal_code: str(20).optional(),
  country: countryCode.optional(),
  phone: str(50).optional(),
  email: str(254).optional(),
});
type AddressInput = z.infer<typeof addressInput>;

const overrides = z.record(z.string(), z.unknown());
const percent = z
  .string({ error: 'must be a percentage with two decimals, e.g. "10.00"' })
  .regex(/^\d{1,3}\.\d{2}$/, 'must be a percentage with two decimals, e.g. "10.00"')
  .refine((v) => toCents(v) <= 10000, "must not exceed 100.00");

export const lineInputSchema = z
  .strictObject({
    upc: reqStr(50),
    quantity: z.int().min(1, "must be at least 1").max(1_000_000),
    unit_price: money.optional(),
    retail_price: money.optional(),
    comment: str(1000).optional(),
    /** Line discount: a percentage of the unit price, or an amount off each unit (not both). */
    discount_percent: percent.optional(),
    discount_amount: money.optional(),
    /** Raw values merged into the v2 line as-is (wrong types, huge strings...). */
    overrides: overrides.optional(),
  })
  .refine((l) => !(l.discount_percent && l.discount_amount), { message: "send discount_percent or discount_amount, not both", path: ["discount_amount"] });
type LineInput = z.infer<typeof lineInputSchema>;

const STATUS = z.enum(["IN_PROGRESS", "NOTES", "PENDING", "APPROVED", "SHIPPED", "CANCELLED"]);
const named = z.strictObject({ name: str(100), code: str(50).optional() });

const headerFields = {
  po_number: str(100).optional(),
  comments: str(5000).optional(),
  internal_comments: str(5000).optional(),
  season: named.optional(),
  delivery: named.optional(),
  ship_start: isoDate.optional(),
  ship_end: isoDate.optional(),
  sales_rep: str(100).optional(),
  sales_rep_code: str(50).optional(),
  payment_method_name: str(100).optional(),
  payment_method_code: str(50).optional(),
  shipping_method_name: str(100).optional(),
  shipping_method_code: str(50).optional(),
  warehouse_name: str(100).optional(),
  /** Order discount: a percentage of the lines' subtotal, or an amount (not both). */
  discount_percent: percent.optional(),
  discount_amount: money.optional(),
  /** The brand's own order type (JOOR Order Settings), e.g. {"name": "Wholesale", "code": "WHS"}. */
  order_type: named.optional(),
  shipping_total: money.optional(),
  shipping_address: addressInput.optional(),
  billing_address: addressInput.optional(),
  overrides: overrides.optional(),
};

export const placeOrderSchema = z.strictObject({
  customer_code: str(50).optional(),
  retailer_id: z.string().optional(),
  status: STATUS.optional(),
  price_type: z.string().optional(),
  collection_id: z.string().optional(),
  shipping_code: str(50).optional(),
  billing_code: str(50).optional(),
  lines: z.array(lineInputSchema).min(1, "an order needs at least one line"),
  allow_unknown_upcs: z.boolean().optional(),
  date_created: z.iso.datetime({ offset: true }).optional(),
  ...headerFields,
});
export type PlaceOrderInput = z.infer<typeof placeOrderSchema>;

export const editOrderSchema = z.strictObject({
  status: STATUS.optional(),
  lines: z.array(lineInputSchema).min(1).optional(),
  add_lines: z.array(lineInputSchema).optional(),
  /** Change a line's quantity (0 removes it) and/or its discount (null clears it). */
  update_lines: z
    .array(
      z
        .strictObject({
          line_id: z.string(),
          quantity: z.int().min(0).optional(),
          discount_percent: percent.nullable().optional(),
          discount_amount: money.nullable().optional(),
        })
        .refine((u) => !(u.discount_percent && u.discount_amount), {
          message: "send discount_percent or discount_amount, not both",
          path: ["discount_amount"],
        }),
    )
    .optional(),
  remove_line_ids: z.array(z.string()).optional(),
  allow_unknown_upcs: z.boolean().optional(),
  ...headerFields,
});
export type EditOrderInput = z.infer<typeof editOrderSchema>;

export class OrderInputError extends Error {
  constructor(public readonly issues: FieldIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join("; "));
  }
}

function toAddress(state: SandboxState, a: AddressInput): Address {
  return {
    id: state.ids.nextString("address"),
    code: a.code ?? "",
    name: a.name ?? "",
    company: a.company ?? "",
    address_1: a.address_1 ?? "",
    address_2: a.address_2 ?? "",
    city: a.city ?? "",
    region: a.region ?? "",
    postal_code: a.postal_code ?? "",
    country: a.country ?? "",
    phone: a.phone ?? "",
    email: a.email ?? "",
  };
}

function pickAddress(list: Address[], code: string | undefined, field: string, issues: FieldIssue[]): Address | null {
  if (code === undefined) return list[0] ? { ...list[0] } : null;
  const hit = list.find((a) => a.code === code);
  if (!hit) issues.push({ field, message: `the connection has no address with code '${code}'` });
  return hit ? { ...hit } : null;
}

function buildLines(
  state: SandboxState,
  acct: AccountState,
  lines: LineInput[],
  priceType: PriceType,
  allowUnknown: boolean,
  field: string,
  issues: FieldIssue[],
): OrderLine[] {
  const out: OrderLine[] = [];
  lines.forEach((l, i) => {
    const sku = acct.skuByUpc(l.upc);
    if (!sku && !allowUnknown) {
      issues.push({ field: `${field}.${i}.upc`, message: `no SKU with UPC ${l.upc} (set allow_unknown_upcs to place it anyway)` });
      return;
    }
    const product = sku ? acct.products.get(sku.product_id) : undefined;
    const price = sku ? acct.priceFor(sku.id, priceType.id) : undefined;
    const unit = l.unit_price ?? price?.wholesale_value;
    if (unit === undefined && sku) {
      issues.push({ field: `${field}.${i}`, message: `SKU ${l.upc} has no ${priceType.name} price; send unit_price` });
      return;
    }
    if (l.discount_amount && toCents(l.discount_amount) > toCents(unit ?? "0.00")) {
      issues.push({ field: `${field}.${i}.discount_amount`, message: `the discount (${l.discount_amount}) exceeds the unit price (${unit ?? "0.00"})` });
      return;
    }
    out.push({
      discount_percent: l.discount_percent ?? null,
      discount_amount: l.discount_amount ?? null,
      line_id: state.ids.nextString("line"),
      sku_id: sku?.id ?? null,
      upc: l.upc,
      quantity: l.quantity,
      unit_price: unit ?? "0.00",
      retail_price: l.retail_price ?? price?.retail_value ?? "0.00",
      item_name: product?.name ?? "",
      item_number: product?.product_identifier ?? "",
      item_style_id: product?.id ?? "",
      item_style_identifier: product?.external_id ?? product?.product_identifier ?? "",
      item_color: sku?.color.value ?? "",
      item_color_code: sku?.color.external_id ?? "",
      item_size: sku?.size.value ?? "",
      item_size_code: sku?.size.external_id ?? "",
      comment: l.comment ?? "",
      overrides: l.overrides ?? {},
    });
  });
  return out;
}

function resolvePriceType(acct: AccountState, ref: string | undefined, conn: Connection | undefined, issues: FieldIssue[]): PriceType | undefined {
  if (ref !== undefined) {
    const t = acct.priceTypes.get(ref) ?? acct.priceTypeByName(ref);
    if (!t) issues.push({ field: "price_type", message: `unknown price type '${ref}'` });
    return t;
  }
  if (conn?.fields.price_currency && conn.fields.price_label) {
    const t = [...acct.priceTypes.values()].find((x) => x.currency_code === conn.fields.price_currency && x.name === conn.fields.price_label);
    if (t) return t;
  }
  const first = acct.priceTypes.values().next().value;
  if (!first) issues.push({ field: "price_type", message: "the account has no price types; seed one first" });
  return first;
}

/** Place an order as a retailer would. Throws OrderInputError with every problem found. */
export function placeOrder(state: SandboxState, acct: AccountState, raw: unknown): Order {
  const parsed = parseWith(placeOrderSchema, raw);
  if (!parsed.ok) throw new OrderInputError(parsed.issues);
  const p = parsed.value;
  const issues: FieldIssue[] = [];

  let conn: Connection | undefined;
  let retailerId = p.retailer_id;
  if (p.customer_code !== undefined) {
    conn = acct.connectionByCode(p.customer_code);
    if (!conn) issues.push({ field: "customer_code", message: `no connection with customer_code '${p.customer_code}'` });
    else retailerId = conn.retailer_id;
  } else if (p.retailer_id !== undefined) {
    if (!acct.retailers.has(p.retailer_id)) issues.push({ field: "retailer_id", message: `unknown retailer '${p.retailer_id}'` });
    conn = [...acct.connections.values()].find((c) => c.retailer_id === p.retailer_id);
  } else {
    issues.push({ field: "customer_code", message: "customer_code or retailer_id is required" });
  }
  const collection = p.collection_id === undefined ? undefined : acct.collections.get(p.collection_id);
  if (p.collection_id !== undefined && !collection) issues.push({ field: "collection_id", message: `unknown collection '${p.collection_id}'` });
  const priceType = resolvePriceType(acct, p.price_type, conn, issues);
  const lines = priceType ? buildLines(state, acct, p.lines, priceType, p.allow_unknown_upcs ?? false, "lines", issues) : [];
  const shipping = p.shipping_address ? toAddress(state, p.shipping_address) : pickAddress(conn?.shipping ?? [], p.shipping_code, "shipping_code", issues);
  const billing = p.billing_address ? toAddress(state, p.billing_address) : pickAddress(conn?.billing ?? [], p.billing_code, "billing_code", issues);
  if (p.warehouse_name !== undefined && !acct.warehouses.has(p.warehouse_name))
    issues.push({ field: "warehouse_name", message: `unknown warehouse '${p.warehouse_name}'` });
  // "Collections are required to place an order" [DOC]: with a collection, every line must be shoppable in it.
  if (collection) {
    lines.forEach((l, i) => {
      if (l.sku_id && !shoppableIn(collection, l.item_style_id, l.sku_id))
        issues.push({ field: `lines.${i}.upc`, message: `SKU ${l.upc} is not shoppable in collection ${collection.id}` });
    });
  }
  if (p.discount_percent && p.discount_amount && toCents(p.discount_percent) > 0)
    issues.push({ field: "discount_amount", message: "send discount_percent or discount_amount, not both" });
  if (issues.length || !priceType) throw new OrderInputError(issues);
  const season = collection?.season_id ? acct.seasons.get(collection.season_id) : undefined;

  const now = p.date_created ? Date.parse(p.date_created) : state.now();
  const status: OrderStatus = p.status ?? "APPROVED";
  const warehouse = acct.warehouses.get(p.warehouse_name ?? "") ?? acct.defaultWarehouse();
  const retailer = retailerId ? acct.retailers.get(retailerId) : undefined;
  const order: Order = {
    id: state.ids.next("order"),
    status,
    retailer_id: retailerId ?? "",
    connection_id: conn?.id ?? null,
    customer_code: conn?.customer_code ?? "",
    customer_name: conn?.fields.customer_name ?? retailer?.name ?? "",
    customer_buyer_name: conn?.fields.customer_buyer_name ?? "",
    customer_group_name: conn?.fields.customer_group_name ?? "",
    customer_group_code: conn?.fields.customer_group_code ?? "",
    price_type_id: priceType.id,
    currency: priceType.currency_code,
    currency_name: priceType.name,
    collection_id: collection?.id ?? null,
    season_name: p.season?.name ?? season?.name ?? "",
    season_code: p.season?.code ?? season?.external_id ?? "",
    delivery_name: p.delivery?.name ?? collection?.name ?? "",
    delivery_code: p.delivery?.code ?? collection?.external_id ?? "",
    ship_start: p.ship_start ?? collection?.delivery.start_ship_date ?? "",
    ship_end: p.ship_end ?? collection?.delivery.complete_ship_date ?? "",
    po_number: p.po_number ?? "",
    comments: p.comments ?? "",
    internal_comments: p.internal_comments ?? "",
    sales_rep: p.sales_rep ?? "",
    sales_rep_code: p.sales_rep_code ?? conn?.fields.sales_rep_code ?? "",
    payment_method_name: p.payment_method_name ?? "",
    payment_method_code: p.payment_method_code ?? "",
    shipping_method_name: p.shipping_method_name ?? "",
    shipping_method_code: p.shipping_method_code ?? "",
    warehouse_name: warehouse?.name ?? "",
    warehouse_code: warehouse?.code ?? "",
    discount_percent: p.discount_amount ? "0.00" : (p.discount_percent ?? "0.00"),
    discount_amount: p.discount_amount ?? null,
    order_type_name: p.order_type?.name ?? "",
    order_type_code: p.order_type?.code ?? "",
    shipping_total: p.shipping_total ?? "0.00",
    shipping_address: shipping,
    billing_address: billing,
    lines,
    date_created: now,
    date_approved: status === "APPROVED" || status === "SHIPPED" ? now : null,
    date_modified: now,
    export_bucket: "NEW",
    exported_on: null,
    export_description: "",
    overrides: p.overrides ?? {},
  };
  acct.putOrder(order);
  return order;
}

/** A JOOR-side edit (retailer or rep). An exported order becomes "modified since last export". */
export function editOrder(state: SandboxState, acct: AccountState, order: Order, raw: unknown): Order {
  const parsed = parseWith(editOrderSchema, raw);
  if (!parsed.ok) throw new OrderInputError(parsed.issues);
  const p = parsed.value;
  const issues: FieldIssue[] = [];
  const priceType = acct.priceTypes.get(order.price_type_id) as PriceType;
  const allow = p.allow_unknown_upcs ?? false;
  const replaced = p.lines ? buildLines(state, acct, p.lines, priceType, allow, "lines", issues) : null;
  const added = p.add_lines ? buildLines(state, acct, p.add_lines, priceType, allow, "add_lines", issues) : [];
  for (const [i, u] of (p.update_lines ?? []).entries()) {
    const line = order.lines.find((l) => l.line_id === u.line_id);
    if (!line) issues.push({ field: `update_lines.${i}.line_id`, message: `no line ${u.line_id}` });
    else if (u.discount_amount && toCents(u.discount_amount) > toCents(line.unit_price)) {
      issues.push({ field: `update_lines.${i}.discount_amount`, message: `the discount (${u.discount_amount}) exceeds the unit price (${line.unit_price})` });
    }
  }
  if (p.warehouse_name !== undefined && !acct.warehouses.has(p.warehouse_name))
    issues.push({ field: "warehouse_name", message: `unknown warehouse '${p.warehouse_name}'` });
  if (p.discount_percent && p.discount_amount) issues.push({ field: "discount_amount", message: "send discount_percent or discount_amount, not both" });
  if (issues.length) throw new OrderInputError(issues);
  const now = state.now();
  acct.updateOrder(order, (o) => {
    if (p.status && p.status !== o.status) {
      if ((p.status === "APPROVED" || p.status === "SHIPPED") && o.date_approved === null) o.date_approved = now;
      o.status = p.status;
    }
    let lines = replaced ?? o.lines;
    for (const u of p.update_lines ?? []) {
      lines = lines.map((l) => {
        if (l.line_id !== u.line_id) return l;
        const next = { ...l, quantity: u.quantity ?? l.quantity };
        if (u.discount_percent !== undefined) next.discount_percent = u.discount_percent;
        if (u.discount_amount !== undefined) next.discount_amount = u.discount_amount;
        if (u.discount_percent) next.discount_amount = null;
        if (u.discount_amount) next.discount_percent = null;
        return next;
      });
    }
    if (p.remove_line_ids) lines = lines.filter((l) => !p.remove_line_ids?.includes(l.line_id));
    o.lines = [...lines, ...added].filter((l) => l.quantity > 0);
    const set = <K extends keyof Order>(k: K, v: Order[K] | undefined): void => {
      if (v !== undefined) o[k] = v;
    };
    set("po_number", p.po_number);
    set("comments", p.comments);
    set("internal_comments", p.internal_comments);
    set("ship_start", p.ship_start);
    set("ship_end", p.ship_end);
    set("sales_rep", p.sales_rep);
    set("sales_rep_code", p.sales_rep_code);
    set("payment_method_name", p.payment_method_name);
    set("payment_method_code", p.payment_method_code);
    set("shipping_method_name", p.shipping_method_name);
    set("shipping_method_code", p.shipping_method_code);
    if (p.discount_percent !== undefined) {
      o.discount_percent = p.discount_percent;
      o.discount_amount = null;
    }
    if (p.discount_amount !== undefined) {
      o.discount_amount = p.discount_amount;
      o.discount_percent = "0.00";
    }
    if (p.order_type) {
      o.order_type_name = p.order_type.name;
      o.order_type_code = p.order_type.code ?? "";
    }
    set("shipping_total", p.shipping_total);
    if (p.warehouse_name !== undefined) {
      o.warehouse_name = p.warehouse_name;
      o.warehouse_code = acct.warehouses.get(p.warehouse_name)?.code ?? "";
    }
    if (p.season) {
      o.season_name = p.season.name;
      o.season_code = p.season.code ?? o.season_code;
    }
    if (p.delivery) {
      o.delivery_name = p.delivery.name;
      o.delivery_code = p.delivery.code ?? o.delivery_code;
    }
    if (p.shipping_address) o.shipping_address = toAddress(state, p.shipping_address);
    if (p.billing_address) o.billing_address = toAddress(state, p.billing_address);
    if (p.overrides) o.overrides = { ...o.overrides, ...p.overrides };
    o.date_modified = now;
    if (o.export_bucket === "EXPORTED") o.export_bucket = "MODIFIED";
  });
  return order;
}

// ---- v4 status write-back ------------------------------------------------------------------------
const WRITABLE = ["IN_PROGRESS", "NOTES", "PENDING", "APPROVED", "CANCELLED"] as const;
export const orderStatusUpdateSchema = z.strictObject({
  id: z.union([z.string(), z.int()]),
  status: z.enum(WRITABLE, { error: `status must be one of ${WRITABLE.join(", ")}` }),
  integration_status: z.string().optional(),
});

export function updateOrderStatuses(state: SandboxState, acct: AccountState, items: unknown[]): { data: Order[]; errors: ItemError[] } {
  const data: Order[] = [];
  const errors: ItemError[] = [];
  items.forEach((raw, index) => {
    const parsed = parseWith(orderStatusUpdateSchema, raw);
    if (!parsed.ok) return void errors.push(validationError(index, parsed.issues));
    const p = parsed.value;
    const order = acct.orders.get(Number(p.id));
    if (!order) return void errors.push(itemError("NOT_FOUND", index, `Order ${p.id} not found`, { id: String(p.id) }));
    if (p.integration_status !== undefined) {
      return void errors.push(itemError("NOT_AVAILABLE", index, "integration_status updates are not yet available", { id: String(p.id) }));
    }
    const issues: FieldIssue[] = [];
    if (p.status === "IN_PROGRESS" && order.status !== "IN_PROGRESS") issues.push({ field: "status", message: "an order cannot move back to IN_PROGRESS" });
    if (p.status !== "IN_PROGRESS" && p.status !== "CANCELLED") {
      if (!order.shipping_address || !order.billing_address)
        issues.push({ field: "status", message: `${p.status} needs shipping and billing addresses on the order` });
    }
    if (p.status === "PENDING" || p.status === "APPROVED") {
      if (order.lines.length === 0 || order.lines.some((l) => l.quantity < 1))
        issues.push({ field: "status", message: `${p.status} needs at least one unit on every item` });
    }
    if (issues.length) return void errors.push(validationError(index, issues, { id: String(p.id) }));
    // The brand's own write-back does not make the order "modified since last export".
    acct.updateOrder(order, (o) => {
      if (p.status === "APPROVED" && o.date_approved === null) o.date_approved = state.now();
      o.status = p.status;
      o.date_modified = state.now();
    });
    data.push(order);
  });
  return { data, errors };
}

// ---- serialisation -------------------------------------------------------------------------------
export const ORDER_TYPE_OF: Record<OrderStatus, { type: number; name: string }> = {
  IN_PROGRESS: { type: 0, name: "In Progress" },
  NOTES: { type: 1, name: "Notes" },
  PENDING: { type: 3, name: "Pending" },
  APPROVED: { type: 6, name: "Approved" },
  SHIPPED: { type: 7, name: "Shipped" },
  CANCELLED: { type: 5, name: "Cancelled" },
};

export const EXPORT_STATUS_NAME: Record<ExportBucket, string> = {
  NEW: "NOT_EXPORTED",
  FAILED: "FAILED",
  EXPORTED: "EXPORTED",
  MODIFIED: "MODIFIED_SINCE_EXPORT",
};

const iso = (ms: number | null): string => (ms === null ? "" : new Date(ms).toISOString());

function flatAddress(p: "shipping" | "billing", a: Address | null): Record<string, string> {
  const x = a ?? {
    id: "",
    code: "",
    name: "",
    company: "",
    address_1: "",
    address_2: "",
    city: "",
    region: "",
    postal_code: "",
    country: "",
    phone: "",
    email: "",
  };
  return {
    [`${p}_code`]: x.code,
    [`${p}_name`]: x.name,
    [`${p}_company`]: x.company,
    [`${p}_phone`]: x.phone,
    [`${p}_email`]: x.email,
    [`${p}_address_1`]: x.address_1,
    [`${p}_address_2`]: x.address_2,
    [`${p}_city`]: x.city,
    [`${p}_region`]: x.region,
    [`${p}_postal_code`]: x.postal_code,
    [`${p}_country`]: x.country ? countryName(x.country) : "",
    [`${p}_country_iso_two`]: x.country,
    // Alpha-3 codes are not in ICU's display names; the sandbox leaves this empty (JOOR sends "" for unknowns too).
    [`${p}_country_iso_three`]: "",
  };
}

/** Lines JOOR still shows: INACTIVE colours/sizes are removed from orders (JOOR's documented behaviour). */
export function visibleLines(acct: AccountState, o: Order): OrderLine[] {
  return o.lines.filter((l) => {
    if (l.sku_id === null) return true;
    const s = acct.skus.get(l.sku_id);
    return !s || skuStatus(s) === "ACTIVE";
  });
}

/**
 * The v2 order record. `messy` (the account's `messy_orders` switch) gives it the shape real JOOR
 * is seen to send (see order-messy.ts); otherwise lists are lists and numbers numbers.
 */
export function serializeOrderV2(acct: AccountState, o: Order, opts: { messy?: boolean } = {}): Record<string, unknown> {
  const lines = visibleLines(acct, o);
  const t = orderTotals(lines, o);
  const type = ORDER_TYPE_OF[o.status];
  const rec: Record<string, unknown> = {
    order_id: o.id,
    order_type: type.type,
    // Clean mode keeps the sandbox's first simplification (the status); messy mode sends the brand's order type.
    order_type_name: opts.messy ? (o.order_type_name ?? "") : type.name,
    order_type_code: opts.messy ? (o.order_type_code ?? "") : o.status,
    order_status: o.status,
    order_season_code: o.season_code,
    order_season_name: o.season_name,
    order_delivery_name: o.delivery_name,
    order_delivery_code: o.delivery_code,
    order_event: "",
    order_event_code: "",
    order_currency: o.currency,
    order_currency_retail: acct.priceTypes.get(o.price_type_id)?.retail_currency_code ?? o.currency,
    order_currency_name: o.currency_name,
    order_discount: fromCents(t.discount),
    order_discount_percent: o.discount_amount ? (opts.messy ? "" : "0.00") : o.discount_percent,
    order_shipping_total: o.shipping_total,
    order_total: fromCents(t.total),
    order_total_units: t.units,
    order_source: "JOOR",
    order_comments: o.comments,
    order_internal_comments: o.internal_comments,
    date_created: iso(o.date_created),
    date_approved: iso(o.date_approved),
    date_modified: iso(o.date_modified),
    date_ship_start: o.ship_start,
    date_ship_end: o.ship_end,
    customer_name: o.customer_name,
    customer_code: o.customer_code,
    customer_buyer_name: o.customer_buyer_name,
    customer_retailer_id: o.retailer_id,
    company_name: "",
    company_code: "",
    customer_group_name: o.customer_group_name,
    customer_group_code: o.customer_group_code,
    customer_purchase_order: o.po_number,
    integration_purchase_order: "",
    sales_representative: o.sales_rep,
    sales_representative_code: o.sales_rep_code,
    payment_method_name: o.payment_method_name,
    payment_method_code: o.payment_method_code,
    shipping_method_name: o.shipping_method_name,
    shipping_method_code: o.shipping_method_code,
    warehouse_name: o.warehouse_name,
    warehouse_code: o.warehouse_code,
    tax_id_label: "",
    created_by_username: "",
    created_by_email: "",
    is_personal_order: false,
    ...flatAddress("shipping", o.shipping_address),
    ...flatAddress("billing", o.billing_address),
    order_divisions: [],
    order_doors: [],
    export_status: EXPORT_STATUS_NAME[o.export_bucket],
    export_description: o.export_description,
    exported_on: iso(o.exported_on),
    line_items: lines.map((l) => {
      const m = lineAmounts(l);
      return {
        line_id: l.line_id,
        item_name: l.item_name,
        item_number: l.item_number,
        item_style_id: l.item_style_id,
        item_style_identifier: l.item_style_identifier,
        item_sku_id: l.sku_id ?? "",
        item_color: l.item_color,
        item_color_code: l.item_color_code,
        item_size: l.item_size,
        item_size_code: l.item_size_code,
        item_upc: l.upc,
        item_quantity: l.quantity,
        item_price: l.unit_price,
        item_unit_price: fromCents(m.unit),
        item_retail_price: l.retail_price,
        item_price_adjustment: priceAdjustment(l, m.perUnitDiscount, opts.messy ?? false),
        item_price_extended: fromCents(m.extended),
        item_multiplier: 1,
        item_comment: l.comment,
        item_color_comment: "",
        item_door_id: "",
        style_tags: [],
        ...(opts.messy ? {} : l.overrides),
      };
    }),
    ...(opts.messy ? {} : o.overrides),
  };
  return opts.messy ? messyOrderV2(rec, lines, o.overrides) : rec;
}

/**
 * `item_price_adjustment`: the per-unit change to `item_price`, signed (a discount is negative).
 * Clean mode: always an amount ("-5.00", "0.00"). Messy mode: as the discount was entered — "-10%"
 * for a percentage, "-5.00" for an amount, "" for none.
 */
function priceAdjustment(l: OrderLine, perUnitDiscount: number, messy: boolean): string {
  if (!messy) return fromCents(-perUnitDiscount);
  if (l.discount_percent) return `-${Number(l.discount_percent)}%`;
  if (l.discount_amount) return `-${l.discount_amount}`;
  return "";
}

function nestedAddress(a: Address | null): Record<string, string> | null {
  if (!a) return null;
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    company: a.company,
    line_1: a.address_1,
    line_2: a.address_2,
    city: a.city,
    state: a.region,
    zip: a.postal_code,
    country: a.country,
    phone: a.phone,
    fax: "",
    email: a.email,
  };
}

export function serializeOrderV4(acct: AccountState, o: Order): Record<string, unknown> {
  const lines = visibleLines(acct, o);
  const t = orderTotals(lines, o);
  return {
    id: String(o.id),
    retailer_id: o.retailer_id,
    customer_code: o.customer_code,
    price_type_id: o.price_type_id,
    collection_id: o.collection_id,
    status: o.status,
    total: t.units,
    total_price: fromCents(t.total),
    currency_code: o.currency,
    po_number: o.po_number,
    season: { name: o.season_name, code: o.season_code },
    start_ship_date: o.ship_start || null,
    complete_ship_date: o.ship_end || null,
    date_created: iso(o.date_created),
    date_approved: o.date_approved === null ? null : iso(o.date_approved),
    date_modified: iso(o.date_modified),
    comments: o.comments,
    internal_comments: o.internal_comments,
    tracking_number: null,
    export_status: EXPORT_STATUS_NAME[o.export_bucket],
    export_description: o.export_description,
    exported_on: o.exported_on === null ? null : iso(o.exported_on),
    shipping_address: nestedAddress(o.shipping_address),
    billing_address: nestedAddress(o.billing_address),
    shipping_method: { id: null, code: o.shipping_method_code, name: o.shipping_method_name },
    line_items: lines.map((l) => ({
      id: l.line_id,
      sku_id: l.sku_id,
      upc: l.upc,
      quantity: l.quantity,
      price: fromCents(lineAmounts(l).unit),
      product: { id: l.item_style_id, name: l.item_name, external_id: l.item_style_identifier },
      trait_values: [
        { trait: { name: "Color" }, value: l.item_color, external_id: l.item_color_code },
        { trait: { name: "Size" }, value: l.item_size, external_id: l.item_size_code },
      ],
    })),
  };
}
