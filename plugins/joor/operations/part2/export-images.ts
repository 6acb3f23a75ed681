import { AssetsApi } from "../../client/assets";
import { imageOneAsset, smallImageWarning, type JoorAssetItem } from "../../mapping/image-asset";
import { JOOR_IMAGE_RULE, JOOR_IMAGE_SIZE } from "../../mapping/image-rule";
import { imagePages } from "../../sources/image-source";
import { hashOf, ledgerRows, writeLedger, type LedgerRow } from "./ledger-rows";
import { joorProductIds } from "./joor-ids";
import { readAhead } from "../../sources/keyset";
import type { ExportPhase } from "./phase";

export const IMAGE_KIND = "image";
/** Assets per request: JOOR downloads each one while the request waits. */
const ASSETS_PER_REQUEST = 50;

/**
 * export-images: "Image 1" (position 1) of every product on JOOR, by URL — Selvedge's export rendition
 * (`/media/export/660x900/<key>.jpg`: 660×900 ratio, at most 1320×1800, JPEG within JOOR's byte limit),
 * which JOOR downloads. Re-sent only when the picture changed (its SHA-256 is in the URL and the ledger
 * hash); a product without Image 1 is counted; a picture smaller than 660×900 goes with a warning issue.
 */
export const exportImagesPhase: ExportPhase = {
  name: "images",
  async count(ctx) {
    const [row] = (await ctx.data.sql(`SELECT COUNT(*) AS n FROM product WHERE brandId = ? AND active = 1`)) as { n: number }[];
    return Number(row.n);
  },
  async run(ctx, client) {
    const api = new AssetsApi(client.http, ASSETS_PER_REQUEST);
    const rule = JOOR_IMAGE_SIZE;
    const summary = { products: 0, withoutImage1: 0, unchanged: 0, sent: 0, small: 0, notOnJoor: 0, failed: 0 };
    for await (const page of readAhead(imagePages(ctx.data))) {
      ctx.throwIfCancelled();
      const withImage = page.filter((p) => p.image);
      summary.products += page.length;
      summary.withoutImage1 += page.length - withImage.length;
      ctx.progress.advance(page.length - withImage.length);
      if (!withImage.length) continue;
      const joorIds = await joorProductIds(
        ctx.data,
        withImage.map((p) => p.id),
      );
      const ledger = await ledgerRows(
        ctx.data,
        IMAGE_KIND,
        withImage.map((p) => String(p.id)),
      );
      const pending: { product: (typeof page)[number]; item: JoorAssetItem; hash: string; label: string }[] = [];
      for (const product of withImage) {
        const image = product.image!;
        const label = `${product.styleNumber}/${product.colourCode}`;
        const joorProductId = joorIds.get(product.id);
        if (!joorProductId) {
          summary.notOnJoor++;
          ctx.progress.advance();
          continue;
        }
        const hash = hashOf([joorProductId, image.checksum, rule]);
        if (!ctx.full && ledger.get(String(product.id))?.payloadHash === hash) {
          summary.unchanged++;
          ctx.progress.advance();
          continue;
        }
        const url = ctx.host.catalogue.exportUrl(image, JOOR_IMAGE_RULE);
        pending.push({ product, item: imageOneAsset(joorProductId, product.styleNumber, product.colourCode, image.checksum, url), hash, label });
      }
      if (!pending.length) continue;
      const results = ctx.dryRun ? null : await api.replaceImages(pending.map((p) => p.item));
      const entries: LedgerRow[] = [];
      for (const [n, p] of pending.entries()) {
        const r = results?.[n];
        const warning = smallImageWarning(p.product.image!.width, p.product.image!.height);
        if (r && !r.ok) {
          summary.failed++;
          entries.push({
            recordKey: String(p.product.id),
            label: p.label,
            joorId: null,
            joorIds: null,
            payloadHash: p.hash,
            status: "FAILED",
            message: r.error.message,
          });
          await ctx.reportIssue({
            entity: "product",
            key: p.label,
            code: "IMAGE_REFUSED",
            message: `JOOR refused Image 1 (${p.item.asset.filename}): ${r.error.message}`,
          });
          continue;
        }
        summary.sent++;
        if (r)
          entries.push({
            recordKey: String(p.product.id),
            label: p.label,
            joorId: r.data?.id ? String(r.data.id) : null,
            joorIds: { filename: p.item.asset.filename, url: p.item.asset.source_url },
            payloadHash: p.hash,
            status: "ACCEPTED",
            message: null,
          });
        if (warning) {
          summary.small++;
          await ctx.reportIssue({ entity: "product", key: p.label, code: "IMAGE_TOO_SMALL", message: warning });
        } else ctx.progress.advance();
      }
      if (!ctx.dryRun) await writeLedger(ctx.data, IMAGE_KIND, entries, ledger);
    }
    ctx.logger.info(`Images: ${summary.sent} sent, ${summary.unchanged} unchanged, ${summary.withoutImage1} product(s) without Image 1`, summary);
    return summary;
  },
};
