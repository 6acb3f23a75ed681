import type { Logger } from "pino";
import { DataSource } from "typeorm";
import { BrandScope } from "../db/brand-scope";
import { Brand } from "../entities/brand.entity";
import { JobLogger, OperationContext, RecordIssue } from "../plugin/define-plugin";
import { SettingsValues, SettingsDeclaration } from "../plugin/settings";
import type { HostServices } from "../plugin/host-services";
import { Job } from "./entities/job.entity";
import { JobIssue } from "./entities/job-issue.entity";
import { JobLog } from "./entities/job-log.entity";
import { DbSyncStateStore } from "./sync-state-store";

/** Thrown by `throwIfCancelled()` (and usable by handlers) when the job's signal is aborted. */
export class JobAbortedError extends Error {
  constructor(readonly reason: string) {
    super(reason === "cancel" ? "Job cancelled" : `Job interrupted (${reason})`);
    this.name = "JobAbortedError";
  }
}

/** In-memory state of a job while this worker runs it; writes (logs, issues) are chained so they land in order. */
export class ActiveRun {
  readonly controller = new AbortController();
  lost = false;
  finishing = false;
  /** Graceful stop asked: `throwIfCancelled()` throws; the signal aborts only when the grace period ends. */
  stopRequested = false;
  graceTimer: NodeJS.Timeout | undefined;
  /** The checkpoint an earlier attempt saved (undefined: none). */
  resumeFrom: { value: unknown } | undefined;
  beat: Promise<void> = Promise.resolve();
  private writes: Promise<void> = Promise.resolve();

  constructor(
    readonly job: Job,
    private readonly log: Logger,
  ) {}

  write(fn: () => Promise<unknown>): Promise<void> {
    const next = this.writes.then(fn).then(
      () => undefined,
      (error) => this.log.error({ err: error, jobId: this.job.id }, "job write failed"),
    );
    this.writes = next;
    return next;
  }

  /** Like write(), but the caller sees the failure (the chain goes on). */
  writeOrThrow<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.writes.then(fn);
    this.writes = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  flush(): Promise<void> {
    return this.writes;
  }

  /** Why the handler should stop: the signal's reason, or "shutdown" once a graceful stop was asked. */
  stopReason(): string | null {
    if (this.controller.signal.aborted) return String(this.controller.signal.reason);
    return this.stopRequested ? "shutdown" : null;
  }
}

/** What `checkpointJson` holds: the operation's value and the counters when it was saved. */
export interface StoredCheckpoint {
  value: unknown;
  processed: number;
  failed: number;
  total: number | null;
}

export const MAX_CHECKPOINT_CHARS = 60_000;

const MAX_MESSAGE = 10_000;

export function buildOperationContext(
  run: ActiveRun,
  deps: {
    ds: DataSource;
    data: BrandScope;
    host: HostServices;
    brand: Brand;
    settings: SettingsValues<SettingsDeclaration>;
    changed: () => void;
    logger: Logger;
    /** Stores a checkpoint (conditional on this worker still owning the job). */
    saveCheckpoint: (json: string) => Promise<void>;
  },
): OperationContext {
  const { job } = run;
  const { ds } = deps;
  const signal = run.controller.signal;
  const logLine = (level: string) => (message: string, data?: Record<string, unknown>) => {
    deps.logger[level as "info"]({ jobId: job.id, ...data }, message);
    void run.write(() =>
      ds.getRepository(JobLog).insert({ jobId: job.id, level, message: String(message).slice(0, MAX_MESSAGE), dataJson: data ? JSON.stringify(data) : null }),
    );
  };
  const logger: JobLogger = { debug: logLine("debug"), info: logLine("info"), warn: logLine("warn"), error: logLine("error") };
  return {
    jobId: job.id,
    brand: { id: deps.brand.id, slug: deps.brand.slug, name: deps.brand.name },
    connector: job.connector,
    operation: job.operation,
    dryRun: job.dryRun,
    full: job.full,
    attempt: job.attempts,
    settings: deps.settings,
    logger,
    progress: {
      setTotal(total: number) {
        job.total = Math.max(0, Math.floor(total));
        deps.changed();
      },
      advance(count = 1) {
        job.processed += count;
        deps.changed();
      },
      setPhase(name: string | null) {
        job.phase = name === null ? null : String(name).slice(0, 64);
        deps.changed();
      },
      setWaiting(until: Date | null, reason?: string) {
        const at = until ? new Date(until) : null;
        job.waitingUntil = at && !Number.isNaN(at.getTime()) ? at : null;
        job.waitingReason = job.waitingUntil ? String(reason ?? "waiting").slice(0, 200) : null;
        deps.changed();
      },
    },
    reportIssue(issue: RecordIssue) {
      job.failed += 1;
      deps.changed();
      return run.write(() =>
        ds.getRepository(JobIssue).insert({
          jobId: job.id,
          entity: String(issue.entity).slice(0, 64),
          key: String(issue.key).slice(0, 255),
          code: String(issue.code).slice(0, 64),
          message: String(issue.message).slice(0, MAX_MESSAGE),
        }),
      );
    },
    state: new DbSyncStateStore(ds, job.brandId, job.connector, job.dryRun),
    signal,
    throwIfCancelled() {
      const reason = run.stopReason();
      if (reason) throw new JobAbortedError(reason);
    },
    checkpoint: run.resumeFrom?.value,
    resumed: run.resumeFrom !== undefined,
    saveCheckpoint(value: unknown) {
      const stored: StoredCheckpoint = { value: value ?? null, processed: job.processed, failed: job.failed, total: job.total };
      const json = JSON.stringify(stored);
      if (json.length > MAX_CHECKPOINT_CHARS)
        return Promise.reject(new Error(`Checkpoint too large (${json.length} characters; at most ${MAX_CHECKPOINT_CHARS})`));
      // in the write chain: the issues reported before it are stored first, so its `failed` matches the stored rows
      return run.writeOrThrow(() => deps.saveCheckpoint(json));
    },
    data: deps.data,
    host: deps.host,
  };
}
