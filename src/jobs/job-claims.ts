import { DataSource } from "typeorm";
import { Job, JobState } from "./entities/job.entity";

/** Counters are left as they are: the runner restores them from the checkpoint and the stored issues (job-runner.ts). */
const claimValues = (workerId: string, now: Date) => ({
  state: JobState.RUNNING,
  workerId,
  heartbeatAt: now,
  startedAt: now,
  runAfter: null,
  attempts: () => "attempts + 1",
});

const isMysqlFamily = (ds: DataSource) => ds.options.type === "mysql" || ds.options.type === "mariadb";

/** QUEUED → RUNNING for this worker, only if still QUEUED (atomic on both databases). Returns the claimed row. */
export async function claimById(ds: DataSource, id: number, workerId: string): Promise<Job | null> {
  const now = new Date();
  const result = await ds
    .createQueryBuilder()
    .update(Job)
    .set(claimValues(workerId, now))
    .where("id = :id AND state = :state", { id, state: JobState.QUEUED })
    .execute();
  if (result.affected !== 1) return null;
  return ds.getRepository(Job).findOneBy({ id, workerId, state: JobState.RUNNING });
}

/**
 * Claims the due QUEUED job with the highest priority (recovered jobs first), oldest first. MySQL/MariaDB: `SELECT … FOR UPDATE SKIP LOCKED` in a short transaction,
 * so concurrent workers take different jobs without waiting. SQLite (one writer at a time): pick candidates,
 * then the conditional update decides; a lost race just tries the next candidate.
 */
export async function claimNext(ds: DataSource, workerId: string): Promise<Job | null> {
  const now = new Date();
  if (isMysqlFamily(ds)) {
    const id = await ds.transaction(async (m) => {
      const row = await m
        .getRepository(Job)
        .createQueryBuilder("j")
        .select(["j.id"])
        .where("j.state = :state AND (j.runAfter IS NULL OR j.runAfter <= :now)", { state: JobState.QUEUED, now })
        .orderBy("j.priority", "DESC")
        .addOrderBy("j.id", "ASC")
        .limit(1)
        .setLock("pessimistic_write")
        .setOnLocked("skip_locked")
        .getOne();
      if (!row) return null;
      await m.createQueryBuilder().update(Job).set(claimValues(workerId, now)).where("id = :id", { id: row.id }).execute();
      return row.id;
    });
    return id === null ? null : ds.getRepository(Job).findOneBy({ id, workerId, state: JobState.RUNNING });
  }
  const candidates = await ds
    .getRepository(Job)
    .createQueryBuilder("j")
    .select(["j.id"])
    .where("j.state = :state AND (j.runAfter IS NULL OR j.runAfter <= :now)", { state: JobState.QUEUED, now })
    .orderBy("j.priority", "DESC")
    .addOrderBy("j.id", "ASC")
    .limit(5)
    .getMany();
  for (const c of candidates) {
    const job = await claimById(ds, c.id, workerId);
    if (job) return job;
  }
  return null;
}
