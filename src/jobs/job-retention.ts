import { DataSource, In, LessThan } from "typeorm";
import { Job, TERMINAL_STATES } from "./entities/job.entity";
import { JobIssue } from "./entities/job-issue.entity";
import { JobLog } from "./entities/job-log.entity";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes finished jobs (SUCCEEDED, FAILED, CANCELLED) whose `finishedAt` is older than `retentionDays`, with
 * their logs and issues, in batches (one short transaction each), so the job tables do not grow without
 * bound. Queued and running jobs are never touched. `retentionDays` 0 keeps everything. Returns the count.
 */
export async function pruneExpiredJobs(ds: DataSource, retentionDays: number, now = new Date(), batchSize = 500): Promise<number> {
  if (!(retentionDays > 0)) return 0;
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const terminal = In([...TERMINAL_STATES]);
  let pruned = 0;
  for (;;) {
    const rows = await ds.getRepository(Job).find({
      select: { id: true },
      where: { state: terminal, finishedAt: LessThan(cutoff) },
      order: { id: "ASC" },
      take: batchSize,
    });
    if (rows.length === 0) break;
    const ids = In(rows.map((r) => r.id));
    await ds.transaction(async (m) => {
      await m.delete(JobLog, { jobId: ids });
      await m.delete(JobIssue, { jobId: ids });
      await m.delete(Job, { id: ids, state: terminal });
    });
    pruned += rows.length;
    if (rows.length < batchSize) break;
  }
  return pruned;
}
