import { type OperationContext } from "../../../../src/plugin";
import type { JoorSettingsDeclaration } from "../../settings/declaration";
import type { JoorClient } from "../../client";

export type JoorContext = OperationContext<JoorSettingsDeclaration>;

/**
 * One export step that runs on its own (its operation) or as a phase of export-all: `count` says how many
 * records it will go through (for one progress bar over all phases), `run` advances the job's progress by
 * one per record and answers its summary.
 */
export interface ExportPhase {
  name: string;
  count(ctx: JoorContext): Promise<number>;
  run(ctx: JoorContext, client: JoorClient): Promise<Record<string, unknown>>;
}

/** Runs a phase as a job of its own: total = its count. */
export async function runAlone(phase: ExportPhase, ctx: JoorContext, client: JoorClient): Promise<Record<string, unknown>> {
  ctx.progress.setTotal(await phase.count(ctx));
  return phase.run(ctx, client);
}
