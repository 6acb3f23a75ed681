import { type OperationContext } from "../../../src/plugin";
import { JoorInboundOrder } from "../entities/joor-inbound-order.entity";
import { V2Get } from "../client/orders";
import { emptySummary, ImportDeps, importInbound, ImportSummary, previewInbound } from "./import-staged";
import { RawImportSettings, resolveImportSettings } from "./import-settings";
import { previewApproved, pullApproved, sweepExported } from "./pull-orders";
import { stageOrders } from "./stage-orders";
import { StagedFeed } from "./staged-feed";

/**
 * The import-orders job: (1) if an earlier pull did not finish, re-read JOOR's exported approved orders and stage
 * any Selvedge never staged; (2) pull new and modified approved orders page by page, staging each page in one
 * transaction before asking for the next; (3) import everything staged or held, a page of orders per transaction
 * (each order's writes in it; one the core rejects is held, the rest commit).
 * On MariaDB/MySQL (3) runs beside (1)–(2): the importer takes each page once its staging has committed, while the
 * next page is asked for (never before the current one is committed) — the rows this run stages; after the pull,
 * the rows there were before (held ones, those of a run that died) and then STAGED rows the importer passed by
 * (one JOOR replaced meanwhile, another run's rows). SQLite runs them one after the other (one connection:
 * its statements would share the staging transaction, and it has no I/O wait to overlap).
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
    data: ctx.data,
    host: ctx.host,
    brandId,
    connector: ctx.connector,
    settings,
    onIssue: (i) => ctx.reportIssue({ entity: "order", key: i.key, code: i.code, message: i.message }),
    onProgress: (n) => ctx.progress.advance(n),
    throwIfCancelled: () => ctx.throwIfCancelled(),
    onPageFallback: (e) => ctx.logger.warn(`A page of orders could not be written at once (${e.message.slice(0, 200)}): importing it order by order`),
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
  const mysql = ctx.data.isMysql;
  const feed = mysql ? new StagedFeed() : null;
  let total = 0;
  let importer: Promise<ImportSummary> | null = null;
  let importError: unknown = null;
  // Beside the pull, only the rows this run stages are imported; the rows there were before (held, or staged by a
  // run that died) are imported after the pull as before, so a newer JOOR version pulled now replaces them first.
  const lastIdBefore = feed ? await lastInboundId(ctx) : 0;
  if (feed) {
    total = await pendingCount(ctx);
    ctx.progress.setTotal(total);
    importer = importInbound(deps, { follow: feed, states: ["STAGED"], afterId: lastIdBefore });
    importer.catch((e) => {
      importError = e;
    });
  }
  // The pull stops before asking JOOR for another page once the importer beside it has failed.
  io.throwIfCancelled = () => {
    ctx.throwIfCancelled();
    if (importError) throw importError;
  };
  const stage = async (orders: unknown[], onlyNew: boolean) => {
    const r = await stageOrders(ctx.data, ctx.host, ctx.connector, orders, new Date(), onlyNew);
    staged += r.staged;
    if (onlyNew) recovered += r.staged;
    if (feed) {
      total += r.staged + r.modified.length;
      ctx.progress.setTotal(total);
      feed.committed();
    }
    for (const m of r.modified) {
      modified++;
      await ctx.reportIssue({
        entity: "order",
        key: m.externalOrderId,
        code: "ORDER_MODIFIED_IN_JOOR",
        message: `changed in JOOR after the import (not applied): ${m.changes.join("; ")}`,
      });
    }
  };

  let pull: Awaited<ReturnType<typeof pullApproved>>;
  try {
    const marker = await ctx.state.get<PullMarker>(PULL_STATE_KEY);
    await ctx.state.set(PULL_STATE_KEY, { inFlight: true, startedAt: new Date().toISOString() } satisfies PullMarker);
    if (marker?.inFlight) {
      ctx.logger.warn("The last pull did not finish: re-reading JOOR's exported approved orders to stage any that were lost");
      await sweepExported({ ...io, stageMissing: (orders) => stage(orders, true) });
      if (recovered) ctx.logger.info(`Recovered ${recovered} orders JOOR had exported but Selvedge had not staged`);
    }
    pull = await pullApproved({
      ...io,
      get: sources.pull,
      stage: async (orders) => {
        pulled += orders.length;
        await stage(orders, false);
      },
    });
    if (pull.suspectLoss) {
      ctx.logger.warn("A JOOR order page failed after JOOR may have exported it: re-reading exported approved orders");
      await sweepExported({ ...io, stageMissing: (orders) => stage(orders, true) });
    }
    await ctx.state.set(PULL_STATE_KEY, { inFlight: false, finishedAt: new Date().toISOString() } satisfies PullMarker);
  } catch (error) {
    // The importer imports what is staged (unless the job is cancelled), then stops; the pull's error is the job's.
    feed?.close();
    if (importer) await importer.catch(() => undefined);
    throw error;
  }
  ctx.logger.info(`Pulled ${pulled} orders from JOOR in ${pull.pages} pages (${staged} new, ${modified} modified after import)`);

  let summary: ImportSummary;
  if (feed && importer) {
    feed.close();
    summary = await importer;
    await importInbound(deps, { untilId: lastIdBefore }, summary);
    await importInbound(deps, { states: ["STAGED"] }, summary);
  } else {
    ctx.progress.setTotal((await pendingCount(ctx)) + modified);
    summary = await importInbound(deps);
  }
  ctx.logger.info(`Imported ${summary.imported}, held ${summary.held}, already present ${summary.alreadyPresent}, retried ${summary.retried}`, { ...summary });
  return {
    pulled,
    staged,
    recovered,
    modified,
    imported: summary.imported,
    held: summary.held,
    heldByReason: summary.heldByReason,
    retried: summary.retried,
    alreadyPresent: summary.alreadyPresent,
    totalMismatches: summary.totalMismatches,
  };
}

function pendingCount(ctx: OperationContext): Promise<number> {
  return ctx.data.repo(JoorInboundOrder).count([
    { connector: ctx.connector, state: "STAGED" },
    { connector: ctx.connector, state: "HELD" },
  ]);
}

async function lastInboundId(ctx: OperationContext): Promise<number> {
  const last = await ctx.data.repo(JoorInboundOrder).find({ select: { id: true }, where: { connector: ctx.connector }, order: { id: "DESC" }, take: 1 });
  return last[0]?.id ?? 0;
}
