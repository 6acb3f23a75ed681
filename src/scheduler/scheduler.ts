import type { Logger } from "pino";
import { DataSource, LessThanOrEqual } from "typeorm";
import { JobSchedule } from "../jobs/entities/job-schedule.entity";
import { Job } from "../jobs/entities/job.entity";
import { JobService } from "../jobs/job.service";

/** The first run time after `now` on the schedule's grid (missed runs while everything was down are skipped). */
export function nextRunAfter(schedule: Pick<JobSchedule, "nextRunAt" | "intervalMinutes">, now: Date): Date {
  const step = schedule.intervalMinutes * 60_000;
  const from = new Date(schedule.nextRunAt).getTime();
  const k = Math.max(1, Math.floor((now.getTime() - from) / step) + 1);
  return new Date(from + k * step);
}

/**
 * Runs due schedules, in every worker. A worker takes a due schedule by moving it to its next run with a
 * conditional update on `version`: exactly one worker wins each run, however many tick at the same moment.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ds: DataSource,
    private readonly jobs: JobService,
    private readonly logger: Logger,
  ) {}

  start(tickMs: number): void {
    this.timer = setInterval(() => {
      this.ticking = this.tick().catch((error) => this.logger.error({ err: error }, "scheduler tick failed"));
    }, tickMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
  }

  /** Starts the jobs of every schedule due at `now`; returns the ids of the jobs this call started. */
  async tick(now = new Date()): Promise<number[]> {
    const repo = this.ds.getRepository(JobSchedule);
    const due = await repo.find({ where: { enabled: true, nextRunAt: LessThanOrEqual(now) }, order: { nextRunAt: "ASC" }, take: 100 });
    const started: number[] = [];
    for (const s of due) {
      const claimed = await this.ds
        .createQueryBuilder()
        .update(JobSchedule)
        .set({ nextRunAt: nextRunAfter(s, now), lastRunAt: now, version: () => "version + 1" })
        .where("id = :id AND version = :version", { id: s.id, version: s.version })
        .execute();
      if (claimed.affected !== 1) continue;
      try {
        const outcome = await this.jobs.start(s.brandId, { connector: s.connector, operation: s.operation, full: s.full }, { scheduleId: s.id });
        if (outcome instanceof Job) {
          started.push(outcome.id);
          await repo.update({ id: s.id }, { lastJobId: outcome.id });
        } else {
          this.logger.warn(
            { schedule: s.id, brandId: s.brandId, reason: outcome.errorCode },
            `scheduled ${s.connector}/${s.operation} skipped: ${outcome.message}`,
          );
        }
      } catch (error) {
        this.logger.error({ err: error, schedule: s.id }, "scheduled job could not start");
      }
    }
    return started;
  }
}
