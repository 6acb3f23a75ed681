import { Field, ID, InputType } from "type-graphql";

@InputType()
export class CreateSeasonInput {
  @Field({ description: "e.g. AUTUMN/WINTER 20; unique per brand" }) name: string;
  @Field(() => String, { nullable: true }) code?: string | null;
  @Field({ description: "ISO 8601 date (YYYY-MM-DD)" }) startDate: string;
}

@InputType()
export class UpdateSeasonInput {
  @Field(() => ID) id: string;
  @Field({ nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) code?: string | null;
  @Field({ nullable: true }) startDate?: string;
  @Field({ nullable: true }) active?: boolean;
}
