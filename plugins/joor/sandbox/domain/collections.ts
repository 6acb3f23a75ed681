/**
 * v4 collections = JOOR linesheets, in JOOR's documented shape [DOC]
 * (https://api-docs.jooraccess.com/v2.0/reference/create-collections , …/update-collections ,
 * …/get-collections , https://api-docs.jooraccess.com/reference/update-collections):
 *   create  { name (Y), external_id (Y), season_id, delivery { start_ship_date, complete_ship_date,
 *             cancel_date, minimum_shipping_window }, items [{ product_id, order_number, sku_ids }] }
 *   update  { id (Y), name (Y), season_id, delivery, items }  + query `action`
 *           ADD_ITEMS | REMOVE_ITEMS | REPLACE_ITEMS (default), at product level.
 * A product listed without `sku_ids` has all its SKUs shoppable; `sku_ids` replaces that
 * product's SKUs. No delivery dates = IMMEDIATE delivery.
 */
import { z } from "zod";
import type { AccountState } from "../state/account";
import type { SandboxState } from "../state/state";
import type { Collection, CollectionDelivery, CollectionItem } from "../types";
import { type FieldIssue, type ItemError, isoDate, itemError, parseWith, reqStr, validationError } from "../validation";

export const ITEM_ACTIONS = ["ADD_ITEMS", "REMOVE_ITEMS", "REPLACE_ITEMS"] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];

const deliverySchema = z.strictObject({
  start_ship_date: isoDate.nullish(),
  complete_ship_date: isoDate.nullish(),
  cancel_date: isoDate.nullish(),
  minimum_shipping_window: z.int({ error: "must be an integer (days)" }).min(0).nullish(),
});

const itemSchema = z.strictObject({
  product_id: reqStr(100),
  order_number: z.int({ error: "must be an integer" }).min(0).nullish(),
  sku_ids: z.array(reqStr(200)).min(1, "omit sku_ids to make every SKU of the product shoppable").nullish(),
});
type ItemInput = z.infer<typeof itemSchema>;

export const collectionCreateSchema = z.strictObject({
  name: reqStr(100),
  external_id: reqStr(100),
  season_id: z.string().nullish(),
  delivery: deliverySchema.nullish(),
  items: z.array(itemSchema).optional(),
});

export const collectionUpdateSchema = z.strictObject({
  id: reqStr(100),
  name: reqStr(100),
  season_id: z.string().nullish(),
  delivery: deliverySchema.nullish(),
  items: z.array(itemSchema).optional(),
});

const EMPTY_DELIVERY: CollectionDelivery = { start_ship_date: null, complete_ship_date: null, cancel_date: null, minimum_shipping_window: null };

function toDelivery(d: z.infer<typeof deliverySchema> | null | undefined): CollectionDelivery {
  if (!d) return { ...EMPTY_DELIVERY };
  return {
    start_ship_date: d.start_ship_date ?? null,
    complete_ship_date: d.complete_ship_date ?? null,
    cancel_date: d.cancel_date ?? null,
    minimum_shipping_window: d.minimum_shipping_window ?? null,
  };
}

function deliveryIssues(d: CollectionDelivery): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { start_ship_date: s, complete_ship_date: e, cancel_date: x } = d;
  if ((s === null) !== (e === null))
    issues.push({ field: "delivery", message: "send both start_ship_date and complete_ship_date, or neither (IMMEDIATE delivery)" });
  if (s && e && e < s) issues.push({ field: "delivery.complete_ship_date", message: `complete_ship_date ${e} is before start_ship_date ${s}` });
  if (x && s && x < s) issues.push({ field: "delivery.cancel_date", message: `cancel_date ${x} is before start_ship_date ${s}` });
  return issues;
}

function seasonIssues(acct: AccountState, seasonId: string | null | undefined): FieldIssue[] {
  return seasonId && !acct.seasons.has(seasonId) ? [{ field: "season_id", message: `unknown season '${seasonId}' (create it with /seasons/bulk_create)` }] : [];
}

function itemIssues(acct: AccountState, items: ItemInput[] | undefined, checkSkus: boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  (items ?? []).forEach((it, i) => {
    const f = `items.${i}`;
    if (!acct.products.has(it.product_id)) issues.push({ field: `${f}.product_id`, message: `unknown product '${it.product_id}'` });
    if (seen.has(it.product_id)) issues.push({ field: `${f}.product_id`, message: `product '${it.product_id}' is listed twice` });
    seen.add(it.product_id);
    if (!checkSkus) return;
    const own = acct.skusByProduct.get(it.product_id);
    (it.sku_ids ?? []).forEach((sku, j) => {
      if (!own?.has(sku)) issues.push({ field: `${f}.sku_ids.${j}`, message: `SKU '${sku}' is not a SKU of product '${it.product_id}'` });
    });
    if (new Set(it.sku_ids ?? []).size !== (it.sku_ids ?? []).length) issues.push({ field: `${f}.sku_ids`, message: "a SKU is listed twice" });
  });
  return issues;
}

/** Next display position after the collection's current items. */
function nextOrder(items: CollectionItem[]): number {
  let max = 0;
  for (const i of items) if (i.order_number > max) max = i.order_number;
  return max + 1;
}

function sortItems(items: CollectionItem[]): CollectionItem[] {
  return items
    .map((it, i) => ({ it, i }))
    .sort((a, b) => a.it.order_number - b.it.order_number || a.i - b.i)
    .map((x) => x.it);
}

/** Apply a request's items to the current membership (product-level actions). */
export function applyItems(current: CollectionItem[], items: ItemInput[], action: ItemAction): CollectionItem[] {
  const byProduct = new Map(current.map((i) => [i.product_id, i]));
  if (action === "REMOVE_ITEMS") {
    const drop = new Set(items.map((i) => i.product_id));
    return current.filter((i) => !drop.has(i.product_id));
  }
  const sent = new Set(items.map((i) => i.product_id));
  const out: CollectionItem[] = action === "REPLACE_ITEMS" ? [] : current.filter((i) => !sent.has(i.product_id));
  // Products without an order_number keep their place, or go after everything else.
  let next = Math.max(nextOrder(current), ...items.map((i) => (i.order_number ?? 0) + 1));
  for (const it of items) {
    const prev = byProduct.get(it.product_id);
    out.push({
      product_id: it.product_id,
      order_number: it.order_number ?? prev?.order_number ?? next++,
      sku_ids: it.sku_ids ? [...it.sku_ids] : null,
    });
  }
  return sortItems(out);
}

export function createCollections(state: SandboxState, acct: AccountState, items: unknown[]): { data: Collection[]; errors: ItemError[] } {
  const data: Collection[] = [];
  const errors: ItemError[] = [];
  items.forEach((raw, index) => {
    const parsed = parseWith(collectionCreateSchema, raw);
    if (!parsed.ok) return void errors.push(validationError(index, parsed.issues));
    const p = parsed.value;
    const delivery = toDelivery(p.delivery);
    const issues = [...seasonIssues(acct, p.season_id), ...deliveryIssues(delivery), ...itemIssues(acct, p.items, true)];
    if (issues.length) return void errors.push(validationError(index, issues));
    if (acct.collectionsByExternalId.has(p.external_id)) {
      return void errors.push(itemError("DUPLICATED", index, `A collection with external_id '${p.external_id}' already exists`));
    }
    const now = state.now();
    const c: Collection = {
      id: state.ids.nextString("collection"),
      name: p.name,
      external_id: p.external_id,
      season_id: p.season_id ?? null,
      delivery,
      items: applyItems([], p.items ?? [], "REPLACE_ITEMS"),
      created_at: now,
      modified_at: now,
    };
    acct.putCollection(c);
    data.push(c);
  });
  return { data, errors };
}

export function updateCollections(state: SandboxState, acct: AccountState, items: unknown[], action: ItemAction): { data: Collection[]; errors: ItemError[] } {
  const data: Collection[] = [];
  const errors: ItemError[] = [];
  items.forEach((raw, index) => {
    const parsed = parseWith(collectionUpdateSchema, raw);
    if (!parsed.ok) return void errors.push(validationError(index, parsed.issues));
    const p = parsed.value;
    const cur = acct.collections.get(p.id);
    if (!cur) return void errors.push(itemError("NOT_FOUND", index, `Collection ${p.id} not found`, { id: p.id }));
    // A sent delivery replaces the window (blank dates = IMMEDIATE); an omitted one is kept.
    const delivery = p.delivery === undefined ? cur.delivery : toDelivery(p.delivery);
    const issues = [...seasonIssues(acct, p.season_id), ...deliveryIssues(delivery), ...itemIssues(acct, p.items, action !== "REMOVE_ITEMS")];
    if (issues.length) return void errors.push(validationError(index, issues, { id: p.id }));
    const next: Collection = {
      ...cur,
      name: p.name,
      season_id: p.season_id === undefined ? cur.season_id : p.season_id,
      delivery,
      items: p.items === undefined ? cur.items : applyItems(cur.items, p.items, action),
      modified_at: state.now(),
    };
    acct.putCollection(next);
    data.push(next);
  });
  return { data, errors };
}

/** SKU ids shoppable for one item: its list, or every current SKU of the product. */
export function itemSkuIds(acct: AccountState, it: CollectionItem): string[] {
  return it.sku_ids ? [...it.sku_ids] : [...(acct.skusByProduct.get(it.product_id) ?? [])];
}

/** Whether a SKU can be ordered through a collection. */
export function shoppableIn(c: Collection, productId: string, skuId: string): boolean {
  const it = c.items.find((i) => i.product_id === productId);
  return it !== undefined && (it.sku_ids === null || it.sku_ids.includes(skuId));
}

export function serializeCollection(acct: AccountState, c: Collection): Record<string, unknown> {
  const season = c.season_id ? acct.seasons.get(c.season_id) : undefined;
  return {
    id: c.id,
    name: c.name,
    external_id: c.external_id,
    delivery: { ...c.delivery },
    season: season ? { id: season.id, name: season.name, year: season.year, external_id: season.external_id } : null,
    visibility: "OWNER",
    items: c.items.map((it) => ({ product_id: it.product_id, order_number: it.order_number, sku_ids: itemSkuIds(acct, it) })),
  };
}

/** Admin read view: the stored record, with whether each item means "all SKUs". */
export function adminCollection(acct: AccountState, c: Collection): Record<string, unknown> {
  return {
    ...serializeCollection(acct, c),
    season_id: c.season_id,
    delivery_type: c.delivery.start_ship_date ? "DATED" : "IMMEDIATE",
    items: c.items.map((it) => ({ product_id: it.product_id, order_number: it.order_number, all_skus: it.sku_ids === null, sku_ids: itemSkuIds(acct, it) })),
    date_created: new Date(c.created_at).toISOString(),
    date_modified: new Date(c.modified_at).toISOString(),
  };
}
