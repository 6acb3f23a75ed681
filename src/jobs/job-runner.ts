import type { Logger } from "pino";
import { DataSource } from "typeorm";
import { JobsConfig } from "../config/config";
import { Brand } from "../entities/brand.entity";
import { isTransient } from "../plugin/define-plugin";
import { moduleOf } from "../plugin/plugin-registry";
import { Coalescer } from "../pubsub/coalescer";
import { JobEvents } from "./job-events";
import { toSnapshot } from "./job-snapshot";
import type { ConnectorService } from "../plugin/connector.service";
import type { HostServices } from "../plugin/host-services";
import { BrandScope } from "../db/brand-scope";
import { Job, JobState } from "./entities/job.entity";
import { JobIssue } from "./entities/job-issue.entity";
import { JobLog } from "./entities/job-log.entity";
import { ActiveRun, buildOperationContext, JobAbortedError, StoredCheckpoint } from "./job-context";
import { QueueStrategy } from "./job-queue";

const MAX_BACKOFF_MS = 10 * 60_000;

/** What the runner needs of the plugin host: the connectors (registry + settings) and each plugin's port. */
export interface JobPlugins {
  connectors: ConnectorService;
  hostOf(plugin: string): HostServices;
}

/** A failure that no retry can fix (connector missing on this worker, settings incomplete, …). */
class PermanentJobError extends Error {}

/**
 * Runs claimed jobs in this process: builds the operation context, reports progress (coalesced), writes a
 * heartbeat, honours cancellation, and settles the job exactly once with conditional updates (a worker that
 * lost the job to recovery cannot overwrite it).
 */
export class JobRunner {
  private readonly active = new Map<number, ActiveRun>();
  private stoppingSince: number | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly services: JobPlugins,
    private readonly events: JobEvents,
    private readonly queue: QueueStrategy,
    private readonly config: JobsConfig,
    private readonly logger: Logger,
    readonly workerId: string,
  ) {}

  get runningCount(): number {
    return this.active.size;
  }

  /** Asks a job running here to stop; false when it does not run in this process. */
  abort(jobId: number, reason: "cancel" | "shutdown"): boolean {
    const run = this.active.get(jobId);
    if (!run) return false;
    if (!run.controller.signal.aborted) run.controller.abort(reason);
    return true;
  }

  abortAll(reason: "shutdown"): void {
    for (const id of this.active.keys()) this.abort(id, reason);
  }

  /** True once a graceful stop began: this process claims nothing more. */
  get stopping(): boolean {
    return this.stoppingSince !== null;
  }

  /**
   * Graceful stop: no new runs; each running handler is told (`throwIfCancelled()` throws at its next safe
   * point) and its signal aborts only after `graceMs`, so a write in flight finishes.
   */
  requestStop(graceMs: number): void {
    if (this.stoppingSince === null) this.stoppingSince = Date.now();
    for (const run of this.active.values()) this.stopRun(run, graceMs);
  }

  /** Accepts jobs again (a worker started after a stop). */
  resumeTaking(): void {
    this.stoppingSince = null;
  }

  private stopRun(run: ActiveRun, graceMs: number): void {
    if (run.stopRequested) return;
    run.stopRequested = true;
    run.graceTimer = setTimeout(
      () => {
        if (!run.controller.signal.aborted) run.controller.abort("shutdown");
      },
      Math.max(0, graceMs - (Date.now() - this.stoppingSince!)),
    );
  }

  /** Waits until every job running here has settled (or the timeout passed). */
  async drain(timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.active.size > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  }

  private log(jobId: number, level: string, message: string, data?: Record<string, unknown>): Promise<unknown> {
    return this.ds.getRepository(JobLog).insert({ jobId, level, message, dataJson: data ? JSON.stringify(data) : null });
  }

  private where(job: Job) {
    return this.ds.createQueryBuilder().update(Job).where("id = :id AND workerId = :worker AND state = :running", {
      id: job.id,
      worker: this.workerId,
      running: JobState.RUNNING,
    });
  }

  async run(job: Job): Promise<void> {
    const run = new ActiveRun(job, this.logger);
    this.active.set(job.id, run);
    if (job.cancelRequested) run.controller.abort("cancel"); // asked while it ran before a re-queue
    if (this.stopping) this.stopRun(run, this.config.shutdownGraceMs);
    const publish = () => this.events.publish(toSnapshot(job, new Date()));
    const progress = new Coalescer(publish, this.config.progressIntervalMs);
    const beat = setInterval(() => {
      if (!run.finishing) run.beat = this.heartbeat(run);
    }, this.config.heartbeatMs);
    try {
      if (run.stopRequested) return await this.requeueOnShutdown(run); // claimed while this process was stopping: run nothing
      await this.restoreProgress(run);
      progress.now();
      await this.log(job.id, "info", `Started attempt ${job.attempts} of ${job.maxAttempts}`, {
        worker: this.workerId,
        ...(run.resumeFrom ? { resumed: true, processed: job.processed, failed: job.failed } : {}),
      });
      const registry = this.services.connectors.registry;
      const plugin = registry.get(job.connector);
      const op = registry.operation(job.connector, job.operation);
      if (!plugin || !op) throw new PermanentJobError(`Connector operation ${job.connector}/${job.operation} is not installed on worker ${this.workerId}`);
      const brand = await this.ds.getRepository(Brand).findOneByOrFail({ id: job.brandId });
      if (!brand.modules.includes(moduleOf(plugin))) throw new PermanentJobError(`The ${plugin.name} connector is no longer enabled for this brand`);
      const check = await this.services.connectors.settings.check(plugin, brand.id);
      if (!check.complete) throw new PermanentJobError(`The ${plugin.name} connector's settings are incomplete: ${check.missing.join(", ")}`);
      const ctx = buildOperationContext(run, {
        ds: this.ds,
        data: BrandScope.of(this.ds, brand.id),
        host: this.services.hostOf(plugin.name),
        brand,
        settings: check.values!,
        changed: () => progress.changed(),
        logger: this.logger.child({ connector: job.connector, operation: job.operation }),
        saveCheckpoint: async (json) => {
          const result = await this.where(job).set({ checkpointJson: json, processed: job.processed, failed: job.failed, total: job.total }).execute();
          if (result.affected !== 1 && !run.controller.signal.aborted) run.controller.abort("lost");
        },
      });
      ctx.throwIfCancelled();
      const result = await op.run(ctx);
      await run.flush();
      // a handler that returned finished its work, even if a graceful stop was asked meanwhile
      const reason = run.controller.signal.aborted ? String(run.controller.signal.reason) : null;
      if (reason) await this.interrupted(run, reason, null);
      else await this.settle(run, JobState.SUCCEEDED, null, result ?? null, progress);
    } catch (error) {
      await run.flush();
      const reason = run.controller.signal.aborted ? String(run.controller.signal.reason) : error instanceof JobAbortedError ? error.reason : null;
      if (reason) await this.interrupted(run, reason, error);
      else if (isTransient(error) && job.attempts < job.maxAttempts && !(error instanceof PermanentJobError)) await this.retryLater(run, error, progress);
      else await this.settle(run, JobState.FAILED, messageOf(error), null, progress);
    } finally {
      clearInterval(beat);
      clearTimeout(run.graceTimer);
      progress.cancel();
      this.active.delete(job.id);
    }
  }

  /**
   * Counters survive attempts: `failed` is the job's stored issues; with a checkpoint, `processed`/`total` continue
   * from it and the issues reported after it are dropped (their records are done again). Without one the
   * operation reports its progress afresh.
   */
  private async restoreProgress(run: ActiveRun): Promise<void> {
    const { job } = run;
    const issues = this.ds.getRepository(JobIssue);
    const stored = job.checkpointJson ? (JSON.parse(job.checkpointJson) as StoredCheckpoint) : null;
    if (stored) {
      run.resumeFrom = { value: stored.value };
      job.processed = stored.processed;
      job.total = stored.total;
      const firstLater = await issues
        .createQueryBuilder("i")
        .select(["i.id"])
        .where("i.jobId = :id", { id: job.id })
        .orderBy("i.id", "ASC")
        .offset(stored.failed)
        .limit(1)
        .getOne();
      if (firstLater) await issues.createQueryBuilder().delete().where("jobId = :id AND id >= :from", { id: job.id, from: firstLater.id }).execute();
    } else {
      job.processed = 0;
      job.total = null;
    }
    job.failed = await issues.countBy({ jobId: job.id });
  }

  private async interrupted(run: ActiveRun, reason: string, error: unknown): Promise<void> {
    if (reason === "lost") return; // recovered by another worker: it owns the job now
    if (reason === "shutdown") return this.requeueOnShutdown(run);
    const { job } = run;
    const detail = error && !(error instanceof Error && error.name === "JobAbortedError") ? ` (${messageOf(error)})` : "";
    await this.settle(run, JobState.CANCELLED, `Cancelled after ${job.processed + job.failed} record(s)${detail}`, null, null);
  }

  private async stopBeating(run: ActiveRun): Promise<void> {
    run.finishing = true;
    await run.beat;
  }

  private async settle(run: ActiveRun, state: JobState, error: string | null, summary: unknown, progress: Coalescer | null): Promise<void> {
    await this.stopBeating(run);
    progress?.cancel();
    const { job } = run;
    const finishedAt = new Date();
    const summaryJson = summary === null || summary === undefined ? null : JSON.stringify(summary);
    const result = await this.where(job)
      .set({
        state,
        activeKey: null,
        finishedAt,
        error,
        summaryJson,
        processed: job.processed,
        failed: job.failed,
        total: job.total,
        phase: job.phase ?? null,
        waitingUntil: null,
        waitingReason: null,
        heartbeatAt: finishedAt,
        checkpointJson: null,
      })
      .execute();
    if (result.affected !== 1) {
      this.logger.warn({ jobId: job.id }, "job was taken over before it settled; result dropped");
      return;
    }
    Object.assign(job, { state, activeKey: null, finishedAt, error, summaryJson, waitingUntil: null, waitingReason: null });
    await this.log(job.id, state === JobState.FAILED ? "error" : "info", `${state}${error ? `: ${error}` : ""}`, {
      processed: job.processed,
      failed: job.failed,
      total: job.total,
    });
    this.events.publish(toSnapshot(job, finishedAt));
  }

  private async retryLater(run: ActiveRun, error: unknown, progress: Coalescer): Promise<void> {
    await this.stopBeating(run);
    progress.cancel();
    const { job } = run;
    const hinted = (error as { retryAfterMs?: number }).retryAfterMs;
    const op = this.services.connectors.registry.operation(job.connector, job.operation);
    const delay = Math.min(MAX_BACKOFF_MS, hinted ?? (op?.backoffMs ?? 2000) * 2 ** (job.attempts - 1));
    const runAfter = new Date(Date.now() + delay);
    const message = messageOf(error);
    const result = await this.where(job)
      .set({
        state: JobState.QUEUED,
        workerId: null,
        runAfter,
        error: message,
        processed: job.processed,
        failed: job.failed,
        total: job.total,
        waitingUntil: null,
        waitingReason: null,
      })
      .execute();
    if (result.affected !== 1) return;
    Object.assign(job, { state: JobState.QUEUED, workerId: null, runAfter, error: message });
    await this.log(
      job.id,
      "warn",
      `Transient failure, retrying in ${Math.round(delay / 100) / 10}s (attempt ${job.attempts + 1} of ${job.maxAttempts}): ${message}`,
    );
    this.events.publish(toSnapshot(job, new Date()));
    await this.queue.enqueue(job.id, delay);
  }

  /** Graceful shutdown: the job goes back to the queue, and the interrupted attempt does not count. */
  private async requeueOnShutdown(run: ActiveRun): Promise<void> {
    await this.stopBeating(run);
    const { job } = run;
    const result = await this.where(job)
      .set({
        state: JobState.QUEUED,
        workerId: null,
        runAfter: null,
        attempts: () => "attempts - 1",
        priority: 1,
        processed: job.processed,
        failed: job.failed,
        total: job.total,
        waitingUntil: null,
        waitingReason: null,
      })
      .execute();
    if (result.affected !== 1) return;
    Object.assign(job, { state: JobState.QUEUED, workerId: null, attempts: job.attempts - 1 });
    await this.log(job.id, "warn", `Interrupted by a shutdown of worker ${this.workerId}; re-queued`);
    this.events.publish(toSnapshot(job, new Date()));
    await this.queue.enqueue(job.id, 0, { front: true }).catch(() => undefined);
  }

  /** Writes progress and a heartbeat; notices cancellation requests and a job taken over by recovery. */
  private async heartbeat(run: ActiveRun): Promise<void> {
    const { job } = run;
    try {
      const result = await this.where(job)
        .set({
          heartbeatAt: new Date(),
          processed: job.processed,
          failed: job.failed,
          total: job.total,
          phase: job.phase ?? null,
          waitingUntil: job.waitingUntil ?? null,
          waitingReason: job.waitingReason ?? null,
        })
        .execute();
      if (run.finishing) return;
      if (result.affected !== 1) {
        run.lost = true;
        run.controller.abort("lost");
        return;
      }
      const row = await this.ds.getRepository(Job).findOne({ select: { id: true, cancelRequested: true }, where: { id: job.id } });
      if (row?.cancelRequested && !run.controller.signal.aborted) run.controller.abort("cancel");
    } catch (error) {
      this.logger.warn({ err: error, jobId: job.id }, "heartbeat failed");
    }
  }
}

export function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 10_000) || "Unknown error";
}
