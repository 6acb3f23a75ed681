import { Field, InterfaceType } from "type-graphql";
import { Varchar } from "./columns";
import { AddressTypeEnum } from "../api/enums";

export type AddressType = "DELIVERY" | "ACCOUNTS" | "STORE";

/** Postal fields shared by customer addresses and the address snapshots kept on orders. */
@InterfaceType("PostalAddress", { description: "Postal fields shared by customer addresses and order address snapshots" })
export abstract class AddressFields {
  @Field(() => AddressTypeEnum) @Varchar(16) type: AddressType;
  @Field(() => String, { nullable: true }) @Varchar(200, { nullable: true }) name: string | null;
  @Field(() => String, { nullable: true }) @Varchar(200, { nullable: true }) company: string | null;
  @Field() @Varchar(200) line1: string;
  @Field(() => String, { nullable: true }) @Varchar(200, { nullable: true }) line2: string | null;
  @Field() @Varchar(100) city: string;
  @Field(() => String, { nullable: true }) @Varchar(100, { nullable: true }) region: string | null;
  @Field(() => String, { nullable: true }) @Varchar(20, { nullable: true }) postalCode: string | null;
  @Field({ description: "ISO 3166-1 alpha-2" }) @Varchar(2) countryCode: string;
  @Field(() => String, { nullable: true }) @Varchar(50, { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true }) @Varchar(254, { nullable: true }) email: string | null;
}
