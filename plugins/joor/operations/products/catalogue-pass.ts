import { mayCreateOnJoor, NOT_MATCHED_MESSAGE } from "../part2/create-policy";
import { placeholders, Product, selectScoped, Variant } from "../../../../src/plugin";
import type { JoorClient } from "../../client";
import { sentPayloadHash } from "../../ledger/hash";
import { JOOR_RECORD_KINDS } from "../../ledger/kinds";
import type { JoorLedger, LedgerWrite } from "../../ledger/ledger.service";
import type { JoorSyncRecord } from "../../ledger/sync-record.entity";
import { productExternalId } from "../../mapping/ids";
import { mapProduct } from "../../mapping/product";
import { mapSku, type VariantRecord } from "../../mapping/sku";
import { readAhead } from "../../sources/keyset";
import { SendBehind } from "../../sources/send-behind";
import type { JoorOperationContext } from "../types";
import type { ProductsReport } from "./report";

/** Products per chunk (at most one bulk request of products per chunk, so progress follows the requests). */
const CHUNK = 500;

interface PendingProduct {
  product: Product;
  payload: Record<string, unknown>;
  hash: string;
  before?: JoorSyncRecord;
}

const changed = (full: boolean, before: JoorSyncRecord | undefined, hash: string) =>
  full || before?.status !== "ACCEPTED" || before.payloadHash !== hash || !before.joorId;

/**
 * Products and SKUs: active products stream in chunks of 500 with their variants and ledger rows (a few
 * queries per chunk); a product is sent when its payload changed since JOOR accepted it, then its barcoded
 * variants as SKUs (all of a product's SKUs in one request: the matrix is one colour × the barcoded sizes).
 */
export async function exportCatalogue(
  ctx: JoorOperationContext,
  client: JoorClient | null,
  ledger: JoorLedger,
  categories: Map<string, string>,
  report: ProductsReport,
): Promise<void> {
  // The next chunk (products, variants, ledger rows) is read while JOOR answers the current one's requests;
  // its keys are other records than the current chunk's, so reading their ledger rows early is safe.
  // Plain statements turned into entities (selectScoped): TypeORM's query builder and hydration were a
  // visible share of a 100,000-variant export's CPU.
  async function* readChunks() {
    const size = Math.min(CHUNK, ctx.settings.batchSize);
    for (let after = 0; ;) {
      const chunk = await selectScoped(ctx.data, Product, {
        where: "t.brandId = ? AND t.active = 1 AND t.id > ?",
        params: [after],
        orderBy: `t.id LIMIT ${Number(size)}`,
      });
      if (!chunk.length) return;
      const ids = chunk.map((p) => p.id);
      // `brandId + 0`: through the (productId, position) index, not the brand's whole (brandId, barcode) range per chunk
      const variants = await selectScoped(ctx.data, Variant, {
        where: `t.brandId + 0 = ? AND t.active = 1 AND t.productId IN (${placeholders(ids.length)})`,
        params: [...ids],
        orderBy: "t.productId, t.position",
      });
      const [productRows, skuRows] = await Promise.all([
        ledger.load(JOOR_RECORD_KINDS.PRODUCT, ids.map(String)),
        ledger.load(
          JOOR_RECORD_KINDS.SKU,
          variants.map((v) => String(v.id)),
        ),
      ]);
      yield { chunk, variants, productRows, skuRows };
      if (chunk.length < size) return;
      after = chunk[chunk.length - 1].id;
    }
  }
  // the SKUs of chunk N stay in flight (request, ledger write, progress) while chunk N + 1 is mapped and its
  // products are sent (another JOOR endpoint): SendBehind; its SKUs wait for chunk N's
  await SendBehind.run(async (behind) => {
    for await (const { chunk, variants, productRows, skuRows } of readAhead(readChunks())) {
      ctx.throwIfCancelled();

      // 1. products
      const pending: PendingProduct[] = [];
      const joorIdOf = new Map<number, string>();
      const failedProducts = new Set<number>();
      const createAllowed = mayCreateOnJoor(ctx);
      for (const p of chunk) {
        if (p.category && !categories.has(p.category.trim().toLowerCase())) report.unknownCategories.add(p.category);
        const payload = mapProduct(p, categories);
        const hash = sentPayloadHash(payload);
        const before = productRows.get(String(p.id));
        if (!createAllowed && !before?.joorId) {
          // existing JOOR system: never create what reconcile has not matched (part 2, create-policy.ts)
          failedProducts.add(p.id);
          await ctx.reportIssue({
            entity: "product",
            key: productExternalId(p),
            code: "NOT_MATCHED",
            message: NOT_MATCHED_MESSAGE(`${p.name} (${productExternalId(p)})`),
          });
          continue;
        }
        if (before?.joorId) joorIdOf.set(p.id, before.joorId);
        if (changed(ctx.full, before, hash)) pending.push({ product: p, payload, hash, before });
        else report.products.unchanged++;
      }
      if (pending.length && (ctx.dryRun || !client)) {
        for (const x of pending) {
          const action = x.before?.joorId ? "update" : "create";
          report.products[action === "create" ? "created" : "updated"]++;
          report.wouldSend.add({ kind: "product", key: String(x.product.id), label: productExternalId(x.product), action });
        }
      } else if (pending.length) {
        const results = await client!.products.upsert(pending.map((x) => ({ joorId: x.before?.joorId ?? null, payload: x.payload, ref: x })));
        const writes: LedgerWrite[] = [];
        for (const r of results) {
          const x = r.input.ref;
          const label = productExternalId(x.product);
          if (r.ok) {
            report.products[r.action]++;
            joorIdOf.set(x.product.id, r.joorId);
            writes.push({ key: String(x.product.id), label, joorId: r.joorId, hash: x.hash, status: "ACCEPTED" });
          } else {
            report.products.failed++;
            failedProducts.add(x.product.id);
            writes.push({ key: String(x.product.id), label, joorId: r.joorId, status: "FAILED", message: `${r.error.status}: ${r.error.message}` });
            await ctx.reportIssue({
              entity: "product",
              key: label,
              code: r.error.status,
              message: `${x.product.name} (${label}): JOOR refused the product: ${r.error.message}`,
            });
          }
        }
        await ledger.write(JOOR_RECORD_KINDS.PRODUCT, writes, productRows);
      }

      // 2. SKUs (barcoded active variants of products JOOR has)
      const byId = new Map(chunk.map((p) => [p.id, p]));
      const skus: { variant: Variant; product: Product; payload: ReturnType<typeof mapSku>; hash: string; before?: JoorSyncRecord }[] = [];
      for (const v of variants) {
        const p = byId.get(v.productId)!;
        if (!v.barcode) {
          report.variantsWithoutBarcode++;
          await ctx.reportIssue({
            entity: "variant",
            key: `${productExternalId(p)}/${v.size}`,
            code: "NO_BARCODE",
            message: `${p.name} (${productExternalId(p)}) size ${v.size} has no barcode: not sent to JOOR (its other sizes are)`,
          });
          continue;
        }
        if (failedProducts.has(p.id)) continue;
        const joorProductId = joorIdOf.get(p.id);
        const before = skuRows.get(String(v.id));
        if (!joorProductId) {
          // only in a dry run: the product would be created first
          report.skus.created++;
          report.wouldSend.add({ kind: "sku", key: String(v.id), label: v.barcode, action: "create" });
          continue;
        }
        if (!createAllowed && !before?.joorId) {
          await ctx.reportIssue({
            entity: "variant",
            key: v.barcode,
            code: "NOT_MATCHED",
            message: NOT_MATCHED_MESSAGE(`${p.name} (${productExternalId(p)}) size ${v.size}, barcode ${v.barcode}`),
          });
          continue;
        }
        const payload = mapSku(p, v as VariantRecord & { barcode: string }, joorProductId);
        const hash = sentPayloadHash(payload);
        if (changed(ctx.full, before, hash)) skus.push({ variant: v, product: p, payload, hash, before });
        else report.skus.unchanged++;
      }
      const done = chunk.length - failedProducts.size;
      if (skus.length && (ctx.dryRun || !client)) {
        for (const s of skus) {
          const action = s.before?.joorId ? "update" : "create";
          report.skus[action === "create" ? "created" : "updated"]++;
          report.wouldSend.add({ kind: "sku", key: String(s.variant.id), label: s.variant.barcode!, action });
        }
        ctx.progress.advance(done);
      } else if (skus.length) {
        await behind.push(async () => {
          const results = await client!.skus.upsert(skus.map((s) => ({ joorId: s.before?.joorId ?? null, payload: s.payload, ref: s })));
          const writes: LedgerWrite[] = [];
          for (const r of results) {
            const s = r.input.ref;
            const label = s.variant.barcode!;
            if (r.ok) {
              report.skus[r.action]++;
              writes.push({ key: String(s.variant.id), label, joorId: r.joorId, hash: s.hash, status: "ACCEPTED" });
            } else {
              report.skus.failed++;
              writes.push({ key: String(s.variant.id), label, joorId: r.joorId, status: "FAILED", message: `${r.error.status}: ${r.error.message}` });
              await ctx.reportIssue({
                entity: "variant",
                key: label,
                code: r.error.status,
                message: `${s.product.name} (${productExternalId(s.product)}) size ${s.variant.size}, barcode ${label}: JOOR refused the SKU: ${r.error.message}`,
              });
            }
          }
          await ledger.write(JOOR_RECORD_KINDS.SKU, writes, skuRows);
          ctx.progress.advance(done);
        });
      } else ctx.progress.advance(done);
    }
  });
}
