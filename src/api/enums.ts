import { registerEnumType } from "type-graphql";

export enum CustomerStatusEnum {
  ACTIVE = "ACTIVE",
  INACTIVE = "INACTIVE",
}
registerEnumType(CustomerStatusEnum, { name: "CustomerStatus" });

export enum AddressTypeEnum {
  DELIVERY = "DELIVERY",
  ACCOUNTS = "ACCOUNTS",
  STORE = "STORE",
}
registerEnumType(AddressTypeEnum, {
  name: "AddressType",
  description: "DELIVERY (1), ACCOUNTS (2), STORE (3)",
});

export enum RoleEnum {
  ADMIN = "ADMIN",
  EDITOR = "EDITOR",
  VIEWER = "VIEWER",
}
registerEnumType(RoleEnum, { name: "Role" });
