import { inventoryDelta, mapVariantInventory, sentInventory, type JoorInventoryItem, type SentInventory } from "../../mapping/inventory-items";
import { InventoryApi } from "../../client/inventory";
import { inventoryPages } from "../../sources/inventory-source";
import { hashOf, idsOf, ledgerRows, writeLedger, type LedgerRow } from "./ledger-rows";
import { readAhead } from "../../sources/keyset";
import { SendBehind } from "../../sources/send-behind";
import type { ExportPhase, JoorContext } from "./phase";

export const INVENTORY_KIND = "inventory";
export const INVENTORY_MODULE = "inventory";

export async function hasInventoryModule(ctx: JoorContext): Promise<boolean> {
  return ctx.host.brand.hasModule(ctx.data, INVENTORY_MODULE);
}

/** Refuses the export for a brand without the inventory module (the seed: "for clients with the inventory module only"). */
export async function requireInventoryModule(ctx: JoorContext): Promise<void> {
  if (!(await hasInventoryModule(ctx))) {
    throw new Error(
      "Inventory export is only for brands with the inventory module: this brand does not have it, so no stock was sent to JOOR. Enable the inventory module to export available-to-sell stock.",
    );
  }
}

/**
 * export-inventory (update mode, see client/inventory.ts and the README): per variant, available to sell
 * summed over the selected ATS seasons to the immediate warehouse; with includeFutureAts, projected stock per
 * product line start date to the future warehouse. Only positions that changed since the last accepted send
 * are sent, and a position sent before that is gone now is set to 0 — never anything else.
 */
export const exportInventoryPhase: ExportPhase = {
  name: "inventory",
  async count(ctx) {
    const [row] = (await ctx.data.sql(
      `SELECT COUNT(*) AS n FROM variant v INNER JOIN product p ON p.id = v.productId WHERE v.brandId = ? AND p.brandId = ? AND p.active = 1 AND v.active = 1`,
      [ctx.brand.id],
    )) as { n: number }[];
    return Number(row.n);
  },
  async run(ctx, client) {
    await requireInventoryModule(ctx);
    const s = ctx.settings;
    const warehouses = { immediate: s.immediateWarehouse ?? "Default", future: s.futureWarehouse ?? null };
    const api = new InventoryApi(client.http, 5000);
    const summary = { variants: 0, unchanged: 0, sent: 0, lines: 0, zeroed: 0, noBarcode: 0, failed: 0 };
    if (!(s.atsSeasons ?? []).length) ctx.logger.warn("No ATS seasons are selected: every variant is sent with 0 available");
    // the next page and its ledger rows are read while JOOR answers the current page's request
    async function* pagesWithLedger() {
      for await (const page of inventoryPages(ctx.data, s.atsSeasons ?? [])) {
        yield {
          page,
          ledger: await ledgerRows(
            ctx.data,
            INVENTORY_KIND,
            page.map((v) => String(v.id)),
          ),
        };
      }
    }
    // page N's request and ledger write stay in flight while page N + 1 is mapped and hashed (SendBehind)
    await SendBehind.run(async (behind) => {
      for await (const { page, ledger } of readAhead(pagesWithLedger())) {
        ctx.throwIfCancelled();
        const pending: { variant: (typeof page)[number]; items: JoorInventoryItem[]; next: SentInventory; hash: string }[] = [];
        for (const variant of page) {
          summary.variants++;
          const label = `${variant.styleNumber}/${variant.colourCode}/${variant.size}`;
          const mapped = mapVariantInventory(variant, s.atsSeasons ?? [], !!s.includeFutureAts, warehouses);
          for (const problem of mapped.problems) {
            if (problem.code === "NO_BARCODE") summary.noBarcode++;
            await ctx.reportIssue({ entity: "variant", key: variant.barcode ?? label, code: problem.code, message: `${label}: ${problem.message}` });
          }
          if (!variant.barcode) {
            if (!mapped.problems.length) ctx.progress.advance();
            continue;
          }
          const next = sentInventory(variant.barcode, mapped.items);
          const hash = hashOf([next.upc, Object.entries(next.positions).sort()]);
          const row = ledger.get(String(variant.id));
          const previous = idsOf<SentInventory>(row);
          if (!ctx.full && row?.payloadHash === hash) {
            summary.unchanged++;
            ctx.progress.advance();
            continue;
          }
          const delta = inventoryDelta(mapped.items, previous);
          // full: everything again, plus the zeroing of stale positions the delta found
          const items = ctx.full
            ? [
                ...mapped.items,
                ...delta.filter(
                  (d) =>
                    d.inventory === 0 && !mapped.items.some((i) => i.upc === d.upc && i.warehouse === d.warehouse && i.inventory_date === d.inventory_date),
                ),
              ]
            : delta;
          pending.push({ variant, items, next, hash });
        }
        const lines = pending.flatMap((p, n) => p.items.map((item) => ({ item, n })));
        if (ctx.dryRun) {
          for (const p of pending) {
            summary.sent++;
            summary.lines += p.items.length;
            ctx.progress.advance();
          }
          continue;
        }
        await behind.push(async () => {
          const results = lines.length ? await api.update(lines.map((l) => l.item)) : [];
          const errors = pending.map(() => [] as string[]);
          results.forEach((r, k) => {
            if (!r.ok) errors[lines[k].n].push(`${r.item.warehouse}${r.item.inventory_date ? ` ${r.item.inventory_date}` : ""}: ${r.message}`);
          });
          const entries: LedgerRow[] = [];
          for (const [n, p] of pending.entries()) {
            const label = `${p.variant.styleNumber}/${p.variant.colourCode}/${p.variant.size}`;
            const failed = errors[n];
            entries.push({
              recordKey: String(p.variant.id),
              label: `${label} ${p.variant.barcode}`,
              joorId: null,
              joorIds: failed.length ? null : (p.next as unknown as Record<string, unknown>),
              payloadHash: p.hash,
              status: failed.length ? "FAILED" : "ACCEPTED",
              message: failed.length ? failed.join("; ") : null,
            });
            if (failed.length) {
              summary.failed++;
              await ctx.reportIssue({
                entity: "variant",
                key: p.variant.barcode!,
                code: "INVENTORY_REFUSED",
                message: `${label}: JOOR refused ${failed.join("; ")}`,
              });
            } else {
              summary.sent++;
              summary.lines += p.items.length;
              summary.zeroed += p.items.filter((i) => i.inventory === 0).length;
              ctx.progress.advance();
            }
          }
          await writeLedger(ctx.data, INVENTORY_KIND, entries, ledger);
        });
      }
    });
    ctx.logger.info(`Inventory: ${summary.sent} variant(s) sent (${summary.lines} lines), ${summary.unchanged} unchanged`, summary);
    return summary;
  },
};
