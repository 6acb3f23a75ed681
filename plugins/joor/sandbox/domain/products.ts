/** v4 products (style level) and the fixed trait catalogue. */
import { z } from "zod";
import type { AccountState } from "../state/account";
import type { SandboxState } from "../state/state";
import { COLOR_TRAIT_ID, MATERIALS_TRAIT_ID, type Product, SIZE_TRAIT_ID } from "../types";
import { type FieldIssue, type ItemError, itemError, parseWith, reqStr, str, validationError } from "../validation";

export interface TraitDef {
  id: string;
  name: string;
  type: "SKU" | "PRODUCT";
  code: string;
}

/** Color and Size (SKU traits) and Materials (product trait) ids are JOOR's; the other product traits are ours. */
export const TRAITS: TraitDef[] = [
  { id: COLOR_TRAIT_ID, name: "Color", type: "SKU", code: "StyleColor" },
  { id: SIZE_TRAIT_ID, name: "Size", type: "SKU", code: "Size" },
  { id: MATERIALS_TRAIT_ID, name: "Materials", type: "PRODUCT", code: "MAT" },
  { id: Buffer.from("ProductTrait:COO").toString("base64"), name: "Country of Origin", type: "PRODUCT", code: "COO" },
  { id: Buffer.from("ProductTrait:FAB").toString("base64"), name: "Fabrication", type: "PRODUCT", code: "FAB" },
  { id: Buffer.from("ProductTrait:SIL").toString("base64"), name: "Silhouette", type: "PRODUCT", code: "SIL" },
];
const PRODUCT_TRAITS = TRAITS.filter((t) => t.type === "PRODUCT");

const productTraitValue = z.strictObject({
  trait_id: z.string().optional(),
  trait_name: z.string().optional(),
  value: reqStr(255),
  external_id: str(100).nullish(),
});

const tag = z.strictObject({
  name: reqStr(100),
  value: str(255).nullish(),
  code: str(100).nullish(),
  parent_id: z.string().nullish(),
});

const common = {
  product_identifier: str(100).nullish(),
  description: str(5000).nullish(),
  order_minimum: z.int().min(0).nullish(),
  category_ids: z.array(z.string()).optional(),
  product_trait_values: z.array(productTraitValue).optional(),
  tags: z.array(tag).optional(),
};

export const productCreateSchema = z.strictObject({ name: reqStr(255), external_id: str(100).nullish(), ...common });
/** Documented update fields: no external_id (it is the creation key). */
export const productUpdateSchema = z.strictObject({ id: reqStr(100), name: reqStr(255).optional(), ...common });

type CommonInput = Partial<z.infer<typeof productCreateSchema>>;

function semanticIssues(acct: AccountState, p: CommonInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  (p.category_ids ?? []).forEach((c, i) => {
    if (!acct.categories.has(c)) issues.push({ field: `category_ids.${i}`, message: `unknown category id '${c}'` });
  });
  (p.product_trait_values ?? []).forEach((tv, i) => {
    const t = tv.trait_id ? PRODUCT_TRAITS.find((x) => x.id === tv.trait_id) : PRODUCT_TRAITS.find((x) => x.name === tv.trait_name);
    if (!tv.trait_id && !tv.trait_name) issues.push({ field: `product_trait_values.${i}`, message: "trait_id or trait_name is required" });
    else if (!t) issues.push({ field: `product_trait_values.${i}`, message: `unknown product trait '${tv.trait_id ?? tv.trait_name}'` });
  });
  return issues;
}

function traitValues(p: CommonInput): Product["product_trait_values"] {
  return (p.product_trait_values ?? []).map((tv) => {
    const t = (tv.trait_id ? PRODUCT_TRAITS.find((x) => x.id === tv.trait_id) : PRODUCT_TRAITS.find((x) => x.name === tv.trait_name)) as TraitDef;
    return { trait_id: t.id, trait_name: t.name, value: tv.value, external_id: tv.external_id ?? null };
  });
}

function tags(p: CommonInput): Product["tags"] {
  return (p.tags ?? []).map((t) => ({ name: t.name, value: t.value ?? null, code: t.code ?? null, parent_id: t.parent_id ?? null }));
}

export function createProducts(state: SandboxState, acct: AccountState, items: unknown[]): { data: Product[]; errors: ItemError[] } {
  const data: Product[] = [];
  const errors: ItemError[] = [];
  items.forEach((raw, index) => {
    const parsed = parseWith(productCreateSchema, raw);
    if (!parsed.ok) return void errors.push(validationError(index, parsed.issues));
    const p = parsed.value;
    const issues = semanticIssues(acct, p);
    if (issues.length) return void errors.push(validationError(index, issues));
    const dupId =
      (p.external_id && acct.productsByExternalId.get(p.external_id)) || (p.product_identifier && acct.productsByIdentifier.get(p.product_identifier));
    if (dupId) {
      // DUPLICATED carries no more than JOOR is seen to send (clients look the product up again).
      return void errors.push(itemError("DUPLICATED", index, "Product already exists (same external_id or product_identifier)"));
    }
    const now = state.now();
    const product: Product = {
      id: state.ids.nextString("product"),
      name: p.name,
      external_id: p.external_id ?? null,
      product_identifier: p.product_identifier ?? null,
      description: p.description ?? null,
      order_minimum: p.order_minimum ?? null,
      category_ids: p.category_ids ?? [],
      product_trait_values: traitValues(p),
      tags: tags(p),
      created_at: now,
      modified_at: now,
    };
    acct.putProduct(product);
    data.push(product);
  });
  return { data, errors };
}

export function updateProducts(state: SandboxState, acct: AccountState, items: unknown[]): { data: Product[]; errors: ItemError[] } {
  const data: Product[] = [];
  const errors: ItemError[] = [];
  items.forEach((raw, index) => {
    const parsed = parseWith(productUpdateSchema, raw);
    if (!parsed.ok) return void errors.push(validationError(index, parsed.issues));
    const p = parsed.value;
    const existing = acct.products.get(p.id);
    if (!existing) return void errors.push(itemError("NOT_FOUND", index, `Product ${p.id} not found`, { id: p.id }));
    const issues = semanticIssues(acct, p);
    if (issues.length) return void errors.push(validationError(index, issues, { id: p.id }));
    if (p.product_identifier) {
      const other = acct.productsByIdentifier.get(p.product_identifier);
      if (other && other !== p.id) {
        return void errors.push(itemError("DUPLICATED", index, "Another product has this product_identifier"));
      }
    }
    const next: Product = {
      ...existing,
      name: p.name ?? existing.name,
      product_identifier: p.product_identifier === undefined ? existing.product_identifier : p.product_identifier,
      description: p.description === undefined ? existing.description : p.description,
      order_minimum: p.order_minimum === undefined ? existing.order_minimum : p.order_minimum,
      category_ids: p.category_ids ?? existing.category_ids,
      product_trait_values: p.product_trait_values ? traitValues(p) : existing.product_trait_values,
      tags: p.tags ? tags(p) : existing.tags,
      modified_at: state.now(),
    };
    acct.putProduct(next);
    data.push(next);
  });
  return { data, errors };
}

export function serializeProduct(acct: AccountState, p: Product): Record<string, unknown> {
  return {
    id: p.id,
    name: p.name,
    external_id: p.external_id,
    product_identifier: p.product_identifier,
    description: p.description,
    order_minimum: p.order_minimum,
    categories: p.category_ids.map((id) => {
      const c = acct.categories.get(id);
      return { id, name: c?.name ?? null, parent_name: c?.parent_name ?? null, department: c?.department ?? null };
    }),
    product_trait_values: p.product_trait_values.map((t) => ({ trait: { id: t.trait_id, name: t.trait_name }, value: t.value, external_id: t.external_id })),
    tags: p.tags,
    sku_count: acct.skusByProduct.get(p.id)?.size ?? 0,
    date_created: new Date(p.created_at).toISOString(),
    date_modified: new Date(p.modified_at).toISOString(),
  };
}
