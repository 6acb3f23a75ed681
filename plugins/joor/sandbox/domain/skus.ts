/**
 * v4 SKUs: exactly one Color and one Size trait value each (JOOR's fixed trait ids), identifiers
 * (UPC/GTIN/EAN/MPN), and JOOR's rule that every colour × size combination of a product exists.
 * Sizes and colours are compared verbatim (case-sensitive: "Small" ≠ "small").
 */
import { z } from "zod";
import { AccountState } from "../state/account";
import type { SandboxState } from "../state/state";
import { COLOR_TRAIT_ID, type Sku, SIZE_TRAIT_ID, type SkuTraitValue } from "../types";
import { type FieldIssue, type ItemError, itemError, parseWith, reqStr, str, validationError } from "../validation";

const traitValueSchema = z.strictObject({
  trait_id: reqStr(100),
  value: reqStr(100).refine((v) => v === v.trim(), "must not start or end with spaces"),
  external_id: str(100).nullish(),
  order_minimum: z.int().min(0).nullish(),
  status: z.enum(["ACTIVE", "INACTIVE"]).optional(),
});

/**
 * Identifier types in any case: JOOR's own example is `{ "type": "upc", "value": "03338300740" }`
 * (lower case, 11 digits) [DOC how-to-create-update-sku-data]. The type is stored upper-cased; the
 * value verbatim (leading zeros kept). Barcodes are 8, 11 (JOOR's example), 12, 13 or 14 digits.
 */
const identifierSchema = z
  .strictObject({
    type: z
      .string({ error: "type must be one of UPC, GTIN, EAN, MPN (any case)" })
      .transform((t) => t.toUpperCase())
      .pipe(z.enum(["UPC", "GTIN", "EAN", "MPN"], { error: "type must be one of UPC, GTIN, EAN, MPN (any case)" })),
    value: reqStr(50),
  })
  .superRefine((id, c) => {
    if (id.type !== "MPN" && !/^(\d{8}|\d{11,14})$/.test(id.value)) {
      c.addIssue({ code: "custom", path: ["value"], message: `${id.type} must be 8, 11, 12, 13 or 14 digits` });
    }
  });

export const skuCreateSchema = z.strictObject({
  product_id: reqStr(100),
  external_id: str(100).nullish(),
  sku_identifier: str(100).nullish(),
  trait_values: z.array(traitValueSchema).min(1, "at least the Color and Size trait values are required"),
  identifiers: z.array(identifierSchema).optional(),
});

export const skuUpdateSchema = z.strictObject({
  id: reqStr(200),
  external_id: str(100).nullish(),
  sku_identifier: str(100).nullish(),
  trait_values: z.array(traitValueSchema).optional(),
  identifiers: z.array(identifierSchema).optional(),
});

export const skuUpdateByExternalIdSchema = z.strictObject({
  external_id: reqStr(100),
  sku_identifier: str(100).nullish(),
  trait_values: z.array(traitValueSchema).optional(),
  identifiers: z.array(identifierSchema).optional(),
});

type TraitInput = z.infer<typeof traitValueSchema>;

function toTrait(t: TraitInput, prev?: SkuTraitValue): SkuTraitValue {
  return {
    value: t.value,
    external_id: t.external_id === undefined ? (prev?.external_id ?? null) : t.external_id,
    order_minimum: t.order_minimum === undefined ? (prev?.order_minimum ?? null) : t.order_minimum,
    status: t.status ?? prev?.status ?? "ACTIVE",
  };
}

/** Split trait values into Color and Size; `partial` allows either to be absent (updates). */
function splitTraits(list: TraitInput[], partial: boolean): { color?: TraitInput; size?: TraitInput; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  let color: TraitInput | undefined;
  let size: TraitInput | undefined;
  list.forEach((t, i) => {
    if (t.trait_id === COLOR_TRAIT_ID) {
      if (color) issues.push({ field: `trait_values.${i}`, message: "more than one Color trait value" });
      color = t;
    } else if (t.trait_id === SIZE_TRAIT_ID) {
      if (size) issues.push({ field: `trait_values.${i}`, message: "more than one Size trait value" });
      size = t;
    } else {
      issues.push({
        field: `trait_values.${i}.trait_id`,
        message: `SKU traits are Color (${COLOR_TRAIT_ID}) and Size (${SIZE_TRAIT_ID}); got '${t.trait_id}'`,
      });
    }
  });
  if (!partial && !color) issues.push({ field: "trait_values", message: `a Color trait value (trait_id ${COLOR_TRAIT_ID}) is required` });
  if (!partial && !size) issues.push({ field: "trait_values", message: `a Size trait value (trait_id ${SIZE_TRAIT_ID}) is required` });
  return { color, size, issues };
}

interface Candidate {
  index: number;
  sku: Sku;
  isNew: boolean;
}

/** Pending view of the batch: SKUs accepted so far, keyed like the account indexes. */
class Batch {
  readonly byUpc = new Map<string, string>();
  readonly byExternal = new Map<string, string>();
  readonly byCombo = new Map<string, string>();
  readonly candidates: Candidate[] = [];
  add(c: Candidate): void {
    this.candidates.push(c);
    for (const i of c.sku.identifiers) if (i.type !== "MPN") this.byUpc.set(i.value, c.sku.id);
    if (c.sku.external_id) this.byExternal.set(c.sku.external_id, c.sku.id);
    this.byCombo.set(AccountState.comboKey(c.sku.product_id, c.sku.color.value, c.sku.size.value), c.sku.id);
  }
}

function duplicateOf(acct: AccountState, batch: Batch, sku: Sku): { status: string; message: string; details: Record<string, unknown> } | null {
  const combo = AccountState.comboKey(sku.product_id, sku.color.value, sku.size.value);
  const comboHit = batch.byCombo.get(combo) ?? acct.skusByCombo.get(combo);
  if (comboHit && comboHit !== sku.id) {
    return {
      status: "DUPLICATED",
      message: `SKU ${sku.color.value}/${sku.size.value} already exists for product ${sku.product_id}`,
      details: { sku_id: comboHit },
    };
  }
  for (const id of sku.identifiers) {
    if (id.type === "MPN") continue;
    const hit = batch.byUpc.get(id.value) ?? acct.skusByUpc.get(id.value);
    if (hit && hit !== sku.id) return { status: "DUPLICATED", message: `${id.type} ${id.value} is already used by SKU ${hit}`, details: { sku_id: hit } };
  }
  if (sku.external_id) {
    const hit = batch.byExternal.get(sku.external_id) ?? acct.skusByExternalId.get(sku.external_id);
    if (hit && hit !== sku.id)
      return { status: "DUPLICATED", message: `external_id ${sku.external_id} is already used by SKU ${hit}`, details: { sku_id: hit } };
  }
  return null;
}

/**
 * Product-level rules over the product's SKUs as they would be after the batch: a full colour ×
 * size matrix, and one external_id per colour value and per size value.
 */
function productIssues(
  acct: AccountState,
  productId: string,
  batchSkus: Sku[],
  structural: boolean,
): { status: string; message: string; details: Record<string, unknown> } | null {
  const merged = new Map<string, Sku>();
  for (const s of acct.productSkus(productId)) merged.set(s.id, s);
  for (const s of batchSkus) merged.set(s.id, s);
  const colors: string[] = [];
  const sizes: string[] = [];
  const have = new Set<string>();
  const colorCodes = new Map<string, string | null>();
  const sizeCodes = new Map<string, string | null>();
  for (const s of merged.values()) {
    if (!colorCodes.has(s.color.value)) colors.push(s.color.value);
    if (!sizeCodes.has(s.size.value)) sizes.push(s.size.value);
    for (const [codes, tv, what] of [
      [colorCodes, s.color, "colour"],
      [sizeCodes, s.size, "size"],
    ] as const) {
      if (codes.has(tv.value) && codes.get(tv.value) !== tv.external_id) {
        return {
          status: "VALIDATION_ERROR",
          message: `${what} '${tv.value}' has two external_ids ('${codes.get(tv.value)}' and '${tv.external_id}'); one code per ${what}`,
          details: { product_id: productId },
        };
      }
      codes.set(tv.value, tv.external_id);
    }
    have.add(`${s.color.value}\u0000${s.size.value}`);
  }
  // The matrix is checked when the batch adds SKUs or renames a colour/size; a status-only
  // update is not blocked by a gap that already existed (e.g. a SKU deleted on JOOR's side).
  if (!structural) return null;
  const missing: Array<{ color: string; size: string }> = [];
  for (const c of colors) for (const z of sizes) if (!have.has(`${c}\u0000${z}`)) missing.push({ color: c, size: z });
  if (missing.length) {
    const shown = missing
      .slice(0, 10)
      .map((m) => `${m.color}/${m.size}`)
      .join(", ");
    return {
      status: "INCOMPLETE_MATRIX",
      message: `Every colour × size combination of product ${productId} must be sent; missing ${missing.length}: ${shown}${missing.length > 10 ? ", …" : ""} (sizes are case-sensitive)`,
      details: { product_id: productId, colors, sizes, missing },
    };
  }
  return null;
}

type Mode = "create" | "update" | "update_by_external_id";

export function writeSkus(state: SandboxState, acct: AccountState, items: unknown[], mode: Mode): { data: Sku[]; errors: ItemError[] } {
  const errors: ItemError[] = [];
  const batch = new Batch();
  const now = state.now();

  items.forEach((raw, index) => {
    let sku: Sku;
    let isNew = false;
    if (mode === "create") {
      const parsed = parseWith(skuCreateSchema, raw);
      if (!parsed.ok) return void errors.push(validationError(index, parsed.issues));
      const p = parsed.value;
      const { color, size, issues } = splitTraits(p.trait_values, false);
      if (!acct.products.has(p.product_id)) issues.push({ field: "product_id", message: `unknown product '${p.product_id}'` });
      if (issues.length) return void errors.push(validationError(index, issues));
      isNew = true;
      sku = {
        id: "",
        product_id: p.product_id,
        external_id: p.external_id ?? null,
        sku_identifier: p.sku_identifier ?? null,
        color: toTrait(color as TraitInput),
        size: toTrait(size as TraitInput),
        identifiers: p.identifiers ?? [],
        created_at: now,
        modified_at: now,
      };
    } else {
      const parsed = mode === "update" ? parseWith(skuUpdateSchema, raw) : parseWith(skuUpdateByExternalIdSchema, raw);
      if (!parsed.ok) return void errors.push(validationError(index, parsed.issues));
      const p = parsed.value as z.infer<typeof skuUpdateSchema> & z.infer<typeof skuUpdateByExternalIdSchema>;
      const id = mode === "update" ? p.id : acct.skusByExternalId.get(p.external_id as string);
      const existing = id === undefined ? undefined : acct.skus.get(id);
      if (!existing)
        return void errors.push(
          itemError("NOT_FOUND", index, mode === "update" ? `SKU ${p.id} not found` : `No SKU with external_id ${p.external_id}`, {
            id: p.id ?? null,
            external_id: p.external_id ?? null,
          }),
        );
      const { color, size, issues } = splitTraits(p.trait_values ?? [], true);
      if (issues.length) return void errors.push(validationError(index, issues, { id: existing.id }));
      sku = {
        ...existing,
        external_id: mode === "update" && p.external_id !== undefined ? p.external_id : existing.external_id,
        sku_identifier: p.sku_identifier === undefined ? existing.sku_identifier : p.sku_identifier,
        color: color ? toTrait(color, existing.color) : existing.color,
        size: size ? toTrait(size, existing.size) : existing.size,
        identifiers: p.identifiers ?? existing.identifiers,
        modified_at: now,
      };
    }
    if (isNew) sku.id = "(new)";
    const dup = duplicateOf(acct, batch, sku);
    if (dup) return void errors.push(itemError(dup.status, index, dup.message, dup.details));
    if (isNew) sku.id = state.ids.skuId(sku.product_id);
    batch.add({ index, sku, isNew });
  });

  // Product-level rules, all-or-nothing per product within the batch.
  const byProduct = new Map<string, Candidate[]>();
  for (const c of batch.candidates) {
    let list = byProduct.get(c.sku.product_id);
    if (!list) byProduct.set(c.sku.product_id, (list = []));
    list.push(c);
  }
  const accepted: Candidate[] = [];
  for (const [productId, list] of byProduct) {
    const structural = list.some((c) => {
      const before = acct.skus.get(c.sku.id);
      return c.isNew || !before || before.color.value !== c.sku.color.value || before.size.value !== c.sku.size.value;
    });
    const problem = productIssues(
      acct,
      productId,
      list.map((c) => c.sku),
      structural,
    );
    if (problem) {
      for (const c of list) errors.push(itemError(problem.status, c.index, problem.message, { ...problem.details, ...(c.isNew ? {} : { id: c.sku.id }) }));
    } else {
      accepted.push(...list);
    }
  }
  accepted.sort((a, b) => a.index - b.index);
  const toggled = new Set<string>();
  for (const c of accepted) {
    const before = acct.skus.get(c.sku.id);
    acct.putSku(c.sku);
    // Status belongs to the colour / size value: (de)activating it on one SKU applies to the
    // product's other SKUs with that colour / size ("removes that colour from being shoppable").
    if (before && before.color.status !== c.sku.color.status) {
      for (const s of acct.productSkus(c.sku.product_id)) {
        if (s.color.value !== c.sku.color.value) continue;
        if (s.color.status !== c.sku.color.status || s.id === c.sku.id) toggled.add(s.id);
        s.color = { ...s.color, status: c.sku.color.status };
      }
    }
    if (before && before.size.status !== c.sku.size.status) {
      for (const s of acct.productSkus(c.sku.product_id)) {
        if (s.size.value !== c.sku.size.value) continue;
        if (s.size.status !== c.sku.size.status || s.id === c.sku.id) toggled.add(s.id);
        s.size = { ...s.size, status: c.sku.size.status };
      }
    }
  }
  if (toggled.size) ordersChangedByStatus(state, acct, toggled, now);
  errors.sort((a, b) => (a.details.index as number) - (b.details.index as number));
  return { data: accepted.map((c) => c.sku), errors };
}

/**
 * INACTIVE removes a colour/size from every order, and reactivating reinstates it [DOC]: on JOOR's
 * side those orders changed, so an exported one becomes "modified since last export".
 */
function ordersChangedByStatus(state: SandboxState, acct: AccountState, skuIds: Set<string>, now: number): void {
  const orders = acct.ordersWithSkus(skuIds);
  for (const o of orders) {
    acct.updateOrder(o, (x) => {
      x.date_modified = now;
      if (x.export_bucket === "EXPORTED") x.export_bucket = "MODIFIED";
    });
  }
  if (orders.length) state.changed();
}

export function skuStatus(s: Sku): "ACTIVE" | "INACTIVE" {
  return s.color.status === "INACTIVE" || s.size.status === "INACTIVE" ? "INACTIVE" : "ACTIVE";
}

export function serializeSku(acct: AccountState, s: Sku): Record<string, unknown> {
  const siblings = acct.productSkus(s.product_id);
  const colorOrder: string[] = [];
  const sizeOrder: string[] = [];
  for (const x of siblings) {
    if (!colorOrder.includes(x.color.value)) colorOrder.push(x.color.value);
    if (!sizeOrder.includes(x.size.value)) sizeOrder.push(x.size.value);
  }
  const images = acct
    .productAssets(s.product_id)
    .filter((a) => a.color && (a.color.value === s.color.value || (a.color.external_id !== null && a.color.external_id === s.color.external_id)));
  const tv = (trait: { id: string; name: string }, v: SkuTraitValue, nbr: number, withImages: boolean) => ({
    trait,
    value: v.value,
    external_id: v.external_id,
    order_minimum: v.order_minimum,
    order_nbr: nbr,
    status: v.status,
    hexColor: null,
    swatch: withImages ? (images.find((a) => a.type === "swatch")?.source_url ?? null) : null,
    // A real SKU GET shows `images: null` when there are none (joor-api.md §7a), not [].
    images:
      withImages && images.some((a) => a.type === "image")
        ? images.filter((a) => a.type === "image").map((a) => ({ id: a.id, url: a.source_url, width: a.width, height: a.height }))
        : null,
  });
  return {
    id: s.id,
    product_id: s.product_id,
    external_id: s.external_id,
    sku_identifier: s.sku_identifier,
    trait_values: [
      tv({ id: COLOR_TRAIT_ID, name: "Color" }, s.color, colorOrder.indexOf(s.color.value) + 1, true),
      tv({ id: SIZE_TRAIT_ID, name: "Size" }, s.size, sizeOrder.indexOf(s.size.value) + 1, false),
    ],
    identifiers: s.identifiers,
    status: skuStatus(s),
  };
}
