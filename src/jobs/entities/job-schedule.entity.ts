import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { BoolColumn, CreatedAt, IntegerColumn, NullableDateTime, UpdatedAt, Varchar } from "../../entities/columns";

/**
 * Run an operation for a brand every N minutes. Workers claim a due schedule by bumping `version` with a
 * conditional UPDATE, so several workers never start the same run twice.
 */
@ObjectType({ description: "A recurring run of a connector operation for the brand" })
@Entity("job_schedule")
@Index("UQ_job_schedule", ["brandId", "connector", "operation"], { unique: true })
@Index("IDX_job_schedule_due", ["enabled", "nextRunAt"])
export class JobSchedule {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @IntegerColumn() brandId: number;
  @Field() @Varchar(64) connector: string;
  @Field() @Varchar(64) operation: string;
  @Field(() => Int) @IntegerColumn() intervalMinutes: number;
  @Field() @BoolColumn(true) enabled: boolean;
  @Field() @BoolColumn(false) full: boolean;
  @Field(() => Date) @Column({ type: "datetime" }) nextRunAt: Date;
  @Field(() => Date, { nullable: true }) @NullableDateTime() lastRunAt: Date | null;
  @Field(() => ID, { nullable: true }) @IntegerColumn({ nullable: true }) lastJobId: number | null;
  @IntegerColumn({ default: 0 }) version: number;
  @Field() @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
