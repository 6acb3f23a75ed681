import { addressCode } from "./ids";

/** What export-customers reads of a customer (and of its DELIVERY/ACCOUNTS addresses). */
export interface CustomerRecord {
  id: number;
  name: string;
  accountCode: string | null;
  status: string;
  email: string | null;
  phone: string | null;
  currency: string | null;
  addresses: AddressRecord[];
}

/** The content of an address, as Selvedge keeps it (customer records, order snapshots, JOOR orders). */
export interface AddressFields {
  name: string | null;
  company: string | null;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  countryCode: string;
  phone: string | null;
  email: string | null;
}

export interface AddressRecord extends AddressFields {
  id: number;
  type: "DELIVERY" | "ACCOUNTS" | "STORE";
}

export interface MappingProblem {
  code: string;
  message: string;
}

/** Countries where JOOR requires a state/region on an address (joor-api.md §2.1). */
export const REGION_REQUIRED = new Set(["AU", "CA", "JP", "US"]);

/** The account code as JOOR's customer code: trimmed; null when there is none. */
export function customerCode(accountCode: string | null): string | null {
  const code = accountCode?.trim() ?? "";
  return code ? code : null;
}

/** Why JOOR would refuse a customer code (≤ 50 characters, printable), or null. */
export function customerCodeProblem(code: string): MappingProblem | null {
  if (code.length > 50) return { code: "ACCOUNT_CODE_TOO_LONG", message: `Account code "${code.slice(0, 60)}…" is longer than JOOR's 50 characters` };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(code)) return { code: "ACCOUNT_CODE_INVALID", message: "Account code contains control characters JOOR does not accept" };
  return null;
}

/** Why JOOR would refuse an address (its required fields), or null. */
export function addressProblem(a: AddressRecord): string | null {
  const missing: string[] = [];
  if (!a.line1?.trim()) missing.push("line 1");
  if (!a.city?.trim()) missing.push("city");
  if (!/^[A-Z]{2}$/.test(a.countryCode ?? "")) missing.push("country");
  if (REGION_REQUIRED.has(a.countryCode) && !a.region?.trim()) missing.push(`region (JOOR requires one in ${a.countryCode})`);
  return missing.length ? missing.join(", ") : null;
}

function address(prefix: "shipping" | "billing", a: AddressRecord): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (k: string, v: string | null | undefined) => {
    if (v !== null && v !== undefined && v.trim() !== "") out[`${prefix}_${k}`] = v.trim();
  };
  put("code", addressCode(a.type as "DELIVERY" | "ACCOUNTS", a.id));
  put("name", a.name);
  put("company", a.company);
  put("address_1", a.line1);
  put("address_2", a.line2);
  put("city", a.city);
  put("region", a.region);
  put("postal_code", a.postalCode);
  put("country", a.countryCode);
  put("phone", a.phone);
  put("email", a.email);
  return out;
}

/**
 * A Selvedge customer as a JOOR v2 connection (bulk-connection item). Only DELIVERY (→ shipping) and
 * ACCOUNTS (→ billing) addresses are sent, never STORE; the price type follows the customer's currency.
 * [UNKNOWN] address field names mirror JOOR's order export fields (joor-api.md §2.1); correct them here.
 */
export function mapCustomer(
  c: CustomerRecord,
  priceTypeByCurrency: Map<string, string>,
): { payload: Record<string, unknown> & { customer_code: string }; problems: MappingProblem[] } {
  const code = customerCode(c.accountCode)!;
  const problems: MappingProblem[] = [];
  const codeProblem = customerCodeProblem(code);
  if (codeProblem) problems.push(codeProblem);
  if (c.name.trim().length > 100) problems.push({ code: "NAME_TOO_LONG", message: `Customer name is longer than JOOR's 100 characters` });
  const sorted = [...c.addresses].sort((a, b) => a.id - b.id);
  for (const a of sorted) {
    if (a.type === "STORE") continue;
    const bad = addressProblem(a);
    if (bad)
      problems.push({
        code: "ADDRESS_INCOMPLETE",
        message: `${a.type} address ${a.id} (${a.line1 || "no line 1"}, ${a.city || "no city"}) is missing what JOOR requires: ${bad}`,
      });
  }
  const payload: Record<string, unknown> & { customer_code: string } = { customer_code: code, customer_name: c.name.trim() };
  if (c.email && c.email.length <= 50) payload.customer_contact_email = c.email;
  const priceType = c.currency ? priceTypeByCurrency.get(c.currency) : undefined;
  if (c.currency && priceType) {
    payload.price_currency = c.currency;
    payload.price_label = priceType;
  }
  const shipping = sorted.filter((a) => a.type === "DELIVERY").map((a) => address("shipping", a));
  const billing = sorted.filter((a) => a.type === "ACCOUNTS").map((a) => address("billing", a));
  if (shipping.length) payload.shipping = { shipping_addresses: { shipping_address: shipping } };
  if (billing.length) payload.billing = { billing_addresses: { billing_address: billing } };
  return { payload, problems };
}
