import { AppPubSub } from "../pubsub/app-pubsub";
import { isNewer, JobSnapshot } from "./job-snapshot";

export interface JobControlMessage {
  type: "cancel";
  jobId: number;
}

/**
 * Job events on the pub/sub: per job (`jobUpdated`), per brand (`jobFeed`), and a control channel that tells
 * whichever worker runs a job to cancel it.
 */
export class JobEvents {
  /** `refreshMs`: how long a `jobUpdated` stream waits for an event before it re-reads the job (SELVEDGE_JOB_REFRESH_MS). */
  constructor(
    readonly bus: AppPubSub,
    readonly refreshMs = 2000,
  ) {}

  private topic(name: string): string {
    return `${this.bus.prefix}:${name}`;
  }

  publish(snapshot: JobSnapshot): void {
    this.bus.pubSub.publish(this.topic("job"), snapshot.id, snapshot);
    this.bus.pubSub.publish(this.topic("jobfeed"), snapshot.brandId, snapshot);
  }

  job(id: number): AsyncIterable<JobSnapshot> {
    return this.bus.pubSub.subscribe(this.topic("job"), id) as AsyncIterable<JobSnapshot>;
  }

  feed(brandId: number): AsyncIterable<JobSnapshot> {
    return this.bus.pubSub.subscribe(this.topic("jobfeed"), brandId) as AsyncIterable<JobSnapshot>;
  }

  control(message: JobControlMessage): void {
    this.bus.pubSub.publish(this.topic("jobcontrol"), message);
  }

  controls(): AsyncIterable<JobControlMessage> {
    return this.bus.pubSub.subscribe(this.topic("jobcontrol")) as AsyncIterable<JobControlMessage>;
  }
}

/**
 * The `jobUpdated` stream: the current state first, then every newer change, ending after the terminal state.
 * It subscribes before reading the database (nothing published in between is lost) and re-reads the row when
 * no event came for `quietMs` (covers a lost pub/sub message and deployments without Redis, where another
 * process's events never arrive): so a change is seen at most `quietMs` (+ one query) late. One timer per
 * subscriber, re-armed only when it fires (an event just moves `lastAt`): 1,000 subscribers on a job stay cheap.
 */
export async function* jobUpdates(
  events: JobEvents,
  id: number,
  load: () => Promise<JobSnapshot | null>,
  quietMs = events.refreshMs,
): AsyncGenerator<JobSnapshot> {
  const iterator = events.job(id)[Symbol.asyncIterator]();
  const queue: JobSnapshot[] = [];
  const waiter: { wake: (() => void) | null } = { wake: null };
  let ended = false;
  let stopped = false;
  let lastAt = Date.now();
  const push = (s: JobSnapshot) => {
    queue.push(s);
    waiter.wake?.();
  };
  const pump = (async () => {
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        lastAt = Date.now();
        push(next.value);
      }
    } finally {
      ended = true;
      waiter.wake?.();
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  const arm = (ms: number) => {
    if (!stopped) timer = setTimeout(tick, Math.max(1, ms));
  };
  const tick = () => {
    const quietFor = Date.now() - lastAt;
    if (quietFor < quietMs) return arm(quietMs - quietFor);
    lastAt = Date.now();
    void load()
      .then(
        (s) => s && push(s),
        () => undefined,
      )
      .finally(() => arm(quietMs));
  };
  arm(quietMs);
  try {
    const first = await load();
    if (!first) return;
    let last = first;
    yield first;
    if (isTerminal(first)) return;
    for (;;) {
      while (queue.length) {
        const next = queue.shift()!;
        if (!isNewer(next, last)) continue;
        last = next;
        yield next;
        if (isTerminal(next)) return;
      }
      if (ended) return;
      await new Promise<void>((resolve) => (waiter.wake = resolve));
      waiter.wake = null;
    }
  } finally {
    stopped = true;
    clearTimeout(timer);
    await iterator.return?.();
    await pump.catch(() => undefined);
  }
}

export function isTerminal(s: JobSnapshot): boolean {
  return s.state !== "QUEUED" && s.state !== "RUNNING";
}
