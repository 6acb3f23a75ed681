/**
 * Seeds: the accounts a sandbox starts with and their JOOR-side configuration (price types,
 * warehouses, categories, retailers, optionally connections and orders). `JOOR_SANDBOX_SEED`
 * points at a JSON file of this shape; without it the default seed below is used.
 */
import { z } from "zod";
import { upsertConnection } from "../domain/connections";
import { OrderInputError, placeOrder } from "../domain/orders";
import { addCategories, addPriceTypes, addRetailers, addWarehouses } from "../domain/reference";
import { issuesText, parseWith, reqStr, str } from "../validation";
import { AccountState } from "./account";
import type { SandboxState } from "./state";

export const settingsSchema = z.strictObject({
  order_required_fields: z.array(z.string()).optional(),
  connection_visibility_delay_seconds: z.number().min(0).optional(),
  video_enabled: z.boolean().optional(),
  bulk_job_delay_seconds: z.number().min(0).optional(),
  messy_orders: z.boolean().optional(),
});

const accountSchema = z.strictObject({
  id: reqStr(50),
  name: str(100).optional(),
  credentials: z.strictObject({
    client_id: reqStr(200),
    client_secret: reqStr(200),
    username: reqStr(200),
    password: reqStr(200),
    v2_token: reqStr(500),
  }),
  settings: settingsSchema.optional(),
  price_types: z.array(z.unknown()).optional(),
  warehouses: z.array(z.unknown()).optional(),
  categories: z.array(z.unknown()).optional(),
  retailers: z.array(z.unknown()).optional(),
  /** v2 bulk-connection items. */
  connections: z.array(z.unknown()).optional(),
  /** Admin place-order items (their UPCs must exist unless allow_unknown_upcs). */
  orders: z.array(z.unknown()).optional(),
});

export const seedSchema = z.strictObject({ accounts: z.array(accountSchema).min(1, "a seed needs at least one account") });
export type SandboxSeed = z.infer<typeof seedSchema>;
export type SeedAccount = z.infer<typeof accountSchema>;

export const DEFAULT_SEED: SandboxSeed = {
  accounts: [
    {
      id: "100001",
      name: "Selvedge Sandbox Brand",
      credentials: {
        client_id: "selvedge-sandbox",
        client_secret: "sandbox-client-secret",
        username: "brand@sandbox.test",
        password: "sandbox-password",
        v2_token: "sandbox-v2-token-100001",
      },
      price_types: [
        { name: "USD-1", currency_code: "USD", retail_currency_code: "USD" },
        { name: "EUR-1", currency_code: "EUR", retail_currency_code: "EUR" },
        { name: "GBP-1", currency_code: "GBP", retail_currency_code: "GBP" },
      ],
      warehouses: [
        { name: "Default", code: "DEFAULT", type: "IMMEDIATE", is_default: true },
        { name: "FUTURE", code: "FUTURE", type: "FUTURE" },
      ],
      categories: [
        { name: "Tops", department: "WOMEN" },
        { name: "Dresses", department: "WOMEN" },
        { name: "Knitwear", department: "MEN" },
        { name: "Outerwear", department: "UNISEX" },
        { name: "Accessories", department: "UNISEX" },
      ],
      retailers: [
        { name: "Harbour & Finch", city: "London", country: "GB" },
        { name: "Maison Lumen", city: "Paris", country: "FR" },
        { name: "North Loft Store", city: "New York", country: "US" },
      ],
    },
  ],
};

function must<T>(what: string, r: { data: T[]; errors: Array<{ message: string }> }): void {
  if (r.errors.length) throw new Error(`invalid seed ${what}: ${r.errors.map((e) => e.message).join("; ")}`);
}

export function parseSeed(raw: unknown): SandboxSeed {
  const p = parseWith(seedSchema, raw);
  if (!p.ok) throw new Error(`invalid sandbox seed: ${issuesText(p.issues)}`);
  return p.value;
}

export function applySeed(state: SandboxState, seed: SandboxSeed): void {
  for (const a of seed.accounts) {
    if (state.accounts.has(a.id)) throw new Error(`seed lists account ${a.id} twice`);
    const acct = new AccountState(a.id, a.name ?? `JOOR account ${a.id}`, a.credentials);
    Object.assign(acct.settings, a.settings ?? {});
    state.accounts.set(a.id, acct);
    must("price_types", addPriceTypes(state, acct, a.price_types ?? []));
    must("warehouses", addWarehouses(state, acct, a.warehouses ?? []));
    must("categories", addCategories(state, acct, a.categories ?? []));
    must("retailers", addRetailers(state, acct, a.retailers ?? []));
    (a.connections ?? []).forEach((c, i) => {
      const r = upsertConnection(state, acct, c, i);
      if (r.status === "fail") throw new Error(`invalid seed connection ${i}: ${(r.errors ?? []).map((e) => `${e.field}: ${e.message}`).join("; ")}`);
    });
    (a.orders ?? []).forEach((o, i) => {
      try {
        placeOrder(state, acct, o);
      } catch (e) {
        if (e instanceof OrderInputError) throw new Error(`invalid seed order ${i}: ${e.message}`);
        throw e;
      }
    });
  }
  if (!state.defaultAccountId) state.defaultAccountId = seed.accounts[0].id;
}
