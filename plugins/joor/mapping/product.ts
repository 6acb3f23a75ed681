import { COUNTRY_OF_ORIGIN_TRAIT_NAME, MATERIALS_TRAIT_ID, productExternalId } from "./ids";

/** What export-products reads of a product. */
export interface ProductRecord {
  id: number;
  styleNumber: string;
  colourCode: string;
  colourName: string;
  name: string;
  description: string | null;
  category: string | null;
  composition: string | null;
  countryOfOrigin: string | null;
}

/**
 * A Selvedge product (one style in one colourway) as a JOOR v4 product: name, external_id and
 * product_identifier (style-colour, see ids.ts), description, category (by JOOR category name), composition
 * (Materials trait) and country of origin (a product trait, [UNKNOWN] name).
 */
export function mapProduct(p: ProductRecord, categoryIdByName: Map<string, string>): Record<string, unknown> {
  const ext = productExternalId(p);
  const payload: Record<string, unknown> = { name: p.name, external_id: ext, product_identifier: ext };
  if (p.description) payload.description = p.description;
  const category = p.category ? categoryIdByName.get(p.category.trim().toLowerCase()) : undefined;
  if (category) payload.category_ids = [category];
  const traits: Record<string, unknown>[] = [];
  if (p.composition) traits.push({ trait_id: MATERIALS_TRAIT_ID, value: p.composition });
  if (p.countryOfOrigin) traits.push({ trait_name: COUNTRY_OF_ORIGIN_TRAIT_NAME, value: p.countryOfOrigin });
  if (traits.length) payload.product_trait_values = traits;
  return payload;
}
