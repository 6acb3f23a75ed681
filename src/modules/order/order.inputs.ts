import { Field, ID, InputType, Int } from "type-graphql";
import { AddressInput } from "../customer/customer.inputs";

@InputType({ description: "One order line: the SKU by variantId or by barcode (exactly one of them)" })
export class OrderLineInput {
  @Field(() => ID, { nullable: true }) variantId?: string | null;
  @Field(() => String, { nullable: true, description: "EAN-13 / UPC-A of the variant" }) barcode?: string | null;
  @Field(() => Int, { description: "Whole number, 1 or more" }) quantity: number;
  @Field(() => String, {
    nullable: true,
    description: "Decimal string ≥ 0; default: the product's wholesale price for the order's season and currency",
  })
  unitPrice?: string | null;
}

@InputType()
export class CreateOrderInput {
  @Field(() => ID) customerId: string;
  @Field(() => ID, { nullable: true }) seasonId?: string | null;
  @Field(() => String, { nullable: true, description: "Unique per brand; generated (SO-000001…) when absent" }) number?: string | null;
  @Field(() => String, { nullable: true }) poNumber?: string | null;
  @Field(() => String, { nullable: true, description: "ISO 4217; default: the customer's currency" }) currency?: string | null;
  @Field(() => String, { nullable: true, description: "ISO 8601 date" }) shipStart?: string | null;
  @Field(() => String, { nullable: true, description: "ISO 8601 date, not before shipStart" }) shipEnd?: string | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => ID, { nullable: true, description: "A user of the brand; default: the caller" }) ownerId?: string | null;
  @Field(() => [OrderLineInput], { nullable: true, defaultValue: [] }) lines?: OrderLineInput[];
  @Field(() => [AddressInput], {
    nullable: true,
    description:
      "DELIVERY and/or ACCOUNTS snapshots; each type not given is copied from the customer (default, else first). STORE always comes from the customer.",
  })
  addresses?: AddressInput[] | null;
}

@InputType({ description: "Fields left out stay as they are; null clears an optional field" })
export class UpdateOrderInput {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) number?: string | null;
  @Field(() => ID, { nullable: true }) seasonId?: string | null;
  @Field(() => String, { nullable: true }) poNumber?: string | null;
  @Field(() => String, { nullable: true }) currency?: string | null;
  @Field(() => String, { nullable: true }) shipStart?: string | null;
  @Field(() => String, { nullable: true }) shipEnd?: string | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => ID, { nullable: true }) ownerId?: string | null;
  @Field(() => [AddressInput], { nullable: true, description: "Replaces the DELIVERY and/or ACCOUNTS snapshots given" })
  addresses?: AddressInput[] | null;
}

@InputType()
export class OrderFilter {
  @Field(() => ID, { nullable: true }) customerId?: string;
  @Field(() => ID, { nullable: true }) seasonId?: string;
  @Field({ nullable: true }) source?: string;
  @Field({ nullable: true }) approved?: boolean;
  @Field({ nullable: true }) closed?: boolean;
  @Field({ nullable: true }) externalId?: string;
  @Field({ nullable: true }) poNumber?: string;
}
