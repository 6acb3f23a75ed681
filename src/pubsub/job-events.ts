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
 * no event came for `quietMs` (covers a lost pub/sub message and deployments without Redis).
 */
export async function* jobUpdates(
  events: JobEvents,
  id: number,
  load: () => Promise<JobSnapshot | null>,
  quietMs = 2000,
): AsyncGenerator<JobSnapshot> {
  const iterator = events.job(id)[Symbol.asyncIterator]();
  try {
    const first = await load();
    if (!first) return;
    let last = first;
    yield first;
    if (isTerminal(first)) return;
    let pending = iterator.next();
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const quiet = new Promise<"quiet">((resolve) => (timer = setTimeout(() => resolve("quiet"), quietMs)));
      const winner = await Promise.race([pending, quiet]);
      clearTimeout(timer);
      let next: JobSnapshot | null;
      if (winner === "quiet") {
        next = await load();
      } else {
        if (winner.done) return;
        pending = iterator.next();
        next = winner.value;
      }
      if (next && isNewer(next, last)) {
        last = next;
        yield next;
        if (isTerminal(next)) return;
      }
    }
  } finally {
    await iterator.return?.();
  }
}

export function isTerminal(s: JobSnapshot): boolean {
  return s.state !== "QUEUED" && s.state !== "RUNNING";
}
