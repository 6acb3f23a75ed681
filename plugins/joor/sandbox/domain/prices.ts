/** v4 prices: per SKU and price type, values as strings with exactly two decimals. */
import { z } from "zod";
import type { AccountState } from "../state/account";
import type { SandboxState } from "../state/state";
import type { Price } from "../types";
import { type ItemError, itemError, money, parseWith, reqStr, validationError } from "../validation";

export const priceCreateSchema = z.strictObject({
  sku_id: reqStr(200),
  price_type_id: reqStr(100),
  wholesale_value: money,
  retail_value: money.nullish(),
});

export const priceUpdateSchema = z.strictObject({
  id: reqStr(100),
  wholesale_value: money.optional(),
  retail_value: money.nullish(),
});

export function createPrices(state: SandboxState, acct: AccountState, items: unknown[]): { data: Price[]; errors: ItemError[] } {
  const data: Price[] = [];
  const errors: ItemError[] = [];
  items.forEach((raw, index) => {
    const parsed = parseWith(priceCreateSchema, raw);
    if (!parsed.ok) return void errors.push(validationError(index, parsed.issues));
    const p = parsed.value;
    const issues = [];
    if (!acct.skus.has(p.sku_id)) issues.push({ field: "sku_id", message: `unknown SKU '${p.sku_id}'` });
    if (!acct.priceTypes.has(p.price_type_id)) issues.push({ field: "price_type_id", message: `unknown price type '${p.price_type_id}'` });
    if (issues.length) return void errors.push(validationError(index, issues));
    const existing = acct.priceFor(p.sku_id, p.price_type_id);
    if (existing) {
      // JOOR is seen to send `details.sku_id` here (joor-api.md §1.5); nothing more.
      return void errors.push(itemError("DUPLICATED", index, "A price already exists for this SKU and price type", { sku_id: p.sku_id }));
    }
    const now = state.now();
    const price: Price = {
      id: state.ids.nextString("price"),
      sku_id: p.sku_id,
      price_type_id: p.price_type_id,
      wholesale_value: p.wholesale_value,
      retail_value: p.retail_value ?? null,
      created_at: now,
      modified_at: now,
    };
    acct.putPrice(price);
    data.push(price);
  });
  return { data, errors };
}

export function updatePrices(state: SandboxState, acct: AccountState, items: unknown[]): { data: Price[]; errors: ItemError[] } {
  const data: Price[] = [];
  const errors: ItemError[] = [];
  items.forEach((raw, index) => {
    const parsed = parseWith(priceUpdateSchema, raw);
    if (!parsed.ok) return void errors.push(validationError(index, parsed.issues));
    const p = parsed.value;
    const existing = acct.prices.get(p.id);
    if (!existing) return void errors.push(itemError("NOT_FOUND", index, `Price ${p.id} not found`, { id: p.id }));
    const next: Price = {
      ...existing,
      wholesale_value: p.wholesale_value ?? existing.wholesale_value,
      retail_value: p.retail_value === undefined ? existing.retail_value : p.retail_value,
      modified_at: state.now(),
    };
    acct.putPrice(next);
    data.push(next);
  });
  return { data, errors };
}

export function serializePrice(acct: AccountState, p: Price): Record<string, unknown> {
  const t = acct.priceTypes.get(p.price_type_id);
  return {
    id: p.id,
    sku_id: p.sku_id,
    price_type: t
      ? { id: t.id, name: t.name, currency_code: t.currency_code, retail_currency_code: t.retail_currency_code }
      : { id: p.price_type_id, name: null, currency_code: null, retail_currency_code: null },
    wholesale_value: p.wholesale_value,
    retail_value: p.retail_value,
  };
}
