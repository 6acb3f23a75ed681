import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { BoolColumn, CreatedAt, IntegerColumn, NullableDateTime, PreciseDateTime, UpdatedAt, Varchar } from "../../entities/columns";

export enum JobState {
  QUEUED = "QUEUED",
  RUNNING = "RUNNING",
  SUCCEEDED = "SUCCEEDED",
  FAILED = "FAILED",
  CANCELLED = "CANCELLED",
}
registerEnumType(JobState, { name: "JobState", description: "QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED (a transient failure goes back to QUEUED)" });

export const TERMINAL_STATES: readonly JobState[] = [JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED];
export const isTerminal = (state: JobState | string): boolean => (TERMINAL_STATES as string[]).includes(state);

/**
 * A persisted run of a connector operation: the source of truth whatever the queue (database or BullMQ).
 * `activeKey` is brand:connector:operation while QUEUED/RUNNING and NULL after, and unique: at most one live
 * job per brand + connector + operation, enforced by the database.
 */
@ObjectType({ description: "A run of a connector operation (persisted; logs and per-record issues are paged)" })
@Entity("job")
@Index("IDX_job_state_run_after", ["state", "runAfter"])
@Index("IDX_job_brand_connector", ["brandId", "connector"])
@Index("UQ_job_active_key", ["activeKey"], { unique: true })
export class Job {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @IntegerColumn() brandId: number;
  @Field() @Varchar(64) connector: string;
  @Field() @Varchar(64) operation: string;
  @Field(() => JobState) @Varchar(16) state: JobState;
  @Field() @BoolColumn(false) dryRun: boolean;
  @Field({ description: "Ignore the incremental state and do everything again" }) @BoolColumn(false) full: boolean;
  @Field(() => Int, { description: "Records processed successfully" }) @IntegerColumn({ default: 0 }) processed: number;
  @Field(() => Int, { nullable: true, description: "Records expected (null until the operation knows)" })
  @IntegerColumn({ nullable: true })
  total: number | null;
  @Field(() => String, { nullable: true, description: 'The step a multi-phase job is in (e.g. "products"); progress counts over all steps' })
  @Varchar(64, { nullable: true })
  phase: string | null;
  @Field(() => Date, { nullable: true, description: "A running job paused by its platform (e.g. out of API credits) until this time; null when not waiting" })
  @NullableDateTime()
  waitingUntil: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it waits, e.g. "waiting for API credits"' })
  @Varchar(200, { nullable: true })
  waitingReason: string | null;
  @Field(() => Int, { description: "Records that failed (see issues)" }) @IntegerColumn({ default: 0 }) failed: number;
  @Field(() => Int, { description: "Runs started so far (retries included)" }) @IntegerColumn({ default: 0 }) attempts: number;
  @Field(() => Int) @IntegerColumn({ default: 3 }) maxAttempts: number;
  /** Claimed before ordinary jobs when higher: 1 for a job taken back from a stopped or dead worker (it goes to the front). */
  @IntegerColumn({ default: 0 }) priority: number;
  /** Not before (retry backoff). */
  @PreciseDateTime() runAfter: Date | null;
  @Field() @BoolColumn(false) cancelRequested: boolean;
  @Varchar(160, { nullable: true }) activeKey: string | null;
  /** The worker process running it, and its last sign of life. */
  @Varchar(64, { nullable: true }) workerId: string | null;
  @PreciseDateTime() heartbeatAt: Date | null;
  @Field(() => String, { nullable: true }) @Column({ type: "text", nullable: true }) error: string | null;
  /** JSON of the resume point the operation saved (`ctx.saveCheckpoint`) with the counters at that moment; cleared when the job ends. */
  @Column({ type: "text", nullable: true }) checkpointJson: string | null;
  /** JSON of the operation's result summary. */
  @Column({ type: "text", nullable: true }) summaryJson: string | null;
  @IntegerColumn({ nullable: true }) createdById: number | null;
  @IntegerColumn({ nullable: true }) scheduleId: number | null;
  @Field(() => ID, { nullable: true, description: "The job this one retries" }) @IntegerColumn({ nullable: true }) retryOfId: number | null;
  @Field() @CreatedAt() createdAt: Date;
  @Field(() => Date, { nullable: true }) @PreciseDateTime() startedAt: Date | null;
  @Field(() => Date, { nullable: true }) @PreciseDateTime() finishedAt: Date | null;
  @Field({ description: "Last change (live updates carry the time they were published)" }) @UpdatedAt() updatedAt: Date;
}
