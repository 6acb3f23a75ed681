import { BarcodeReconciler, compareCustomers, type Finding, type JoorSku } from "../../reconcile/compare";
import { connectionPages } from "../../client/connection-list";
import { inventoryPages } from "../../sources/inventory-source";
import { COLOR_TRAIT_ID, SIZE_TRAIT_ID } from "../../mapping/ids";
import type { JoorClient } from "../../client";
import { ledgerRows, writeLedger, type LedgerRow } from "./ledger-rows";
import { PRODUCT_KIND, SKU_KIND } from "./joor-ids";
import type { JoorContext } from "./phase";

export const CUSTOMER_KIND = "customer";

interface JoorSkuRecord {
  id: string;
  product_id?: string;
  identifiers?: { type?: string; value?: string }[] | null;
  trait_values?: { trait?: { id?: string; name?: string }; trait_id?: string; value?: string; external_id?: string | null }[] | null;
}

/**
 * The style number in a JOOR product identifier: the identifier itself, or — for one style card per colour,
 * as export-products writes it (mapping/ids.ts: "<style>-<colour>") — without its "-<colour code>" suffix.
 */
export function styleNumberOf(identifier: string, colourCode: string): string {
  return colourCode && identifier.endsWith(`-${colourCode}`) ? identifier.slice(0, -colourCode.length - 1) : identifier;
}

function traitOf(sku: JoorSkuRecord, traitId: string, name: string) {
  return (sku.trait_values ?? []).find((t) => (t.trait?.id ?? t.trait_id) === traitId || t.trait?.name === name);
}

/**
 * reconcile (an existing JOOR system): reads every JOOR customer and SKU (paged, through the shared credit
 * budget) and compares them with Selvedge's account codes and barcodes (reconcile/compare.ts). Every mismatch
 * is a job issue; what matches exactly is recorded in the ledger (the JOOR connection, product and SKU ids),
 * so the exports update those JOOR records instead of creating new ones.
 */
export async function runReconcile(ctx: JoorContext, client: JoorClient): Promise<Record<string, unknown>> {
  const byCode: Record<string, number> = {};
  const report = async (f: Finding) => {
    byCode[f.code] = (byCode[f.code] ?? 0) + 1;
    await ctx.reportIssue({ entity: f.entity, key: f.key, code: f.code, message: f.message });
  };

  // customers
  ctx.progress.setPhase("customers");
  const joorCustomers: { code: string; connectionId: string }[] = [];
  for await (const page of connectionPages(client.http)) joorCustomers.push(...page.map((c) => ({ code: c.customerCode, connectionId: c.connectionId })));
  const local = (await ctx.data.sql(
    `SELECT id, accountCode FROM customer WHERE brandId = ? AND status = 'ACTIVE' AND accountCode IS NOT NULL AND accountCode <> ''`,
  )) as { id: number; accountCode: string }[];
  const customers = compareCustomers(
    local.map((c) => c.accountCode),
    joorCustomers,
  );
  const [variantCount] = (await ctx.data.sql(`SELECT COUNT(*) AS n FROM variant WHERE brandId = ? AND barcode IS NOT NULL`)) as { n: number }[];
  ctx.progress.setTotal(local.length + Number(variantCount.n));
  for (const f of customers.findings) await report(f);
  const idByCode = new Map(local.map((c) => [c.accountCode, Number(c.id)]));
  const customerRows: LedgerRow[] = customers.matched.map((m) => ({
    recordKey: String(idByCode.get(m.code)),
    label: m.code,
    joorId: m.connectionId || null,
    joorIds: { matchedBy: "reconcile" },
    payloadHash: null,
    status: "ACCEPTED",
    message: null,
  }));
  if (!ctx.dryRun) await keepKnownHashes(ctx, CUSTOMER_KIND, customerRows);
  ctx.progress.advance(customers.matched.length);
  const customerFindings = customers.findings.filter((f) => f.code !== "CUSTOMER_ONLY_IN_JOOR").length;
  if (local.length - customers.matched.length > customerFindings) ctx.progress.advance(local.length - customers.matched.length - customerFindings);

  // SKUs: JOOR's products (style numbers) and SKUs first, then Selvedge's variants page by page
  ctx.progress.setPhase("barcodes");
  const styleOf = new Map<string, string>();
  for await (const page of client.products.pages()) for (const p of page) styleOf.set(String(p.id), String(p.product_identifier ?? p.external_id ?? ""));
  const barcodes = new BarcodeReconciler();
  for await (const page of client.skus.pages() as AsyncGenerator<JoorSkuRecord[]>) {
    for (const sku of page) {
      const upc = (sku.identifiers ?? []).find((i) => i.value)?.value;
      if (!upc) continue;
      const product = String(sku.product_id ?? "");
      const colourCode = String(traitOf(sku, COLOR_TRAIT_ID, "Color")?.external_id ?? "");
      barcodes.addJoor({
        upc: String(upc),
        skuId: String(sku.id),
        productId: product,
        styleNumber: styleNumberOf(styleOf.get(product) ?? "", colourCode),
        colourCode,
        size: String(traitOf(sku, SIZE_TRAIT_ID, "Size")?.value ?? ""),
      } satisfies JoorSku);
    }
  }
  const joorSkus = barcodes.joorCount;
  let matchedSkus = 0;
  let barcodeFindings = 0;
  for await (const page of inventoryPages(ctx.data, [])) {
    ctx.throwIfCancelled();
    const skuRows: LedgerRow[] = [];
    const productRows = new Map<number, LedgerRow>();
    for (const v of page) {
      if (!v.barcode) continue;
      const result = barcodes.check({ barcode: v.barcode, styleNumber: v.styleNumber, colourCode: v.colourCode, size: v.size });
      if ("finding" in result) {
        barcodeFindings++;
        await report(result.finding);
        continue;
      }
      matchedSkus++;
      ctx.progress.advance();
      skuRows.push({
        recordKey: String(v.id),
        label: v.barcode,
        joorId: result.matched.skuId,
        joorIds: { matchedBy: "reconcile" },
        payloadHash: null,
        status: "ACCEPTED",
        message: null,
      });
      if (result.matched.productId && !productRows.has(v.productId)) {
        productRows.set(v.productId, {
          recordKey: String(v.productId),
          label: `${v.styleNumber}/${v.colourCode}`,
          joorId: result.matched.productId,
          joorIds: { matchedBy: "reconcile" },
          payloadHash: null,
          status: "ACCEPTED",
          message: null,
        });
      }
    }
    if (!ctx.dryRun) {
      await keepKnownHashes(ctx, SKU_KIND, skuRows);
      await keepKnownHashes(ctx, PRODUCT_KIND, [...productRows.values()]);
    }
  }
  let joorOnly = 0;
  for (const f of barcodes.joorOnly()) {
    joorOnly++;
    await report(f);
  }
  ctx.progress.setPhase(null);
  const summary = {
    customers: { selvedge: local.length, joor: joorCustomers.length, matched: customers.matched.length, findings: customers.findings.length },
    barcodes: { joor: joorSkus, matched: matchedSkus, findings: barcodeFindings + joorOnly },
    mismatches: byCode,
  };
  ctx.logger.info(
    `Reconcile: ${customers.matched.length} customer(s) and ${matchedSkus} barcode(s) matched; ${summary.customers.findings + summary.barcodes.findings} mismatch(es)`,
    summary,
  );
  return summary;
}

/** Records matches without forgetting what an export already recorded (a row JOOR accepted keeps its hash). */
async function keepKnownHashes(ctx: JoorContext, kind: string, entries: LedgerRow[]): Promise<void> {
  if (!entries.length) return;
  const existing = await ledgerRows(
    ctx.data,
    kind,
    entries.map((e) => e.recordKey),
  );
  const fresh = entries.filter((e) => existing.get(e.recordKey)?.joorId !== e.joorId);
  await writeLedger(ctx.data, kind, fresh);
}
