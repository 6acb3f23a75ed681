import { Job } from "./entities/job.entity";

/** What a queue strategy drives on the worker side. The job table is the source of truth: claims are conditional updates. */
export interface QueueConsumer {
  /** Claims the next due job (database strategy). */
  claimNext(): Promise<Job | null>;
  /** Claims this job if it is still QUEUED (BullMQ strategy: a message only says "look at job N"). */
  claimById(id: number): Promise<Job | null>;
  /** False once the worker is stopping: a message taken then must go back to the queue for another worker. */
  accepting(): boolean;
  /** Runs a claimed job to its end (success, failure, retry, cancellation or shutdown). */
  run(job: Job): Promise<void>;
}

/** How a job gets from the API process to a worker: the database only (default), or BullMQ over Redis. */
export interface QueueStrategy {
  readonly name: "database" | "bullmq" | "memory";
  /** A job is due now (or after `delayMs`): tell a worker. `front`: ahead of the jobs already waiting (a recovered job). */
  enqueue(jobId: number, delayMs?: number, options?: { front?: boolean }): Promise<void>;
  /** Starts consuming (worker processes only). */
  start(consumer: QueueConsumer, concurrency: number): Promise<void>;
  /** Stops taking new jobs (running ones are handled by the worker). */
  stop(): Promise<void>;
  /** Closes connections. */
  close(): Promise<void>;
}
