import { In } from "typeorm";
import type { BrandScope } from "../../db/brand-scope";
import { InputProblems } from "../../api/errors";
import { Customer } from "../../entities/customer.entity";
import { SeasonPrice } from "../../entities/season-price.entity";
import { Season } from "../../entities/season.entity";
import { User } from "../../entities/user.entity";
import { Variant } from "../../entities/variant.entity";
import { toStoredMoney } from "../../domain/money";
import { LineFields } from "./order-rules";

/**
 * Turns the ids and barcodes of an order input into rows of the caller's brand. Anything unknown (or of
 * another brand, which is the same thing to the caller) becomes a problem on the field that named it.
 */

export interface NewLine {
  variantId: number;
  quantity: number;
  /** As stored: 4 decimals. */
  unitPrice: string;
  /** Amount off the whole line, as stored; null = none. */
  discount: string | null;
}

/** A positive integer id, or a problem on `field`. */
export function idOrProblem(p: InputProblems, field: string, value: string | number | null | undefined): number | null {
  if (value === undefined || value === null) return null;
  const n = typeof value === "number" ? value : /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) {
    p.add(field, `"${value}" is not a valid id`);
    return null;
  }
  return n;
}

export async function findCustomer(scope: BrandScope, p: InputProblems, id: number): Promise<Customer | null> {
  const customer = await scope.repo(Customer).findOneBy({ id });
  if (!customer) p.add("customerId", `Customer ${id} was not found`);
  return customer;
}

export async function checkSeason(scope: BrandScope, p: InputProblems, id: number | null): Promise<void> {
  if (id !== null && !(await scope.repo(Season).exists({ id }))) p.add("seasonId", `Season ${id} was not found`);
}

export async function checkOwner(scope: BrandScope, p: InputProblems, id: number | null): Promise<void> {
  if (id !== null && !(await scope.repo(User).exists({ id }))) p.add("ownerId", `User ${id} was not found`);
}

/**
 * Resolves lines (already checked by validateLines) to variants of the brand, and fills a missing unit price
 * with the product's wholesale price for the season and currency. Two or three statements whatever the size.
 */
export async function resolveLines(
  scope: BrandScope,
  p: InputProblems,
  prefix: string,
  lines: LineFields[],
  pricing: { seasonId: number | null; currency: string | null },
): Promise<NewLine[]> {
  const ids = lines.map((l, i) => idOrProblem(p, `${prefix}[${i}].variantId`, l.variantId));
  const barcodes = lines.map((l) => (l.barcode ? l.barcode.trim() : null));
  const variants = await findVariants(scope, ids, barcodes);
  const resolved = lines.map((_, i) => {
    const v = ids[i] !== null ? variants.byId.get(ids[i]!) : barcodes[i] !== null ? variants.byBarcode.get(barcodes[i]!) : undefined;
    if (!v && ids[i] !== null) p.add(`${prefix}[${i}].variantId`, `Variant ${ids[i]} was not found`);
    if (!v && barcodes[i] !== null) p.add(`${prefix}[${i}].barcode`, `No variant has barcode "${barcodes[i]}"`);
    return v ?? null;
  });
  const prices = await wholesalePrices(scope, lines, resolved, pricing);
  const out: NewLine[] = [];
  lines.forEach((line, i) => {
    const variant = resolved[i];
    if (!variant) return;
    const given = line.unitPrice === undefined || line.unitPrice === null ? null : String(line.unitPrice).trim();
    const price = given ?? prices.get(variant.productId) ?? null;
    if (price === null) {
      const where = pricing.seasonId === null ? "the order has no season" : `no wholesale price in ${pricing.currency} for this product in the order's season`;
      p.add(`${prefix}[${i}].unitPrice`, `is required (${where})`);
      return;
    }
    const discount = line.discount === undefined || line.discount === null ? null : toStoredMoney(String(line.discount).trim());
    out.push({ variantId: variant.id, quantity: line.quantity, unitPrice: toStoredMoney(price), discount });
  });
  return out;
}

async function findVariants(scope: BrandScope, ids: (number | null)[], barcodes: (string | null)[]) {
  const wantedIds = [...new Set(ids.filter((id): id is number => id !== null))];
  const wantedBarcodes = [...new Set(barcodes.filter((b): b is string => b !== null))];
  const repo = scope.repo(Variant);
  const rows = [
    ...(wantedIds.length ? await repo.findBy({ id: In(wantedIds) }) : []),
    ...(wantedBarcodes.length ? await repo.findBy({ barcode: In(wantedBarcodes) }) : []),
  ];
  return {
    byId: new Map(rows.map((v) => [v.id, v])),
    byBarcode: new Map(rows.filter((v) => v.barcode).map((v) => [v.barcode!, v])),
  };
}

/** productId → wholesale price (as stored) for the lines that need a default price. */
async function wholesalePrices(
  scope: BrandScope,
  lines: LineFields[],
  variants: (Variant | null)[],
  pricing: { seasonId: number | null; currency: string | null },
): Promise<Map<number, string>> {
  const productIds = [
    ...new Set(
      variants.filter((v, i): v is Variant => v !== null && (lines[i].unitPrice === undefined || lines[i].unitPrice === null)).map((v) => v.productId),
    ),
  ];
  if (!productIds.length || pricing.seasonId === null || pricing.currency === null) return new Map();
  const rows = await scope.repo(SeasonPrice).findBy({ seasonId: pricing.seasonId, currency: pricing.currency, productId: In(productIds) });
  return new Map(rows.map((r) => [r.productId, r.wholesale]));
}
