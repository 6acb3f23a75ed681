import { AppPubSub } from "./app-pubsub";
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
  constructor(readonly bus: AppPubSub) {}

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
 * no event came for `quietMs` (covers a lost pub/sub message and deployments without Redis). One timer per
 * subscriber, no allocation per event beyond the queue entry: 1,000 subscribers on a job stay cheap.
 */
export async function* jobUpdates(
  events: JobEvents,
  id: number,
  load: () => Promise<JobSnapshot | null>,
  quietMs = 2000,
): AsyncGenerator<JobSnapshot> {
  const iterator = events.job(id)[Symbol.asyncIterator]();
  const queue: JobSnapshot[] = [];
  const waiter: { wake: (() => void) | null } = { wake: null };
  let ended = false;
  let lastAt = Date.now();
  const push = (s: JobSnapshot) => {
    queue.push(s);
    lastAt = Date.now();
    waiter.wake?.();
  };
  const pump = (async () => {
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        push(next.value);
      }
    } finally {
      ended = true;
      waiter.wake?.();
    }
  })();
  const quiet = setInterval(() => {
    if (Date.now() - lastAt < quietMs) return;
    lastAt = Date.now();
    void load().then((s) => s && push(s), () => undefined);
  }, quietMs);
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
    clearInterval(quiet);
    await iterator.return?.();
    await pump.catch(() => undefined);
  }
}

export function isTerminal(s: JobSnapshot): boolean {
  return s.state !== "QUEUED" && s.state !== "RUNNING";
}
