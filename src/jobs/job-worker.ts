import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import { DataSource } from "typeorm";
import { JobsConfig } from "../config/config";
import { JobEvents } from "./job-events";
import { claimById, claimNext } from "./job-claims";
import { QueueStrategy } from "./job-queue";
import { reannounceQueuedJobs, recoverStaleJobs } from "./job-recovery";
import { pruneExpiredJobs } from "./job-retention";
import { JobPlugins, JobRunner } from "./job-runner";

/**
 * The worker side of a process (`npm start` and `npm run worker`): consumes the queue, recovers jobs of dead
 * workers, listens for cancellations, and on stop hands running jobs back to the queue.
 */
export class JobWorker {
  readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  readonly runner: JobRunner;
  private timers: NodeJS.Timeout[] = [];
  private controls: AsyncIterator<unknown> | null = null;
  private pruning = false;

  constructor(
    private readonly ds: DataSource,
    plugins: JobPlugins,
    private readonly events: JobEvents,
    private readonly queue: QueueStrategy,
    private readonly config: JobsConfig,
    private readonly logger: Logger,
  ) {
    this.runner = new JobRunner(ds, plugins, events, queue, config, logger, this.workerId);
  }

  async start(): Promise<void> {
    this.runner.resumeTaking();
    this.listenForCancellations();
    await this.recover();
    await this.queue.start(
      {
        // a stopping worker claims nothing (it would take back the very jobs it is handing back)
        claimNext: async () => (this.runner.stopping ? null : claimNext(this.ds, this.workerId)),
        claimById: async (id) => (this.runner.stopping ? null : claimById(this.ds, id, this.workerId)),
        accepting: () => !this.runner.stopping,
        run: (job) => this.runner.run(job),
      },
      this.config.concurrency,
    );
    const every = Math.max(this.config.heartbeatMs, Math.floor(this.config.staleAfterMs / 3));
    this.timers.push(setInterval(() => void this.recover(), every));
    if (this.config.retentionDays > 0) {
      void this.prune();
      this.timers.push(setInterval(() => void this.prune(), this.config.pruneIntervalMs));
    }
    this.logger.info({ worker: this.workerId, queue: this.queue.name, concurrency: this.config.concurrency }, "job worker started");
  }

  /** Recovers stale RUNNING jobs (and, with BullMQ, re-announces forgotten QUEUED ones). */
  async recover(): Promise<void> {
    try {
      const ids = await recoverStaleJobs(this.ds, this.events, this.queue, this.config.staleAfterMs);
      if (ids.length) this.logger.warn({ jobs: ids }, "recovered jobs of a worker that stopped responding");
      if (this.queue.name !== "database") await reannounceQueuedJobs(this.ds, this.queue, this.config.staleAfterMs);
    } catch (error) {
      this.logger.error({ err: error }, "job recovery failed");
    }
  }

  /** Deletes finished jobs older than the retention period (SELVEDGE_JOB_RETENTION_DAYS), logs and issues included. */
  async prune(): Promise<void> {
    if (this.pruning) return;
    this.pruning = true;
    try {
      const count = await pruneExpiredJobs(this.ds, this.config.retentionDays);
      if (count) this.logger.info({ jobs: count, retentionDays: this.config.retentionDays }, "deleted expired jobs");
    } catch (error) {
      this.logger.error({ err: error }, "pruning expired jobs failed");
    } finally {
      this.pruning = false;
    }
  }

  private listenForCancellations(): void {
    const iterator = this.events.controls()[Symbol.asyncIterator]();
    this.controls = iterator;
    void (async () => {
      for (;;) {
        const next = await iterator.next().catch(() => ({ done: true as const, value: undefined }));
        if (next.done) return;
        const message = next.value as { type?: string; jobId?: number };
        if (message?.type === "cancel" && typeof message.jobId === "number") this.runner.abort(message.jobId, "cancel");
      }
    })();
  }

  /**
   * Stops taking jobs at once, gives running handlers `shutdownGraceMs` to reach a safe point (then aborts their
   * signal), and waits for them to hand their jobs back to the queue.
   */
  async stop(timeoutMs = this.config.shutdownGraceMs + 5_000): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.runner.requestStop(this.config.shutdownGraceMs);
    await this.queue.stop();
    await this.runner.drain(timeoutMs);
    await this.controls?.return?.();
  }
}
