// Pure rules for the numbers a person reads off a job: records per second, elapsed time, an honest ETA and the
// throughput series of the chart. No DOM here (unit-tested in test/dashboard/rate.test.ts).

/** One observation of a job: the server's event time (ms) and records done (processed + failed) then. */
export interface Sample {
  t: number;
  done: number;
}

/** Keeps the samples of one job: ordered, one per event time, restarted when counters go back (a new attempt). */
export function addSample(samples: Sample[], next: Sample, max = 3600): Sample[] {
  const last = samples[samples.length - 1];
  if (last && (next.done < last.done || next.t < last.t)) return [next];
  if (last && last.t === next.t) return [...samples.slice(0, -1), next];
  const out = samples.length >= max ? samples.slice(samples.length - max + 1) : samples.slice();
  out.push(next);
  return out;
}

/**
 * Records per second over the last `windowMs` of samples; null while fewer than `minSpanMs` of data exist
 * (a rate from two events 100 ms apart would be noise, not a measurement).
 */
export function recentRate(samples: Sample[], windowMs = 10_000, minSpanMs = 1_000): number | null {
  if (samples.length < 2) return null;
  const newest = samples[samples.length - 1];
  let oldest = samples[0];
  for (let i = samples.length - 2; i >= 0; i--) {
    oldest = samples[i];
    if (newest.t - samples[i].t >= windowMs) break;
  }
  const span = newest.t - oldest.t;
  if (span < minSpanMs) return null;
  return ((newest.done - oldest.done) * 1000) / span;
}

export interface JobTimes {
  state: string;
  processed: number;
  failed: number;
  total: number | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export const TERMINAL = ["SUCCEEDED", "FAILED", "CANCELLED"];

/** Elapsed run time: from start to the end (finished jobs) or to now. */
export function elapsedMs(job: JobTimes, now: number): number | null {
  if (!job.startedAt) return null;
  const end = job.finishedAt ? Date.parse(job.finishedAt) : now;
  return Math.max(0, end - Date.parse(job.startedAt));
}

/** The rate to show: the whole run's average for a finished job, the recent rate for a running one. */
export function displayRate(job: JobTimes, samples: Sample[], now: number): number | null {
  if (TERMINAL.includes(job.state)) {
    const ms = elapsedMs(job, now);
    return ms && ms > 0 ? ((job.processed + job.failed) * 1000) / ms : null;
  }
  return job.state === "RUNNING" ? recentRate(samples) : null;
}

/**
 * Time left, or null when it cannot honestly be said: the job is not running, the total is unknown, or there
 * is no measured rate yet (or a zero one: a stalled or throttled job has no ETA, not an infinite one).
 */
export function etaMs(job: JobTimes, rate: number | null): number | null {
  if (job.state !== "RUNNING" || job.total == null || rate == null || rate <= 0) return null;
  const remaining = Math.max(0, job.total - job.processed - job.failed);
  return (remaining / rate) * 1000;
}

/** Throughput over time for the chart: records/s per time bucket (default 1 s), x in seconds since the epoch. */
export function throughputSeries(samples: Sample[], bucketMs = 1000): [number[], number[]] {
  const xs: number[] = [];
  const ys: number[] = [];
  if (samples.length < 2) return [xs, ys];
  let from = samples[0];
  for (let i = 1; i < samples.length; i++) {
    const s = samples[i];
    if (s.t - from.t < bucketMs && i < samples.length - 1) continue;
    if (s.t > from.t) {
      xs.push(s.t / 1000);
      ys.push(((s.done - from.done) * 1000) / (s.t - from.t));
    }
    from = s;
  }
  return [xs, ys];
}

/** "2 h 05 min", "3 min 07 s", "12 s", "0.4 s". */
export function formatDuration(ms: number | null): string {
  if (ms == null || !Number.isFinite(ms)) return "—";
  if (ms < 1000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}

/** "1,234/s", "12.5/s", "0.25/s". */
export function formatRate(rate: number | null): string {
  if (rate == null || !Number.isFinite(rate)) return "—";
  const digits = rate >= 100 ? 0 : rate >= 10 ? 1 : 2;
  return `${rate.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: 0 })}/s`;
}
