import { Field, ID, InputType, ObjectType } from "type-graphql";
import { RoleEnum } from "../../api/enums";
import { ApiToken } from "../../entities/api-token.entity";

@InputType()
export class CreateUserInput {
  @Field() name: string;
  @Field() email: string;
  @Field(() => RoleEnum) role: RoleEnum;
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID) id: string;
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) email?: string;
  @Field(() => RoleEnum, { nullable: true }) role?: RoleEnum;
  @Field({ nullable: true }) active?: boolean;
}

@ObjectType({ description: "A new token. `token` is shown only here, once; store it safely." })
export class CreatedApiToken {
  @Field() token: string;
  @Field(() => ApiToken) apiToken: ApiToken;
}
