import { PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { IntegerColumn } from "./columns";

/**
 * The header every brand-owned entity shares: its generated id (a GraphQL `ID` where the entity is a GraphQL type)
 * and the owning brand (never exposed). Columns keep their place (id, brandId first). Timestamps stay on the
 * entities, which differ in having createdAt and/or updatedAt. Reached through BrandScope (src/db/brand-scope.ts).
 */
@ObjectType()
export abstract class BrandOwnedEntity {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @IntegerColumn() brandId: number;
}
