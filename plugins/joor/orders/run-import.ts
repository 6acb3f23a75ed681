import { type OperationContext } from "../../../src/plugin";
import { JoorInboundOrder } from "../entities/joor-inbound-order.entity";
import { V2Get } from "../client/orders";
import { emptySummary, ImportDeps, importInbound, previewInbound } from "./import-staged";
import { RawImportSettings, resolveImportSettings } from "./import-settings";
import { previewApproved, pullApproved, sweepExported } from "./pull-orders";
import { stageOrders } from "./stage-orders";

/**
 * The import-orders job: (1) if an earlier pull did not finish, re-read JOOR's exported approved orders and stage
 * any Selvedge never staged; (2) pull new and modified approved orders page by page, staging each page in one
 * transaction before asking for the next; (3) import everything staged or held, each order in its own transaction.
 * A dry run reads without exporting (sync=0) and writes nothing.
 */

const PULL_STATE_KEY = "orders.pull";
export const DEFAULT_ORDER_PAGE_SIZE = 100;

interface PullMarker {
  inFlight: boolean;
  startedAt?: string;
  finishedAt?: string;
}

/** `pull` asks JOOR for sync pages without retrying them itself; `read` is for read-only pages (retried). */
export interface OrderSources {
  pull: V2Get;
  read: V2Get;
}

export async function runImportOrders(ctx: OperationContext, sources: OrderSources, pageSize = DEFAULT_ORDER_PAGE_SIZE): Promise<Record<string, unknown>> {
  const brandId = ctx.brand.id;
  const settings = await resolveImportSettings(ctx.data, ctx.settings as RawImportSettings);
  const deps: ImportDeps = {
    data: ctx.data, host: ctx.host, brandId, connector: ctx.connector, settings,
    onIssue: (i) => ctx.reportIssue({ entity: "order", key: i.key, code: i.code, message: i.message }),
    onProgress: (n) => ctx.progress.advance(n), throwIfCancelled: () => ctx.throwIfCancelled(),
  };
  const io = { get: sources.read, pageSize, signal: ctx.signal, throwIfCancelled: () => ctx.throwIfCancelled() };

  if (ctx.dryRun) {
    const summary = emptySummary();
    const pulled = await previewApproved({ ...io, see: (orders) => previewInbound(deps, orders, summary) });
    ctx.logger.info(`Dry run: ${pulled} approved orders to pull; ${summary.imported} would import, ${summary.held} would be held`);
    return { dryRun: true, pulled, wouldImport: summary.imported, wouldHold: summary.held, heldByReason: summary.heldByReason };
  }

  let pulled = 0;
  let staged = 0;
  let modified = 0;
  let recovered = 0;
  const stage = async (orders: unknown[], onlyNew: boolean) => {
    const r = await stageOrders(ctx.data, ctx.host, ctx.connector, orders, new Date(), onlyNew);
    staged += r.staged;
    if (onlyNew) recovered += r.staged;
    for (const m of r.modified) {
      modified++;
      await ctx.reportIssue({ entity: "order", key: m.externalOrderId, code: "ORDER_MODIFIED_IN_JOOR", message: `changed in JOOR after the import (not applied): ${m.changes.join("; ")}` });
    }
  };

  const marker = await ctx.state.get<PullMarker>(PULL_STATE_KEY);
  await ctx.state.set(PULL_STATE_KEY, { inFlight: true, startedAt: new Date().toISOString() } satisfies PullMarker);
  if (marker?.inFlight) {
    ctx.logger.warn("The last pull did not finish: re-reading JOOR's exported approved orders to stage any that were lost");
    await sweepExported({ ...io, stageMissing: (orders) => stage(orders, true) });
    if (recovered) ctx.logger.info(`Recovered ${recovered} orders JOOR had exported but Selvedge had not staged`);
  }
  const pull = await pullApproved({ ...io, get: sources.pull, stage: async (orders) => { pulled += orders.length; await stage(orders, false); } });
  if (pull.suspectLoss) {
    ctx.logger.warn("A JOOR order page failed after JOOR may have exported it: re-reading exported approved orders");
    await sweepExported({ ...io, stageMissing: (orders) => stage(orders, true) });
  }
  await ctx.state.set(PULL_STATE_KEY, { inFlight: false, finishedAt: new Date().toISOString() } satisfies PullMarker);
  ctx.logger.info(`Pulled ${pulled} orders from JOOR in ${pull.pages} pages (${staged} new, ${modified} modified after import)`);

  const pending = await ctx.data.repo(JoorInboundOrder).count([
    { connector: ctx.connector, state: "STAGED" }, { connector: ctx.connector, state: "HELD" },
  ]);
  ctx.progress.setTotal(pending + modified);
  const summary = await importInbound(deps);
  ctx.logger.info(`Imported ${summary.imported}, held ${summary.held}, already present ${summary.alreadyPresent}, retried ${summary.retried}`, { ...summary });
  return {
    pulled, staged, recovered, modified, imported: summary.imported, held: summary.held, heldByReason: summary.heldByReason,
    retried: summary.retried, alreadyPresent: summary.alreadyPresent, totalMismatches: summary.totalMismatches,
  };
}
