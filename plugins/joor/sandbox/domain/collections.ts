/**
 * v4 collections = JOOR linesheets: name, season (name/code/year), start ship and complete ship
 * dates, and an ordered product list. JOOR's exact v4 shape is [UNKNOWN]; field names follow the
 * documented linesheet attributes (delivery/season name, code, year, Start Ship, Complete Ship).
 */
import { z } from "zod";
import type { AccountState } from "../state/account";
import type { SandboxState } from "../state/state";
import type { Collection } from "../types";
import { type FieldIssue, type ItemError, isoDate, itemError, parseWith, reqStr, str, validationError } from "../validation";

const fields = {
  code: str(50).nullish(),
  season_name: str(100).nullish(),
  season_code: str(50).nullish(),
  season_year: z.int().min(1900).max(2200).nullish(),
  start_ship_date: isoDate.nullish(),
  complete_ship_date: isoDate.nullish(),
  public: z.boolean().optional(),
};

export const collectionCreateSchema = z.strictObject({
  name: reqStr(100),
  external_id: str(100).nullish(),
  ...fields,
  product_ids: z.array(z.string()).optional(),
});

export const collectionUpdateSchema = z.strictObject({
  id: reqStr(100),
  name: reqStr(100).optional(),
  ...fields,
  /** Replaces the membership, in this order. */
  product_ids: z.array(z.string()).optional(),
  /** Appended at the end (ignored when already a member). */
  add_product_ids: z.array(z.string()).optional(),
  remove_product_ids: z.array(z.string()).optional(),
});

function productIssues(acct: AccountState, field: string, ids: string[] | undefined): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  (ids ?? []).forEach((id, i) => {
    if (!acct.products.has(id)) issues.push({ field: `${field}.${i}`, message: `unknown product '${id}'` });
    if (seen.has(id)) issues.push({ field: `${field}.${i}`, message: `product '${id}' is listed twice` });
    seen.add(id);
  });
  return issues;
}

function dateIssues(start: string | null | undefined, end: string | null | undefined): FieldIssue[] {
  return start && end && end < start ? [{ field: "complete_ship_date", message: "must not be before start_ship_date" }] : [];
}

function duplicate(acct: AccountState, c: { name: string; code?: string | null; external_id?: string | null }, selfId?: string): Collection | undefined {
  for (const x of acct.collections.values()) {
    if (x.id === selfId) continue;
    if (x.name === c.name || (c.code && x.code === c.code) || (c.external_id && x.external_id === c.external_id)) return x;
  }
  return undefined;
}

export function createCollections(state: SandboxState, acct: AccountState, items: unknown[]): { data: Collection[]; errors: ItemError[] } {
  const data: Collection[] = [];
  const errors: ItemError[] = [];
  items.forEach((raw, index) => {
    const parsed = parseWith(collectionCreateSchema, raw);
    if (!parsed.ok) return void errors.push(validationError(index, parsed.issues));
    const p = parsed.value;
    const issues = [...productIssues(acct, "product_ids", p.product_ids), ...dateIssues(p.start_ship_date, p.complete_ship_date)];
    if (issues.length) return void errors.push(validationError(index, issues));
    const dup = duplicate(acct, p);
    if (dup) return void errors.push(itemError("DUPLICATED", index, `Collection '${dup.name}' already exists (same name, code or external_id)`, { collection_id: dup.id }));
    const now = state.now();
    const c: Collection = {
      id: state.ids.nextString("collection"), name: p.name, code: p.code ?? null, external_id: p.external_id ?? null,
      season_name: p.season_name ?? null, season_code: p.season_code ?? null, season_year: p.season_year ?? null,
      start_ship_date: p.start_ship_date ?? null, complete_ship_date: p.complete_ship_date ?? null,
      public: p.public ?? true, product_ids: p.product_ids ?? [], created_at: now, modified_at: now,
    };
    acct.collections.set(c.id, c);
    data.push(c);
  });
  return { data, errors };
}

export function updateCollections(state: SandboxState, acct: AccountState, items: unknown[]): { data: Collection[]; errors: ItemError[] } {
  const data: Collection[] = [];
  const errors: ItemError[] = [];
  items.forEach((raw, index) => {
    const parsed = parseWith(collectionUpdateSchema, raw);
    if (!parsed.ok) return void errors.push(validationError(index, parsed.issues));
    const p = parsed.value;
    const cur = acct.collections.get(p.id);
    if (!cur) return void errors.push(itemError("NOT_FOUND", index, `Collection ${p.id} not found`, { id: p.id }));
    const pick = <K extends keyof Collection>(k: K, v: Collection[K] | undefined): Collection[K] => (v === undefined ? cur[k] : v);
    const next: Collection = {
      ...cur,
      name: p.name ?? cur.name,
      code: pick("code", p.code),
      season_name: pick("season_name", p.season_name),
      season_code: pick("season_code", p.season_code),
      season_year: pick("season_year", p.season_year),
      start_ship_date: pick("start_ship_date", p.start_ship_date),
      complete_ship_date: pick("complete_ship_date", p.complete_ship_date),
      public: p.public ?? cur.public,
      modified_at: state.now(),
    };
    const issues = [
      ...productIssues(acct, "product_ids", p.product_ids),
      ...productIssues(acct, "add_product_ids", p.add_product_ids),
      ...dateIssues(next.start_ship_date, next.complete_ship_date),
    ];
    if (issues.length) return void errors.push(validationError(index, issues, { id: p.id }));
    const dup = duplicate(acct, next, cur.id);
    if (dup) return void errors.push(itemError("DUPLICATED", index, `Collection '${dup.name}' already has this name, code or external_id`, { id: p.id, collection_id: dup.id }));
    let members = p.product_ids ?? cur.product_ids;
    if (p.add_product_ids) members = [...members, ...p.add_product_ids.filter((id) => !members.includes(id))];
    if (p.remove_product_ids) {
      const drop = new Set(p.remove_product_ids);
      members = members.filter((id) => !drop.has(id));
    }
    next.product_ids = members;
    acct.collections.set(next.id, next);
    data.push(next);
  });
  return { data, errors };
}

export function serializeCollection(c: Collection): Record<string, unknown> {
  return {
    id: c.id, name: c.name, code: c.code, external_id: c.external_id,
    season: { name: c.season_name, code: c.season_code, year: c.season_year },
    start_ship_date: c.start_ship_date, complete_ship_date: c.complete_ship_date, public: c.public,
    products: c.product_ids.map((id, i) => ({ id, display_order: i + 1 })),
    product_count: c.product_ids.length,
    date_created: new Date(c.created_at).toISOString(), date_modified: new Date(c.modified_at).toISOString(),
  };
}
