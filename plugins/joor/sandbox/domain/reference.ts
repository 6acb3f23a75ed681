/** Reference data the brand configures in JOOR: price types, warehouses, categories, retailers. */
import { z } from "zod";
import type { AccountState } from "../state/account";
import type { SandboxState } from "../state/state";
import type { Category, PriceType, Retailer, Warehouse } from "../types";
import { countryCode, type ItemError, itemError, parseWith, reqStr, str, validationError } from "../validation";

export const DEPARTMENTS = ["WOMEN", "MEN", "GIRLS", "BOYS", "UNISEX", "BABY_GIRLS", "BABY_BOYS"] as const;

export const priceTypeSchema = z.strictObject({
  name: reqStr(50),
  currency_code: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code"),
  retail_currency_code: z
    .string()
    .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code")
    .optional(),
});
export const warehouseSchema = z.strictObject({
  name: reqStr(100),
  code: str(50).optional(),
  type: z.enum(["IMMEDIATE", "FUTURE"]).optional(),
  is_default: z.boolean().optional(),
});
export const categorySchema = z.strictObject({
  name: reqStr(100),
  parent_name: str(100).nullish(),
  department: z.enum(DEPARTMENTS).nullish(),
});
export const retailerSchema = z.strictObject({
  name: reqStr(100),
  city: str(100).optional(),
  country: countryCode.optional(),
});

type Result<T> = { data: T[]; errors: ItemError[] };

export function addPriceTypes(state: SandboxState, acct: AccountState, items: unknown[]): Result<PriceType> {
  const out: Result<PriceType> = { data: [], errors: [] };
  items.forEach((raw, index) => {
    const p = parseWith(priceTypeSchema, raw);
    if (!p.ok) return void out.errors.push(validationError(index, p.issues));
    const dup = [...acct.priceTypes.values()].find((t) => t.name === p.value.name && t.currency_code === p.value.currency_code);
    if (dup) return void out.errors.push(itemError("DUPLICATED", index, `Price type ${p.value.currency_code}/${p.value.name} exists`, { id: dup.id }));
    const t: PriceType = {
      id: state.ids.nextString("price_type"),
      name: p.value.name,
      currency_code: p.value.currency_code,
      retail_currency_code: p.value.retail_currency_code ?? p.value.currency_code,
    };
    acct.priceTypes.set(t.id, t);
    out.data.push(t);
  });
  return out;
}

export function addWarehouses(state: SandboxState, acct: AccountState, items: unknown[]): Result<Warehouse> {
  const out: Result<Warehouse> = { data: [], errors: [] };
  items.forEach((raw, index) => {
    const p = parseWith(warehouseSchema, raw);
    if (!p.ok) return void out.errors.push(validationError(index, p.issues));
    if (acct.warehouses.has(p.value.name)) return void out.errors.push(itemError("DUPLICATED", index, `Warehouse '${p.value.name}' exists`, {}));
    const isDefault = p.value.is_default ?? acct.defaultWarehouse() === undefined;
    if (isDefault) for (const w of acct.warehouses.values()) w.is_default = false;
    const w: Warehouse = {
      id: state.ids.nextString("warehouse"),
      name: p.value.name,
      code: p.value.code ?? p.value.name.toUpperCase(),
      type: p.value.type ?? "IMMEDIATE",
      is_default: isDefault,
    };
    acct.warehouses.set(w.name, w);
    out.data.push(w);
  });
  return out;
}

export function addCategories(state: SandboxState, acct: AccountState, items: unknown[]): Result<Category> {
  const out: Result<Category> = { data: [], errors: [] };
  items.forEach((raw, index) => {
    const p = parseWith(categorySchema, raw);
    if (!p.ok) return void out.errors.push(validationError(index, p.issues));
    const parent = p.value.parent_name ?? null;
    const dup = [...acct.categories.values()].find((c) => c.name === p.value.name && c.parent_name === parent);
    if (dup) return void out.errors.push(itemError("DUPLICATED", index, `Category '${p.value.name}' exists`, { id: dup.id }));
    const c: Category = { id: state.ids.nextString("category"), name: p.value.name, parent_name: parent, department: p.value.department ?? null };
    acct.categories.set(c.id, c);
    out.data.push(c);
  });
  return out;
}

export function addRetailers(state: SandboxState, acct: AccountState, items: unknown[]): Result<Retailer> {
  const out: Result<Retailer> = { data: [], errors: [] };
  items.forEach((raw, index) => {
    const p = parseWith(retailerSchema, raw);
    if (!p.ok) return void out.errors.push(validationError(index, p.issues));
    const r: Retailer = { id: state.ids.nextString("retailer"), name: p.value.name, city: p.value.city ?? "", country: p.value.country ?? "" };
    acct.retailers.set(r.id, r);
    out.data.push(r);
  });
  return out;
}
