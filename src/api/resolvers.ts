import { NonEmptyArray } from "type-graphql";
import { CustomerResolver } from "../modules/customer/customer.resolver";
import { IdentityResolver } from "../modules/identity/identity.resolver";

/** Every core resolver class; plugins add theirs at start-up. */
export const coreResolvers: NonEmptyArray<Function> = [IdentityResolver, CustomerResolver];
