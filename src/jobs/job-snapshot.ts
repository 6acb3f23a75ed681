import { Job, JobState } from "./entities/job.entity";

/** A job as published on the pub/sub: JSON-safe (ISO dates), the same shape in memory and over Redis. */
export interface JobSnapshot {
  id: number;
  brandId: number;
  connector: string;
  operation: string;
  state: JobState;
  dryRun: boolean;
  full: boolean;
  processed: number;
  total: number | null;
  failed: number;
  phase: string | null;
  waitingUntil: string | null;
  waitingReason: string | null;
  attempts: number;
  maxAttempts: number;
  cancelRequested: boolean;
  error: string | null;
  summaryJson: string | null;
  retryOfId: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
}

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export function toSnapshot(job: Job, updatedAt: Date = job.updatedAt ?? new Date()): JobSnapshot {
  return {
    id: job.id,
    brandId: job.brandId,
    connector: job.connector,
    operation: job.operation,
    state: job.state,
    dryRun: !!job.dryRun,
    full: !!job.full,
    processed: job.processed,
    total: job.total,
    failed: job.failed,
    phase: job.phase ?? null,
    waitingUntil: iso(job.waitingUntil),
    waitingReason: job.waitingReason ?? null,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    cancelRequested: !!job.cancelRequested,
    error: job.error,
    summaryJson: job.summaryJson,
    retryOfId: job.retryOfId,
    createdAt: iso(job.createdAt) ?? new Date().toISOString(),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    updatedAt: iso(updatedAt)!,
  };
}

const converted = new WeakMap<JobSnapshot, Job>();

/** Back to a Job object (what the GraphQL Job type resolves); one conversion per event, shared by all subscribers. */
export function fromSnapshot(s: JobSnapshot): Job {
  let job = converted.get(s);
  if (!job) converted.set(s, (job = toJob(s)));
  return job;
}

function toJob(s: JobSnapshot): Job {
  return Object.assign(new Job(), {
    ...s,
    createdAt: new Date(s.createdAt),
    startedAt: s.startedAt ? new Date(s.startedAt) : null,
    finishedAt: s.finishedAt ? new Date(s.finishedAt) : null,
    waitingUntil: s.waitingUntil ? new Date(s.waitingUntil) : null,
    updatedAt: new Date(s.updatedAt),
  });
}

const PHASE: Record<string, number> = { QUEUED: 0, RUNNING: 1 };

/**
 * Orders snapshots of one job so a subscriber never sees it go backwards: by attempt (a QUEUED job waits for
 * attempt `attempts + 1`), then phase, then records done, then time. Terminal states are last.
 */
export function isNewer(next: JobSnapshot, last: JobSnapshot): boolean {
  const terminal = (s: JobSnapshot) => !(s.state in PHASE);
  if (terminal(last)) return false;
  if (terminal(next)) return true;
  const attempt = (s: JobSnapshot) => (s.state === JobState.QUEUED ? s.attempts + 1 : s.attempts);
  const key = (s: JobSnapshot) => [attempt(s), PHASE[s.state], s.processed + s.failed, Date.parse(s.updatedAt)];
  const a = key(next);
  const b = key(last);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}
