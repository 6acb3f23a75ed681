import { type OperationDefinition } from "../../../../src/plugin";
import type { JoorSettingsDeclaration } from "../../settings/declaration";
import { joorClientFor, type JoorClient } from "../../client";
import { exportImagesPhase } from "./export-images";
import { exportInventoryPhase, hasInventoryModule } from "./export-inventory";
import { exportPricesPhase } from "./export-prices";
import { mayCreateOnJoor } from "./create-policy";
import type { ExportPhase, JoorContext } from "./phase";

/** An operation of part 1 (export-customers, export-products) as a phase: its own run, inside export-all's progress. */
export function operationPhase(
  name: string,
  operation: OperationDefinition<JoorSettingsDeclaration>,
  count: (ctx: JoorContext) => Promise<number>,
): ExportPhase {
  return {
    name,
    count,
    async run(ctx) {
      const result = await operation.run(ctx);
      return (result ?? {}) as Record<string, unknown>;
    },
  };
}

export async function countRows(ctx: JoorContext, sql: string): Promise<number> {
  const [row] = (await ctx.data.sql(sql)) as { n: number }[];
  return Number(row.n);
}

/**
 * export-all: the initial load of a new JOOR system — customers, products, prices, images, inventory (with
 * the inventory module), in that order, as one job with one progress bar: the total is the sum of the phases'
 * records, `Job.phase` names the current one. Resumable: the index of the phase in progress is kept in the
 * sync state per job, so a retried attempt (after a crash) skips the finished phases, and inside a phase the
 * ledger skips every record JOOR already accepted — it goes on at the record where it stopped.
 */
export function exportAllOperation(phases: { customers: ExportPhase; products: ExportPhase }): OperationDefinition<JoorSettingsDeclaration> {
  return {
    description: "Initial load of a new JOOR system: customers, products, prices, images, inventory — in that order, one job",
    attempts: 5,
    backoffMs: 2_000,
    async run(ctx) {
      const list: ExportPhase[] = [phases.customers, phases.products, exportPricesPhase, exportImagesPhase];
      if (await hasInventoryModule(ctx)) list.push(exportInventoryPhase);
      else ctx.logger.info("The brand has no inventory module: the inventory phase is left out");
      if (!mayCreateOnJoor(ctx))
        ctx.logger.warn("Existing JOOR system: only customers and products that reconcile matched are sent; nothing new is created (full: true overrides)");
      const counts = await Promise.all(list.map((p) => p.count(ctx)));
      ctx.progress.setTotal(counts.reduce((a, b) => a + b, 0));
      const stateKey = `export-all.job-${ctx.jobId}.phase`;
      const resumeAt = (await ctx.state.get<number>(stateKey)) ?? 0;
      const client: JoorClient = joorClientFor(ctx);
      const timings: Record<string, number> = {};
      const summary: Record<string, unknown> = { phases: list.map((p) => p.name), millisecondsPerPhase: timings };
      for (const [index, phase] of list.entries()) {
        ctx.throwIfCancelled();
        const label = `${phase.name} (${index + 1}/${list.length})`;
        if (index < resumeAt) {
          ctx.progress.advance(counts[index]);
          summary[phase.name] = { skipped: "finished in an earlier attempt" };
          continue;
        }
        ctx.progress.setPhase(label);
        ctx.logger.info(`Phase ${label}`);
        const phaseCtx: JoorContext = {
          ...ctx,
          progress: { ...ctx.progress, setTotal: () => undefined, advance: (n?: number) => ctx.progress.advance(n), setPhase: () => undefined },
        };
        const startedAt = Date.now();
        summary[phase.name] = await phase.run(phaseCtx, client);
        timings[phase.name] = Date.now() - startedAt;
        await ctx.state.set(stateKey, index + 1);
      }
      ctx.progress.setPhase(null);
      await ctx.state.delete(stateKey);
      return summary;
    },
  };
}
