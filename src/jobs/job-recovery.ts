import { DataSource, LessThan } from "typeorm";
import { JobEvents } from "./job-events";
import { toSnapshot } from "./job-snapshot";
import { Job, JobState } from "./entities/job.entity";
import { JobLog } from "./entities/job-log.entity";
import { QueueStrategy } from "./job-queue";

/**
 * Finds RUNNING jobs whose worker stopped sending heartbeats (the process died) and takes them back:
 * re-queued when attempts remain, FAILED with a clear error otherwise. The conditional update (same worker,
 * heartbeat still old) makes it safe when several workers recover at once; the old worker, if it was only
 * slow, sees it lost the job and stops without settling it.
 */
export async function recoverStaleJobs(ds: DataSource, events: JobEvents, queue: QueueStrategy, staleAfterMs: number, now = new Date()): Promise<number[]> {
  const cutoff = new Date(now.getTime() - staleAfterMs);
  const stale = await ds.getRepository(Job).find({ where: { state: JobState.RUNNING, heartbeatAt: LessThan(cutoff) }, take: 100 });
  const recovered: number[] = [];
  for (const job of stale) {
    const retry = job.attempts < job.maxAttempts;
    const message = `The worker running attempt ${job.attempts} (${job.workerId}) stopped responding`;
    const result = await ds
      .createQueryBuilder()
      .update(Job)
      .set(
        retry
          ? { state: JobState.QUEUED, workerId: null, runAfter: null, error: message, priority: 1 }
          : { state: JobState.FAILED, activeKey: null, finishedAt: now, error: `${message}; no attempts left (${job.maxAttempts})` },
      )
      .where("id = :id AND state = :state AND workerId = :worker AND heartbeatAt < :cutoff", {
        id: job.id,
        state: JobState.RUNNING,
        worker: job.workerId,
        cutoff,
      })
      .execute();
    if (result.affected !== 1) continue;
    recovered.push(job.id);
    await ds.getRepository(JobLog).insert({
      jobId: job.id,
      level: "warn",
      dataJson: null,
      message: retry ? `${message}; recovered and re-queued (attempt ${job.attempts + 1} of ${job.maxAttempts} next)` : `${message}; failed (no attempts left)`,
    });
    const fresh = await ds.getRepository(Job).findOneByOrFail({ id: job.id });
    events.publish(toSnapshot(fresh, new Date()));
    if (retry) await queue.enqueue(job.id, 0, { front: true }); // it waited long enough: ahead of the queue
  }
  return recovered;
}

/** BullMQ safety net: QUEUED jobs that are due but untouched for a while are announced again (claims are idempotent). */
export async function reannounceQueuedJobs(ds: DataSource, queue: QueueStrategy, olderThanMs: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - olderThanMs);
  const rows = await ds
    .getRepository(Job)
    .createQueryBuilder("j")
    .select(["j.id"])
    .where("j.state = :state AND j.updatedAt < :cutoff AND (j.runAfter IS NULL OR j.runAfter <= :now)", { state: JobState.QUEUED, cutoff, now })
    .orderBy("j.priority", "DESC")
    .addOrderBy("j.id", "ASC")
    .limit(100)
    .getMany();
  for (const r of rows) await queue.enqueue(r.id);
  return rows.length;
}
