import { In, Not } from "typeorm";
import type { BrandScope } from "../../db/brand-scope";
import { InputProblems } from "../../api/errors";
import { barcodeProblem } from "../../domain/barcode";
import { Variant } from "../../entities/variant.entity";

export interface BarcodeCandidate {
  field: string;
  barcode: string;
  /** The variant that will carry it (excluded from the uniqueness check). */
  variantId?: number;
}

/**
 * GS1 check digit, and uniqueness per brand: against each other in the same request and against
 * every other variant of the brand. Adds one problem per bad barcode.
 */
export async function checkBarcodes(scope: BrandScope, candidates: BarcodeCandidate[], p: InputProblems): Promise<void> {
  const seen = new Map<string, string>();
  const valid: BarcodeCandidate[] = [];
  for (const c of candidates) {
    const problem = barcodeProblem(c.barcode);
    if (problem) p.add(c.field, problem);
    else if (seen.has(c.barcode)) p.add(c.field, `Barcode ${c.barcode} is used twice in this request (also at ${seen.get(c.barcode)})`);
    else {
      seen.set(c.barcode, c.field);
      valid.push(c);
    }
  }
  if (!valid.length) return;
  const excluded = valid.map((c) => c.variantId).filter((id): id is number => id !== undefined);
  const taken = await scope.repo(Variant).find({
    select: { id: true, barcode: true },
    where: { barcode: In(valid.map((c) => c.barcode)), ...(excluded.length ? { id: Not(In(excluded)) } : {}) },
  });
  const takenSet = new Set(taken.map((v) => v.barcode));
  for (const c of valid) if (takenSet.has(c.barcode)) p.add(c.field, `Barcode ${c.barcode} is already used by another variant of this brand`);
}

/** Trimmed barcode, or null for empty. */
export function normaliseBarcode(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const t = value.trim();
  return t === "" ? null : t;
}
