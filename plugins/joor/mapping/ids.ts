/**
 * JOOR-side keys Selvedge derives from its records. Other operations (orders, inventory, reconcile) read
 * them back, so they live in one place.
 */

/** JOOR trait ids (joor-api.md §2.2, [DOC]). */
export const COLOR_TRAIT_ID = "U0tVVHJhaXQ6U3R5bGVDb2xvcg==";
export const SIZE_TRAIT_ID = "U0tVVHJhaXQ6U2l6ZQ==";
export const MATERIALS_TRAIT_ID = "UHJvZHVjdFRyYWl0Ok1BVA==";
/** [UNKNOWN] JOOR's trait for the country of origin (v2 had `style_country_origin`); sent by name. */
export const COUNTRY_OF_ORIGIN_TRAIT_NAME = "Country of Origin";

/** A Selvedge product (style in one colourway) is one JOOR product: external_id = product_identifier = style-colour. */
export function productExternalId(p: { styleNumber: string; colourCode: string }): string {
  return `${p.styleNumber}-${p.colourCode}`;
}

/** A variant's JOOR SKU external_id: style-colour-size (the size as written, case kept). */
export function skuExternalId(p: { styleNumber: string; colourCode: string }, size: string): string {
  return `${productExternalId(p)}-${size}`;
}

/** Shipping (DELIVERY) and billing (ACCOUNTS) address codes on a JOOR connection: D<address id>, A<address id>. */
export function addressCode(type: "DELIVERY" | "ACCOUNTS", addressId: number): string {
  return `${type === "DELIVERY" ? "D" : "A"}${addressId}`;
}

/** The Selvedge address id in a code made by addressCode (null for codes JOOR or a user made). */
export function addressIdFromCode(code: string | null | undefined): { type: "DELIVERY" | "ACCOUNTS"; id: number } | null {
  const m = /^([DA])(\d{1,15})$/.exec(code ?? "");
  return m ? { type: m[1] === "D" ? "DELIVERY" : "ACCOUNTS", id: Number(m[2]) } : null;
}

export function linesheetExternalId(id: number): string {
  return `selvedge-linesheet-${id}`;
}

export function seasonExternalId(s: { id: number; code: string | null }): string {
  return s.code?.trim() || `selvedge-season-${s.id}`;
}
