/**
 * v2 connections (a brand's customers). Upsert key: `customer_code`. Address node names mirror the
 * `shipping_*` / `billing_*` field names JOOR uses on exported orders ([INFERRED] for connections).
 */
import { z } from "zod";
import type { AccountState } from "../state/account";
import type { SandboxState } from "../state/state";
import type { Address, BulkJob, BulkJobResult, Connection } from "../types";
import { countryCode, countryName, email, type FieldIssue, parseWith, reqStr, str } from "../validation";

const optEmail = z.union([email, z.literal("")]).optional();
const contactEmail = z.union([email.max(50, "at most 50 characters"), z.literal("")]).optional();
const REGION_REQUIRED = new Set(["AU", "CA", "JP", "US"]);

function addressSchema<P extends "shipping" | "billing">(p: P) {
  return z
    .strictObject({
      // An integer on JOOR's connection page [DOC]; JOOR assigns it, so a sent one is only echoed back.
      [`${p}_address_id`]: z.int({ error: "must be an integer (JOOR's address id)" }).optional(),
      [`${p}_code`]: reqStr(50),
      [`${p}_name`]: str(100).optional(),
      [`${p}_company`]: str(100).optional(),
      [`${p}_address_1`]: reqStr(100),
      [`${p}_address_2`]: str(100).optional(),
      [`${p}_city`]: reqStr(100),
      [`${p}_region`]: str(100).optional(),
      [`${p}_postal_code`]: str(20).optional(),
      [`${p}_country`]: countryCode,
      [`${p}_phone`]: str(50).optional(),
      [`${p}_email`]: optEmail,
    })
    .superRefine((a: Record<string, unknown>, c) => {
      const country = a[`${p}_country`] as string;
      if (REGION_REQUIRED.has(country) && !a[`${p}_region`]) {
        c.addIssue({ code: "custom", path: [`${p}_region`], message: `is required for country ${country}` });
      }
    });
}

const shippingSchema = addressSchema("shipping");
const billingSchema = addressSchema("billing");

export const connectionSchema = z.strictObject({
  customer_code: reqStr(50),
  customer_name: reqStr(100).optional(),
  customer_alias: str(150).optional(),
  customer_contact_name: str(1000).optional(),
  customer_contact_email: contactEmail,
  customer_buyer_name: str(50).optional(),
  company_number_name: str(100).optional(),
  company_number_code: str(100).optional(),
  customer_group_name: str(150).optional(),
  customer_group_code: str(100).optional(),
  sales_rep_code: str(100).optional(),
  price_currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code")
    .optional(),
  price_label: str(50).optional(),
  warehouses: z
    .strictObject({
      warehouse: z.array(z.strictObject({ warehouse_name: reqStr(150), warehouse_code: str(100).optional() })),
    })
    .optional(),
  shipping: z
    .strictObject({
      shipping_addresses: z.strictObject({ shipping_address: z.array(shippingSchema) }),
    })
    .optional(),
  billing: z
    .strictObject({
      billing_addresses: z.strictObject({ billing_address: z.array(billingSchema) }),
    })
    .optional(),
});
export type ConnectionInput = z.infer<typeof connectionSchema>;

const PLAIN_FIELDS = [
  "customer_name",
  "customer_alias",
  "customer_contact_name",
  "customer_contact_email",
  "customer_buyer_name",
  "company_number_name",
  "company_number_code",
  "customer_group_name",
  "customer_group_code",
  "sales_rep_code",
  "price_currency",
  "price_label",
] as const;

function toAddress(state: SandboxState, p: "shipping" | "billing", a: Record<string, unknown>, prev: Address[]): Address {
  const g = (k: string): string => (a[`${p}_${k}`] as string | undefined) ?? "";
  const code = g("code");
  const existing = prev.find((x) => x.code === code);
  return {
    id: existing?.id ?? state.ids.nextString("address"),
    code,
    name: g("name"),
    company: g("company"),
    address_1: g("address_1"),
    address_2: g("address_2"),
    city: g("city"),
    region: g("region"),
    postal_code: g("postal_code"),
    country: g("country"),
    phone: g("phone"),
    email: g("email"),
  };
}

function semanticIssues(acct: AccountState, input: ConnectionInput, creating: boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (creating && !input.customer_name) issues.push({ field: "customer_name", message: "is required when creating a connection" });
  if ((input.price_currency === undefined) !== (input.price_label === undefined)) {
    issues.push({ field: "price_label", message: "price_currency and price_label must be sent together" });
  } else if (input.price_currency && input.price_label) {
    const pt = [...acct.priceTypes.values()].find((t) => t.currency_code === input.price_currency && t.name === input.price_label);
    if (!pt) issues.push({ field: "price_label", message: `no price type ${input.price_currency}/${input.price_label} exists in this account` });
  }
  (input.warehouses?.warehouse ?? []).forEach((w, i) => {
    if (!acct.warehouses.has(w.warehouse_name))
      issues.push({ field: `warehouses.warehouse.${i}.warehouse_name`, message: `warehouse '${w.warehouse_name}' does not exist` });
  });
  for (const p of ["shipping", "billing"] as const) {
    const list = (p === "shipping" ? input.shipping?.shipping_addresses.shipping_address : input.billing?.billing_addresses.billing_address) ?? [];
    const seen = new Set<string>();
    list.forEach((a: Record<string, unknown>, i) => {
      const code = a[`${p}_code`] as string;
      if (seen.has(code)) issues.push({ field: `${p}.${p}_addresses.${p}_address.${i}.${p}_code`, message: `duplicate ${p} code '${code}'` });
      seen.add(code);
    });
  }
  return issues;
}

/** Find or create the JOOR retailer a new connection is matched to (by name, case-insensitive). */
function matchRetailer(state: SandboxState, acct: AccountState, name: string): string {
  const lower = name.toLowerCase();
  for (const r of acct.retailers.values()) if (r.name.toLowerCase() === lower) return r.id;
  const id = state.ids.nextString("retailer");
  acct.retailers.set(id, { id, name, city: "", country: "" });
  return id;
}

export function upsertConnection(state: SandboxState, acct: AccountState, raw: unknown, index: number): BulkJobResult {
  const code =
    typeof raw === "object" && raw !== null && typeof (raw as Record<string, unknown>).customer_code === "string"
      ? (raw as Record<string, string>).customer_code
      : null;
  const parsed = parseWith(connectionSchema, raw);
  if (!parsed.ok) return { index, customer_code: code, status: "fail", errors: parsed.issues };
  const input = parsed.value;
  const prev = acct.connectionByCode(input.customer_code);
  const issues = semanticIssues(acct, input, !prev);
  if (issues.length) return { index, customer_code: code, status: "fail", errors: issues };

  const now = state.now();
  const fields: Record<string, string> = { ...(prev?.fields ?? {}) };
  for (const k of PLAIN_FIELDS) {
    const v = input[k];
    if (v !== undefined) fields[k] = v;
  }
  const c: Connection = prev ?? {
    id: state.ids.nextString("connection"),
    retailer_id: matchRetailer(state, acct, input.customer_name ?? input.customer_code),
    customer_code: input.customer_code,
    fields,
    warehouses: [],
    shipping: [],
    billing: [],
    created_at: now,
    modified_at: now,
    visible_at: now + acct.settings.connection_visibility_delay_seconds * 1000,
  };
  c.fields = fields;
  c.modified_at = now;
  if (input.warehouses) {
    c.warehouses = input.warehouses.warehouse.map((w) => ({
      warehouse_name: w.warehouse_name,
      warehouse_code: w.warehouse_code ?? acct.warehouses.get(w.warehouse_name)?.code ?? "",
    }));
  }
  // A sent address list replaces the stored one ("update all aspects"); ids are kept per code.
  if (input.shipping) c.shipping = input.shipping.shipping_addresses.shipping_address.map((a) => toAddress(state, "shipping", a, c.shipping));
  if (input.billing) c.billing = input.billing.billing_addresses.billing_address.map((a) => toAddress(state, "billing", a, c.billing));
  acct.putConnection(c);
  return { index, customer_code: input.customer_code, status: "pass", action: prev ? "updated" : "created", connection_id: c.id };
}

/** Queue a bulk-connection job; JOOR's background worker processes it later (processDueJobs). */
export function queueConnectionJob(state: SandboxState, acct: AccountState, items: unknown[]): BulkJob {
  const now = state.now();
  const job: BulkJob = {
    id: state.ids.nextString("job"),
    kind: "connection",
    status: "QUEUED",
    created_at: now,
    due_at: now + acct.settings.bulk_job_delay_seconds * 1000,
    completed_at: null,
    item_count: items.length,
    items,
    results: [],
  };
  acct.jobs.set(job.id, job);
  acct.jobQueue.push(job.id);
  return job;
}

function processJob(state: SandboxState, acct: AccountState, job: BulkJob): void {
  job.results = (job.items ?? []).map((it, i) => upsertConnection(state, acct, it, i));
  job.status = job.results.some((r) => r.status === "fail") ? "COMPLETED_WITH_ERRORS" : "COMPLETED";
  job.completed_at = state.now();
  job.items = null;
}

/**
 * Run the queued jobs whose time has come, in FIFO order (a later job never overtakes an earlier
 * one). Called as a request for the account arrives, so it costs nothing while the queue is empty.
 * `force` runs every queued job regardless of its delay.
 */
export function processDueJobs(state: SandboxState, acct: AccountState, force = false): number {
  let n = 0;
  const now = state.now();
  while (acct.jobQueue.length) {
    const job = acct.jobs.get(acct.jobQueue[0]);
    if (job && job.status === "QUEUED" && !force && job.due_at > now) break;
    acct.jobQueue.shift();
    if (!job || job.status !== "QUEUED") continue;
    processJob(state, acct, job);
    n++;
  }
  if (n) state.changed();
  return n;
}

function addressOut(p: "shipping" | "billing", a: Address): Record<string, string | number> {
  return {
    [`${p}_address_id`]: Number(a.id),
    [`${p}_code`]: a.code,
    [`${p}_name`]: a.name,
    [`${p}_company`]: a.company,
    [`${p}_address_1`]: a.address_1,
    [`${p}_address_2`]: a.address_2,
    [`${p}_city`]: a.city,
    [`${p}_region`]: a.region,
    [`${p}_postal_code`]: a.postal_code,
    [`${p}_country`]: a.country,
    [`${p}_country_name`]: a.country ? countryName(a.country) : "",
    [`${p}_phone`]: a.phone,
    [`${p}_email`]: a.email,
  };
}

export function serializeConnection(c: Connection): Record<string, unknown> {
  const f = (k: string): string => c.fields[k] ?? "";
  return {
    customer_account_id: c.id,
    connection_id: c.id,
    retailer_id: c.retailer_id,
    customer_code: c.customer_code,
    customer_name: f("customer_name"),
    customer_alias: f("customer_alias"),
    customer_contact_name: f("customer_contact_name"),
    customer_contact_email: f("customer_contact_email"),
    customer_buyer_name: f("customer_buyer_name"),
    company_number_name: f("company_number_name"),
    company_number_code: f("company_number_code"),
    customer_group_name: f("customer_group_name"),
    customer_group_code: f("customer_group_code"),
    sales_rep_code: f("sales_rep_code"),
    price_currency: f("price_currency"),
    price_label: f("price_label"),
    warehouses: { warehouse: c.warehouses },
    shipping: { shipping_addresses: { shipping_address: c.shipping.map((a) => addressOut("shipping", a)) } },
    billing: { billing_addresses: { billing_address: c.billing.map((a) => addressOut("billing", a)) } },
    date_created: new Date(c.created_at).toISOString(),
    date_modified: new Date(c.modified_at).toISOString(),
  };
}
