import { Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { BoolColumn, CreatedAt, DateOnly, IntegerColumn, Varchar } from "./columns";

/** A selling season, e.g. "AUTUMN/WINTER 20". "Most recent" means the latest startDate. */
@ObjectType()
@Entity("season")
@Index("UQ_season_brand_name", ["brandId", "name"], { unique: true })
export class Season {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @IntegerColumn() brandId: number;
  @Varchar(100) name: string;
  @Varchar(32, { nullable: true }) code: string | null;
  @DateOnly() startDate: string;
  @BoolColumn(true) active: boolean;
  @CreatedAt() createdAt: Date;
}
