import type { Logger } from "pino";
import { QueueConsumer, QueueStrategy } from "../job-queue";

/**
 * The default queue: nothing but the database. Workers poll for due jobs (and are woken at once when the job
 * was queued in the same process); claims are safe across processes (see job-claims.ts).
 */
export class DatabaseQueue implements QueueStrategy {
  readonly name = "database" as const;
  private running = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly pollMs: number,
    private readonly logger: Logger,
  ) {}

  async enqueue(_jobId: number, delayMs = 0): Promise<void> {
    if (delayMs <= 0) {
      this.wake?.();
      return;
    }
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.wake?.();
    }, delayMs + 5);
    t.unref();
    this.timers.add(t);
  }

  async start(consumer: QueueConsumer, concurrency: number): Promise<void> {
    this.running = true;
    let active = 0;
    this.loop = (async () => {
      while (this.running) {
        while (this.running && active < concurrency) {
          let job;
          try {
            job = await consumer.claimNext();
          } catch (error) {
            this.logger.error({ err: error }, "claiming a job failed");
            break;
          }
          if (!job) break;
          active++;
          void consumer
            .run(job)
            .catch((error) => this.logger.error({ err: error, jobId: job.id }, "job run crashed"))
            .finally(() => {
              active--;
              this.wake?.();
            });
        }
        if (!this.running) break;
        await new Promise<void>((resolve) => {
          const t = setTimeout(done, this.pollMs);
          function done() {
            clearTimeout(t);
            resolve();
          }
          this.wake = done;
        });
        this.wake = null;
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
