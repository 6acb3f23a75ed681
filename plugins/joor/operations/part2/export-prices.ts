import { mapProductPrices, UnmappedCurrencies, type JoorPriceItem } from "../../mapping/price-items";
import { PricesApi, type PriceUpsert } from "../../client/prices";
import { pricePages } from "../../sources/price-source";
import type { JoorClient } from "../../client";
import { hashOf, idsOf, ledgerRows, writeLedger, type LedgerRow } from "./ledger-rows";
import { joorSkuIds } from "./joor-ids";
import { readAhead } from "../../sources/keyset";
import { SendBehind } from "../../sources/send-behind";
import type { ExportPhase, JoorContext } from "./phase";

export const PRICE_KIND = "price";
const key = (i: Pick<JoorPriceItem, "sku_id" | "price_type_id">) => `${i.sku_id}|${i.price_type_id}`;

async function countProducts(ctx: JoorContext): Promise<number> {
  const [row] = (await ctx.data.sql(`SELECT COUNT(*) AS n FROM product WHERE brandId = ? AND active = 1`)) as { n: number }[];
  return Number(row.n);
}

/** currency → JOOR price type id, from the settings (names) and JOOR's price types; unknown names become issues. */
async function priceTypeMap(ctx: JoorContext, client: JoorClient): Promise<Map<string, string>> {
  const mapping = ctx.settings.priceTypes ?? [];
  if (!mapping.length) return new Map();
  const types = await client.reference.priceTypes();
  const out = new Map<string, string>();
  for (const m of mapping) {
    const type = types.find((t) => t.name === m.priceType) ?? types.find((t) => t.id === m.priceType);
    if (type) out.set(m.currency, type.id);
    else {
      await ctx.reportIssue({
        entity: "settings",
        key: m.currency,
        code: "UNKNOWN_PRICE_TYPE",
        message: `The price type "${m.priceType}" set for ${m.currency} does not exist on JOOR (it has ${types.map((t) => t.name).join(", ") || "none"}): ${m.currency} prices were not sent`,
      });
    }
  }
  return out;
}

/**
 * export-prices: every catalogue product (an active product whose SKUs are on JOOR) gets, for each mapped
 * currency, the price of the most recent selected price season it is visible in, or 0.00 — per SKU, to the
 * currency's JOOR price type (selectSeasonPrice through mapping/price-items). Incremental per product (hash of
 * all its price items); `full` resends all; `dryRun` sends nothing.
 */
export const exportPricesPhase: ExportPhase = {
  name: "prices",
  count: countProducts,
  async run(ctx, client) {
    const api = new PricesApi(client.http, client.batchSize);
    const types = await priceTypeMap(ctx, client);
    const unmapped = new UnmappedCurrencies();
    const seasons = ctx.settings.priceSeasons ?? [];
    const summary = { products: 0, unchanged: 0, sent: 0, prices: 0, zeroPriced: 0, notOnJoor: 0, failed: 0 };
    if (!seasons.length) ctx.logger.warn("No price seasons are selected: every product is exported at 0.00");
    // the next page and its ledger rows are read while JOOR answers the current page's requests
    async function* pagesWithLedger() {
      for await (const page of pricePages(ctx.data, seasons)) {
        const skuIds = await joorSkuIds(
          ctx.data,
          page.flatMap((p) => p.variants.map((v) => v.variantId)),
        );
        const ledger = await ledgerRows(
          ctx.data,
          PRICE_KIND,
          page.map((p) => String(p.id)),
        );
        yield { page, skuIds, ledger };
      }
    }
    // page N's request and ledger write stay in flight while page N + 1 is mapped and hashed (SendBehind)
    await SendBehind.run(async (behind) => {
      for await (const { page, skuIds, ledger } of readAhead(pagesWithLedger())) {
        ctx.throwIfCancelled();
        const toSend: { product: (typeof page)[number]; items: JoorPriceItem[]; hash: string; known: Record<string, string> }[] = [];
        for (const product of page) {
          summary.products++;
          const mapped = mapProductPrices(
            { ...product, productId: product.id, variants: product.variants.map((v) => ({ ...v, skuId: skuIds.get(v.variantId) ?? null })) },
            seasons,
            types,
          );
          if (mapped.unmappedCurrencies.length) unmapped.add(mapped.unmappedCurrencies, `${product.styleNumber}/${product.colourCode}`);
          if (!mapped.items.length) {
            if (mapped.variantsWithoutSku) summary.notOnJoor++;
            ctx.progress.advance();
            continue;
          }
          if (mapped.items.some((i) => i.seasonId === null)) summary.zeroPriced++;
          const hash = hashOf(mapped.items.map((i) => [i.sku_id, i.price_type_id, i.wholesale_value, i.retail_value]));
          const row = ledger.get(String(product.id));
          if (!ctx.full && row?.payloadHash === hash) {
            summary.unchanged++;
            ctx.progress.advance();
            continue;
          }
          toSend.push({ product, items: mapped.items, hash, known: idsOf(row) ?? {} });
        }
        if (!toSend.length) continue;
        if (ctx.dryRun) {
          for (const p of toSend) {
            summary.sent++;
            summary.prices += p.items.length;
            ctx.progress.advance();
          }
          continue;
        }
        const inputs: PriceUpsert<number>[] = toSend.flatMap((p, n) =>
          p.items.map((i) => ({
            joorId: p.known[key(i)] ?? null,
            ref: n,
            payload: { sku_id: i.sku_id, price_type_id: i.price_type_id, wholesale_value: i.wholesale_value, retail_value: i.retail_value },
          })),
        );
        await behind.push(async () => {
          const outcomes = await api.upsert(inputs);
          const perProduct = toSend.map((p) => ({ ids: { ...p.known } as Record<string, string>, errors: [] as string[] }));
          for (const o of outcomes) {
            const slot = perProduct[o.input.ref];
            if (o.ok) slot.ids[key(o.input.payload)] = o.joorId;
            else slot.errors.push(`${o.input.payload.sku_id} / ${o.input.payload.price_type_id}: ${o.error.message}`);
          }
          const entries: LedgerRow[] = [];
          for (const [n, p] of toSend.entries()) {
            const { ids, errors } = perProduct[n];
            const label = `${p.product.styleNumber}/${p.product.colourCode}`;
            entries.push({
              recordKey: String(p.product.id),
              label,
              joorId: null,
              joorIds: ids,
              payloadHash: p.hash,
              status: errors.length ? "FAILED" : "ACCEPTED",
              message: errors.length ? errors.join("; ") : null,
            });
            if (errors.length) {
              summary.failed++;
              await ctx.reportIssue({
                entity: "product",
                key: label,
                code: "PRICE_REFUSED",
                message: `JOOR refused ${errors.length} price(s): ${errors.slice(0, 5).join("; ")}`,
              });
            } else {
              summary.sent++;
              summary.prices += p.items.length;
              ctx.progress.advance();
            }
          }
          await writeLedger(ctx.data, PRICE_KIND, entries, ledger);
        });
      }
    });
    for (const issue of unmapped.issues()) {
      await ctx.reportIssue({ entity: "currency", key: issue.currency, code: "CURRENCY_NOT_MAPPED", message: issue.message });
    }
    if (summary.notOnJoor) ctx.logger.warn(`${summary.notOnJoor} product(s) have no SKU on JOOR yet (run export-products first); their prices were not sent`);
    ctx.logger.info(`Prices: ${summary.sent} product(s) sent (${summary.prices} prices), ${summary.unchanged} unchanged`, summary);
    return summary;
  },
};
