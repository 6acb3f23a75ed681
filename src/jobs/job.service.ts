import { DataSource, In } from "typeorm";
import { badInput, notFound } from "../api/errors";
import { oneByKey } from "../api/batch";
import { OrderedPageArgs, paginate, Page } from "../api/pagination";
import { isUniqueViolation } from "../db/db-errors";
import { ConnectorService } from "../plugin/connector.service";
import { JobEvents } from "./job-events";
import { JobSnapshot, toSnapshot } from "./job-snapshot";
import { AlreadyRunningError, ConnectorNotEnabledError, SettingsIncompleteError, StartSyncOutcome } from "../modules/connectors/job-results";
import { Job, JobState, isTerminal } from "./entities/job.entity";
import { JobIssue } from "./entities/job-issue.entity";
import { JobLog } from "./entities/job-log.entity";
import { QueueStrategy } from "./job-queue";

export interface StartJobInput {
  connector: string;
  operation: string;
  dryRun?: boolean | null;
  full?: boolean | null;
}

export interface JobFilterInput {
  connector?: string | null;
  operation?: string | null;
  states?: JobState[] | null;
}

export interface JobOrigin {
  userId?: number;
  scheduleId?: number;
  retryOfId?: number;
}

export const activeKeyOf = (brandId: number, connector: string, operation: string) => `${brandId}:${connector}:${operation}`;

/** Starting, cancelling, retrying and reading jobs (the API side; workers run them: job-runner.ts). */
export class JobService {
  constructor(
    private readonly ds: DataSource,
    private readonly connectors: ConnectorService,
    readonly events: JobEvents,
    private readonly queue: QueueStrategy,
  ) {}

  private get repo() {
    return this.ds.getRepository(Job);
  }

  /**
   * Queues a run, or says why not: unknown connector/operation (BAD_USER_INPUT), not enabled, settings incomplete,
   * or already queued/running (one live job per brand + connector + operation, enforced by a unique key).
   */
  async start(brandId: number, input: StartJobInput, origin: JobOrigin = {}): Promise<StartSyncOutcome> {
    const plugin = this.connectors.plugin(input.connector);
    const op = this.connectors.operation(plugin, input.operation);
    if (!(await this.connectors.isEnabled(brandId, plugin))) return new ConnectorNotEnabledError(plugin.name);
    const check = await this.connectors.settings.check(plugin, brandId);
    if (!check.complete) return new SettingsIncompleteError(plugin.name, check.missing);
    const activeKey = activeKeyOf(brandId, plugin.name, input.operation);
    const live = await this.repo.findOneBy({ activeKey });
    if (live) return new AlreadyRunningError(live, plugin.name, input.operation);
    let job: Job;
    try {
      job = await this.repo.save(
        this.repo.create({
          brandId,
          connector: plugin.name,
          operation: input.operation,
          state: JobState.QUEUED,
          dryRun: !!input.dryRun,
          full: !!input.full,
          processed: 0,
          total: null,
          failed: 0,
          attempts: 0,
          maxAttempts: Math.max(1, op.attempts ?? 3),
          runAfter: null,
          cancelRequested: false,
          activeKey,
          workerId: null,
          heartbeatAt: null,
          error: null,
          summaryJson: null,
          createdById: origin.userId ?? null,
          scheduleId: origin.scheduleId ?? null,
          retryOfId: origin.retryOfId ?? null,
          startedAt: null,
          finishedAt: null,
        }),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return new AlreadyRunningError(await this.repo.findOneBy({ activeKey }), plugin.name, input.operation);
    }
    const why = origin.scheduleId ? `schedule ${origin.scheduleId}` : origin.retryOfId ? `retry of job ${origin.retryOfId}` : "startSync";
    await this.ds.getRepository(JobLog).insert({ jobId: job.id, level: "info", message: `Queued (${why})`, dataJson: null });
    this.events.publish(toSnapshot(job));
    await this.queue.enqueue(job.id);
    return job;
  }

  async get(brandId: number, id: number): Promise<Job> {
    const job = await this.repo.findOneBy({ id, brandId });
    if (!job) throw notFound("Job", id);
    return job;
  }

  async snapshot(brandId: number, id: number): Promise<JobSnapshot | null> {
    const job = await this.repo.findOneBy({ id, brandId });
    return job ? toSnapshot(job) : null;
  }

  async byIds(brandId: number, ids: readonly number[]): Promise<(Job | null)[]> {
    return oneByKey(ids, await this.repo.findBy({ brandId, id: In([...ids]) }), (j) => j.id);
  }

  list(brandId: number, filter: JobFilterInput | undefined | null, page: OrderedPageArgs): Promise<Page<Job>> {
    const qb = this.repo.createQueryBuilder("j").where("j.brandId = :brandId", { brandId });
    if (filter?.connector) qb.andWhere("j.connector = :connector", { connector: filter.connector });
    if (filter?.operation) qb.andWhere("j.operation = :operation", { operation: filter.operation });
    if (filter?.states?.length) qb.andWhere("j.state IN (:...states)", { states: filter.states });
    return paginate(qb, page);
  }

  logs(jobId: number, page: OrderedPageArgs): Promise<Page<JobLog>> {
    return paginate(this.ds.getRepository(JobLog).createQueryBuilder("l").where("l.jobId = :jobId", { jobId }), page);
  }

  issues(jobId: number, page: OrderedPageArgs): Promise<Page<JobIssue>> {
    return paginate(this.ds.getRepository(JobIssue).createQueryBuilder("i").where("i.jobId = :jobId", { jobId }), page);
  }

  /**
   * A queued job is cancelled at once; a running one is asked to stop (its handler sees the abort signal at
   * the next safe point) and ends CANCELLED. Cancelling a finished job changes nothing.
   */
  async cancel(brandId: number, id: number): Promise<Job> {
    const job = await this.get(brandId, id);
    if (isTerminal(job.state)) return job;
    const now = new Date();
    const queued = await this.repo
      .createQueryBuilder()
      .update(Job)
      .set({ state: JobState.CANCELLED, activeKey: null, finishedAt: now, cancelRequested: true, error: "Cancelled before it started" })
      .where("id = :id AND state = :state", { id, state: JobState.QUEUED })
      .execute();
    if (queued.affected === 1) {
      await this.ds.getRepository(JobLog).insert({ jobId: id, level: "info", message: "Cancelled while queued", dataJson: null });
    } else {
      await this.repo
        .createQueryBuilder()
        .update(Job)
        .set({ cancelRequested: true })
        .where("id = :id AND state = :state", { id, state: JobState.RUNNING })
        .execute();
      await this.ds.getRepository(JobLog).insert({ jobId: id, level: "info", message: "Cancellation requested", dataJson: null });
      this.events.control({ type: "cancel", jobId: id });
    }
    const updated = await this.get(brandId, id);
    this.events.publish(toSnapshot(updated, new Date()));
    return updated;
  }

  /** Starts a new job with the same connector, operation and flags as a FAILED or CANCELLED one. */
  async retry(brandId: number, id: number, userId?: number): Promise<StartSyncOutcome> {
    const job = await this.get(brandId, id);
    if (job.state !== JobState.FAILED && job.state !== JobState.CANCELLED) {
      throw badInput("id", `Job ${id} is ${job.state}: only FAILED or CANCELLED jobs can be retried`);
    }
    return this.start(brandId, { connector: job.connector, operation: job.operation, dryRun: job.dryRun, full: job.full }, { userId, retryOfId: job.id });
  }
}
