import type { Logger } from "pino";
import { QueueConsumer, QueueStrategy } from "../job-queue";

/**
 * A queue in this process's memory: "job N is due" messages in an array, consumed by this process's worker
 * (claims still go through the job table, so a message for a job already taken is dropped). For tests and
 * single-process set-ups (role "all"); messages do not survive a restart, so the worker re-announces queued
 * jobs at start-up as with BullMQ. Passed in as `StartOptions.queue`.
 */
export class InMemoryQueue implements QueueStrategy {
  readonly name = "memory" as const;
  private readonly waiting: number[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private consumer: QueueConsumer | null = null;
  private concurrency = 1;
  private active = 0;
  private running = false;
  /** How many messages were enqueued (tests check that this strategy was the one used). */
  enqueued = 0;

  constructor(private readonly logger?: Logger) {}

  async enqueue(jobId: number, delayMs = 0, options: { front?: boolean } = {}): Promise<void> {
    this.enqueued++;
    if (delayMs <= 0) return this.push(jobId, options.front === true);
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.push(jobId, options.front === true);
    }, delayMs);
    t.unref();
    this.timers.add(t);
  }

  async start(consumer: QueueConsumer, concurrency: number): Promise<void> {
    this.consumer = consumer;
    this.concurrency = Math.max(1, concurrency);
    this.running = true;
    this.drain();
  }

  async stop(): Promise<void> {
    this.running = false;
  }

  async close(): Promise<void> {
    this.running = false;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.waiting.length = 0;
  }

  private push(jobId: number, front: boolean): void {
    if (this.waiting.includes(jobId)) return;
    if (front) this.waiting.unshift(jobId);
    else this.waiting.push(jobId);
    this.drain();
  }

  private drain(): void {
    const consumer = this.consumer;
    while (consumer && this.running && consumer.accepting() && this.active < this.concurrency && this.waiting.length) {
      const id = this.waiting.shift()!;
      this.active++;
      void (async () => {
        const job = await consumer.claimById(id);
        if (job) await consumer.run(job);
      })()
        .catch((error) => this.logger?.error({ err: error, jobId: id }, "job run crashed"))
        .finally(() => {
          this.active--;
          this.drain();
        });
    }
  }
}
