import { Entity, Index, PrimaryGeneratedColumn, Column } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { CreatedAt, Varchar } from "./columns";

/** A tenant. Every other record belongs to exactly one brand. */
@ObjectType({ description: "A tenant: every record belongs to one brand" })
@Entity("brand")
export class Brand {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @Field() @Varchar(200) name: string;
  @Field()
  @Index("UQ_brand_slug", { unique: true })
  @Varchar(64)
  slug: string;
  /** Optional add-ons the brand has enabled ("inventory", "joor", …). */
  @Field(() => [String], { description: "Enabled optional add-ons (inventory, joor, …)" })
  @Column({ type: "simple-json" })
  modules: string[];
  @Field() @CreatedAt() createdAt: Date;
}
