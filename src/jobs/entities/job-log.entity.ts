import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { CreatedAt, IntegerColumn, Varchar } from "../../entities/columns";

/** One log line of a job (rows, not a growing JSON blob). */
@ObjectType()
@Entity("job_log")
@Index("IDX_job_log_job", ["jobId"])
export class JobLog {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @IntegerColumn() jobId: number;
  @Field({ description: "debug, info, warn or error" }) @Varchar(8) level: string;
  @Field() @Column({ type: "text" }) message: string;
  /** JSON of structured data. */
  @Column({ type: "text", nullable: true }) dataJson: string | null;
  @Field() @CreatedAt() createdAt: Date;
}
