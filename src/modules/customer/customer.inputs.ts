import { Field, ID, InputType } from "type-graphql";
import { AddressTypeEnum, CustomerStatusEnum } from "../../api/enums";

@InputType()
export class AddressInput {
  @Field(() => AddressTypeEnum) type: AddressTypeEnum;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) company?: string | null;
  @Field() line1: string;
  @Field(() => String, { nullable: true }) line2?: string | null;
  @Field() city: string;
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
  @Field({ description: "ISO 3166-1 alpha-2" }) countryCode: string;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field({ nullable: true, defaultValue: false }) isDefault?: boolean;
}

@InputType()
export class CreateCustomerInput {
  @Field() name: string;
  @Field(() => String, { nullable: true }) accountCode?: string | null;
  @Field(() => CustomerStatusEnum, { nullable: true, defaultValue: CustomerStatusEnum.ACTIVE }) status?: CustomerStatusEnum;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) currency?: string | null;
  @Field(() => [AddressInput], { nullable: true }) addresses?: AddressInput[];
}

@InputType()
export class UpdateCustomerInput {
  @Field(() => ID) id: string;
  @Field({ nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) accountCode?: string | null;
  @Field(() => CustomerStatusEnum, { nullable: true }) status?: CustomerStatusEnum;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) currency?: string | null;
}

@InputType()
export class CustomerFilter {
  @Field({ nullable: true, description: "Matches name or account code (contains)" }) search?: string;
  @Field(() => CustomerStatusEnum, { nullable: true }) status?: CustomerStatusEnum;
  @Field({ nullable: true, description: "Only customers with (true) or without (false) an account code" }) hasAccountCode?: boolean;
}
