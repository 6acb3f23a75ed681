/**
 * Reconcile (an existing JOOR system): compares Selvedge's account codes and barcodes with JOOR's customer
 * codes and SKU UPCs. Pure: the operation feeds both sides in and turns the findings into job issues.
 *
 * Rules:
 * - a code (or barcode) matches only when it is identical on both sides;
 * - codes equal once case and spacing are ignored ("abc 01" / "ABC01") are reported as CODE_CASE_OR_SPACING
 *   and are NOT matched (JOOR's customer code is the exact upsert key: exporting would create a second
 *   customer);
 * - a barcode on both sides attached to a different style / colour / size is BARCODE_ON_DIFFERENT_SKU and
 *   is not matched;
 * - anything else present on one side only is CUSTOMER_ONLY_IN_SELVEDGE / CUSTOMER_ONLY_IN_JOOR /
 *   BARCODE_ONLY_IN_SELVEDGE / BARCODE_ONLY_IN_JOOR.
 */

export type ReconcileCode =
  | "CUSTOMER_ONLY_IN_SELVEDGE"
  | "CUSTOMER_ONLY_IN_JOOR"
  | "CODE_CASE_OR_SPACING"
  | "BARCODE_ONLY_IN_SELVEDGE"
  | "BARCODE_ONLY_IN_JOOR"
  | "BARCODE_ON_DIFFERENT_SKU";

export interface Finding {
  entity: "customer" | "variant";
  key: string;
  code: ReconcileCode;
  message: string;
}

/** Case and spacing ignored: what two codes that "differ only by case or spacing" have in common. */
export const looseCode = (code: string): string => code.replace(/\s+/g, "").toUpperCase();

export interface JoorCustomer {
  code: string;
  connectionId: string;
}

export interface CustomerComparison {
  matched: { code: string; connectionId: string }[];
  findings: Finding[];
}

export function compareCustomers(selvedgeCodes: readonly string[], joor: readonly JoorCustomer[]): CustomerComparison {
  const joorExact = new Map(joor.map((c) => [c.code, c]));
  const joorLoose = new Map<string, JoorCustomer[]>();
  for (const c of joor) joorLoose.set(looseCode(c.code), [...(joorLoose.get(looseCode(c.code)) ?? []), c]);
  const selvedgeExact = new Set(selvedgeCodes);
  const selvedgeLoose = new Set(selvedgeCodes.map(looseCode));
  const matched: CustomerComparison["matched"] = [];
  const findings: Finding[] = [];
  for (const code of selvedgeCodes) {
    const exact = joorExact.get(code);
    if (exact) {
      matched.push({ code, connectionId: exact.connectionId });
      continue;
    }
    const near = (joorLoose.get(looseCode(code)) ?? []).filter((c) => !selvedgeExact.has(c.code));
    if (near.length) {
      findings.push({
        entity: "customer",
        key: code,
        code: "CODE_CASE_OR_SPACING",
        message: `Account code "${code}" differs only by case or spacing from JOOR customer code ${near.map((c) => `"${c.code}"`).join(", ")}: make them identical (JOOR matches customer codes exactly)`,
      });
    } else {
      findings.push({
        entity: "customer",
        key: code,
        code: "CUSTOMER_ONLY_IN_SELVEDGE",
        message: `Account code "${code}" has no JOOR customer with that customer code`,
      });
    }
  }
  for (const c of joor) {
    if (selvedgeExact.has(c.code)) continue;
    if (selvedgeLoose.has(looseCode(c.code))) continue; // reported once, from the Selvedge side
    findings.push({
      entity: "customer",
      key: c.code,
      code: "CUSTOMER_ONLY_IN_JOOR",
      message: `JOOR customer code "${c.code}" (connection ${c.connectionId}) has no Selvedge customer with that account code`,
    });
  }
  return { matched, findings };
}

/** A SKU as both sides describe it. Sizes are compared exactly (JOOR's sizes are case-sensitive). */
export interface SkuIdentity {
  styleNumber: string;
  colourCode: string;
  size: string;
}

export interface JoorSku extends SkuIdentity {
  skuId: string;
  productId: string;
  upc: string;
}

const describe = (s: SkuIdentity) => `${s.styleNumber} / ${s.colourCode} / ${s.size}`;
const sameSku = (a: SkuIdentity, b: SkuIdentity) => a.styleNumber === b.styleNumber && a.colourCode === b.colourCode && a.size === b.size;

/**
 * Barcodes, streamed: JOOR's SKUs are loaded first (paged), then Selvedge's variants are checked page by
 * page; what is left of JOOR's side at the end is on JOOR only.
 */
export class BarcodeReconciler {
  private readonly joor = new Map<string, JoorSku>();

  addJoor(sku: JoorSku): void {
    this.joor.set(sku.upc, sku);
  }

  get joorCount(): number {
    return this.joor.size;
  }

  /** A Selvedge variant with a barcode: matched (with the JOOR SKU) or a finding. */
  check(variant: SkuIdentity & { barcode: string }): { matched: JoorSku } | { finding: Finding } {
    const sku = this.joor.get(variant.barcode);
    if (!sku) {
      return {
        finding: {
          entity: "variant",
          key: variant.barcode,
          code: "BARCODE_ONLY_IN_SELVEDGE",
          message: `Barcode ${variant.barcode} (${describe(variant)}) is not on any JOOR SKU`,
        },
      };
    }
    this.joor.delete(variant.barcode);
    if (!sameSku(sku, variant)) {
      return {
        finding: {
          entity: "variant",
          key: variant.barcode,
          code: "BARCODE_ON_DIFFERENT_SKU",
          message: `Barcode ${variant.barcode} is ${describe(variant)} in Selvedge but ${describe(sku)} on JOOR (SKU ${sku.skuId})`,
        },
      };
    }
    return { matched: sku };
  }

  /** JOOR SKUs whose barcode no Selvedge variant has (call after every variant was checked). */
  *joorOnly(): Iterable<Finding> {
    for (const sku of this.joor.values()) {
      yield {
        entity: "variant",
        key: sku.upc,
        code: "BARCODE_ONLY_IN_JOOR",
        message: `JOOR SKU ${sku.skuId} (${describe(sku)}) has barcode ${sku.upc}, which no Selvedge variant has`,
      };
    }
  }
}
