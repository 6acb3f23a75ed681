import { randomBytes } from "node:crypto";
import { Queue, Worker } from "bullmq";
import Redis from "ioredis";
import type { Logger } from "pino";
import { QueueConsumer, QueueStrategy } from "../job-queue";

const QUEUE_NAME = "selvedge-jobs";

/**
 * BullMQ as the transport when REDIS_URL is set. A message only says "job N is due"; the worker claims the
 * row with a conditional update, so duplicate or stale messages are harmless and the job table stays the
 * source of truth (state, progress, logs). Retries, backoff and cancellation are the runner's, not BullMQ's.
 */
export class BullmqQueue implements QueueStrategy {
  readonly name = "bullmq" as const;
  private readonly connection: Redis;
  private readonly queue: Queue;
  private worker: Worker | null = null;
  private workerConnection: Redis | null = null;

  constructor(
    redisUrl: string,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {
    this.connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.queue = new Queue(QUEUE_NAME, { connection: this.connection, prefix: `${prefix}:bull` });
  }

  async enqueue(jobId: number, delayMs = 0, options: { front?: boolean } = {}): Promise<void> {
    await this.queue.add(
      "run",
      { jobId },
      {
        lifo: !!options.front,
        jobId: `job-${jobId}-${Date.now()}-${randomBytes(3).toString("hex")}`,
        delay: Math.max(0, delayMs),
        attempts: 1,
        removeOnComplete: true,
        removeOnFail: 1000,
      },
    );
  }

  async start(consumer: QueueConsumer, concurrency: number): Promise<void> {
    this.workerConnection = this.connection.duplicate();
    this.worker = new Worker(
      QUEUE_NAME,
      async (message) => {
        const jobId = Number(message.data.jobId);
        // taken while this worker is stopping (BullMQ may still hand out a message after pause()): pass it on
        if (!consumer.accepting()) return this.enqueue(jobId, 0, { front: true });
        const job = await consumer.claimById(jobId);
        if (job) await consumer.run(job);
      },
      { connection: this.workerConnection, prefix: `${this.prefix}:bull`, concurrency, autorun: true },
    );
    this.worker.on("error", (error) => this.logger.error({ err: error }, "BullMQ worker error"));
  }

  async stop(): Promise<void> {
    // Running jobs are aborted by the worker (shutdown) before close() waits for them.
    await this.worker?.pause(true).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.worker?.close().catch(() => undefined);
    await this.queue.close().catch(() => undefined);
    await this.workerConnection?.quit().catch(() => undefined);
    await this.connection.quit().catch(() => undefined);
  }
}
