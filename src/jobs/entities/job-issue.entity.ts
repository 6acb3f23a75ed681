import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { CreatedAt, IntegerColumn, Varchar } from "../../entities/columns";

/** A per-record problem met by a job (the job goes on). */
@ObjectType({ description: "A per-record problem (the job went on): which record, a code and a message" })
@Entity("job_issue")
@Index("IDX_job_issue_job", ["jobId"])
export class JobIssue {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @IntegerColumn() jobId: number;
  @Field({ description: "Kind of record, e.g. order, product" }) @Varchar(64) entity: string;
  @Field({ description: "Which record, e.g. the platform's order id" }) @Varchar(255) key: string;
  @Field() @Varchar(64) code: string;
  @Field() @Column({ type: "text" }) message: string;
  @Field() @CreatedAt() createdAt: Date;
}
