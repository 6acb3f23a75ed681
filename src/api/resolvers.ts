import { NonEmptyArray } from "type-graphql";
import { CustomerResolver } from "../modules/customer/customer.resolver";
import { IdentityResolver } from "../modules/identity/identity.resolver";
import { OrderLineResolver } from "../modules/order/order-line.resolver";
import { OrderResolver } from "../modules/order/order.resolver";
import { connectorResolvers } from "../modules/connectors";

/** Every core resolver class; plugins add theirs at start-up. */
export const coreResolvers: NonEmptyArray<Function> = [IdentityResolver, CustomerResolver, OrderResolver, OrderLineResolver, ...connectorResolvers];
