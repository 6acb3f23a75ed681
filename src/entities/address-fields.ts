import { BoolColumn, Varchar } from "./columns";

export type AddressType = "DELIVERY" | "ACCOUNTS" | "STORE";

/** Postal fields shared by customer addresses and the address snapshots kept on orders. */
export abstract class AddressFields {
  @Varchar(16) type: AddressType;
  @Varchar(200, { nullable: true }) name: string | null;
  @Varchar(200, { nullable: true }) company: string | null;
  @Varchar(200) line1: string;
  @Varchar(200, { nullable: true }) line2: string | null;
  @Varchar(100) city: string;
  @Varchar(100, { nullable: true }) region: string | null;
  @Varchar(20, { nullable: true }) postalCode: string | null;
  @Varchar(2) countryCode: string;
  @Varchar(50, { nullable: true }) phone: string | null;
  @Varchar(254, { nullable: true }) email: string | null;
}

export abstract class DefaultableAddressFields extends AddressFields {
  @BoolColumn(false) isDefault: boolean;
}
