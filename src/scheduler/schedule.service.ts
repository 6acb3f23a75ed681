import { DataSource } from "typeorm";
import { InputProblems, notFound } from "../api/errors";
import { isUniqueViolation } from "../db/db-errors";
import { JobSchedule } from "../jobs/entities/job-schedule.entity";
import { ConnectorService } from "../plugin/connector.service";

export interface ScheduleInput {
  connector: string;
  operation: string;
  intervalMinutes: number;
  enabled?: boolean | null;
  full?: boolean | null;
}

export const MAX_INTERVAL_MINUTES = 7 * 24 * 60;

/** Per-brand, per-operation schedules ("import orders every 10 minutes"), stored in the database. */
export class ScheduleService {
  constructor(
    private readonly ds: DataSource,
    private readonly connectors: ConnectorService,
  ) {}

  list(brandId: number): Promise<JobSchedule[]> {
    return this.ds.getRepository(JobSchedule).find({ where: { brandId }, order: { id: "ASC" } });
  }

  /** Creates or replaces the schedule of one operation; the next run is one interval from now. */
  async set(brandId: number, input: ScheduleInput, now = new Date()): Promise<JobSchedule> {
    const plugin = this.connectors.plugin(input.connector);
    this.connectors.operation(plugin, input.operation);
    const p = new InputProblems();
    p.check(
      Number.isInteger(input.intervalMinutes) && input.intervalMinutes >= 1 && input.intervalMinutes <= MAX_INTERVAL_MINUTES,
      "intervalMinutes",
      `must be a whole number of minutes between 1 and ${MAX_INTERVAL_MINUTES}`,
    );
    p.throwIfAny();
    const repo = this.ds.getRepository(JobSchedule);
    const values = {
      intervalMinutes: input.intervalMinutes,
      enabled: input.enabled ?? true,
      full: input.full ?? false,
      nextRunAt: new Date(now.getTime() + input.intervalMinutes * 60_000),
    };
    const key = { brandId, connector: plugin.name, operation: input.operation };
    const existing = await repo.findOneBy(key);
    if (existing) {
      await repo
        .createQueryBuilder()
        .update(JobSchedule)
        .set({ ...values, version: () => "version + 1" })
        .where("id = :id", { id: existing.id })
        .execute();
      return repo.findOneByOrFail({ id: existing.id });
    }
    try {
      return await repo.save(repo.create({ ...key, ...values, lastRunAt: null, lastJobId: null, version: 0 }));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return this.set(brandId, input, now);
    }
  }

  /** The operations' default schedules (OperationDefinition.defaultSchedule) that the brand does not have yet. */
  async ensureDefaults(brandId: number, connector: string, now = new Date()): Promise<void> {
    const plugin = this.connectors.plugin(connector);
    const repo = this.ds.getRepository(JobSchedule);
    for (const [operation, def] of Object.entries(plugin.operations ?? {})) {
      if (!def.defaultSchedule) continue;
      if (await repo.existsBy({ brandId, connector: plugin.name, operation })) continue;
      try {
        await this.set(brandId, { connector: plugin.name, operation, intervalMinutes: def.defaultSchedule.intervalMinutes }, now);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
  }

  async remove(brandId: number, id: number): Promise<boolean> {
    const result = await this.ds.getRepository(JobSchedule).delete({ id, brandId });
    if (!result.affected) throw notFound("JobSchedule", id);
    return true;
  }
}
