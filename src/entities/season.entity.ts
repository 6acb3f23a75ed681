import { Entity, Index } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { BoolColumn, CreatedAt, DateOnly, Varchar } from "./columns";
import { BrandOwnedEntity } from "./brand-owned.entity";

/** A selling season, e.g. "AUTUMN/WINTER 20". "Most recent" means the latest startDate. */
@ObjectType({ simpleResolvers: true, description: "A selling season. The most recent season is the one with the latest startDate." })
@Entity("season")
@Index("UQ_season_brand_name", ["brandId", "name"], { unique: true })
export class Season extends BrandOwnedEntity {
  @Field({ description: "e.g. AUTUMN/WINTER 20 (matched by name with platforms)" }) @Varchar(100) name: string;
  @Field(() => String, { nullable: true }) @Varchar(32, { nullable: true }) code: string | null;
  @Field({ description: "ISO 8601 date" }) @DateOnly() startDate: string;
  @Field() @BoolColumn(true) active: boolean;
  @Field() @CreatedAt() createdAt: Date;
}
