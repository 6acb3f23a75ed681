// Live jobs: one jobFeed subscription for the brand feeds a store; updates are applied once per animation frame
// (50 jobs × 10 events/s become one render per frame), and each job keeps its progress samples for the rate,
// the ETA and the throughput chart.
import { useEffect, useState } from "preact/hooks";
import { gql, subscribe } from "./api";
import { addSample, Sample } from "./rate";
import { isNewer } from "./job-order";

export interface Job {
  id: string;
  connector: string;
  operation: string;
  state: string;
  progress: number;
  processed: number;
  failed: number;
  total: number | null;
  dryRun: boolean;
  full: boolean;
  error: string | null;
  summary: Record<string, unknown> | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
  attempts: number;
  maxAttempts: number;
  retryOfId: string | null;
  cancelRequested: boolean;
  /** Optional fields, asked for only when the server's Job type has them (see jobFields). */
  phase?: string | null;
  waitingUntil?: string | null;
  waitingReason?: string | null;
}

const BASE_FIELDS =
  "id connector operation state progress processed failed total dryRun full error summary createdAt startedAt finishedAt updatedAt attempts maxAttempts retryOfId cancelRequested";
const OPTIONAL_FIELDS = ["phase", "waitingUntil", "waitingReason"];
let jobFieldList = BASE_FIELDS;

/** Feature detection by introspection: the dashboard works against servers with and without the optional fields. */
export async function detectJobFields(): Promise<string> {
  const data = await gql<{ __type: { fields: { name: string }[] } | null }>(`{ __type(name: "Job") { fields { name } } }`);
  const names = new Set((data.__type?.fields ?? []).map((f) => f.name));
  jobFieldList = [BASE_FIELDS, ...OPTIONAL_FIELDS.filter((f) => names.has(f))].join(" ");
  return jobFieldList;
}

export const jobFields = () => jobFieldList;

type Listener = () => void;

class JobStore {
  jobs = new Map<string, Job>();
  samples = new Map<string, Sample[]>();
  version = 0;
  private pending = new Map<string, Job>();
  private listeners = new Set<Listener>();
  private scheduled = false;
  private unsubscribe: (() => void) | null = null;

  put(job: Job): void {
    this.pending.set(job.id, job);
    if (this.scheduled) return;
    this.scheduled = true;
    const flush = () => {
      this.scheduled = false;
      for (const j of this.pending.values()) this.apply(j);
      this.pending.clear();
      this.version++;
      this.listeners.forEach((l) => l());
    };
    if (typeof requestAnimationFrame === "function" && document.visibilityState === "visible") requestAnimationFrame(flush);
    else setTimeout(flush, 16);
  }

  private apply(job: Job): void {
    const old = this.jobs.get(job.id);
    if (old && !isNewer(job, old)) return; // a late, older event
    this.jobs.set(job.id, job);
    if (job.startedAt) {
      const s = addSample(this.samples.get(job.id) ?? [], { t: Date.parse(job.updatedAt), done: job.processed + job.failed });
      this.samples.set(job.id, s);
    }
  }

  subscribeFeed(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = subscribe<{ jobFeed: Job }>(`subscription { jobFeed { ${jobFields()} } }`, {}, (d) => this.put(d.jobFeed));
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.jobs.clear();
    this.samples.clear();
  }

  listen(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

export const store = new JobStore();

/** Re-renders the component on every store flush. */
export function useStore(): number {
  const [v, setV] = useState(store.version);
  useEffect(() => store.listen(() => setV(store.version)), []);
  return v;
}

/** One job, re-rendering only when that job changes (not on every flush of the other jobs' updates). */
export function useJob(id: string): Job | undefined {
  const [job, setJob] = useState(store.jobs.get(id));
  useEffect(() => {
    setJob(store.jobs.get(id));
    return store.listen(() => {
      const next = store.jobs.get(id);
      setJob((cur) => (cur === next ? cur : next));
    });
  }, [id]);
  return job;
}

/** A clock for elapsed times (ticks every second while something runs). */
export function useNow(periodMs = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(t);
  }, [periodMs]);
  return now;
}
