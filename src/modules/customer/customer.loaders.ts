import DataLoader from "dataloader";
import { RequestContext } from "../../api/context";
import { Address } from "../../entities/address.entity";
import { Customer } from "../../entities/customer.entity";

/** Customers of the caller's brand by id, one statement per request batch. */
export function customerLoader(ctx: RequestContext): DataLoader<number, Customer | null> {
  return ctx.loaders.get("customerById", () => {
    const scope = ctx.scope;
    return new DataLoader((ids: readonly number[]) => ctx.services.customers.byIds(scope, ids));
  });
}

/** Addresses by customer, one statement per request batch. */
export function addressesByCustomerLoader(ctx: RequestContext): DataLoader<number, Address[]> {
  return ctx.loaders.get("addressesByCustomer", () => {
    const scope = ctx.scope;
    return new DataLoader((ids: readonly number[]) => ctx.services.customers.addressesByCustomer(scope, ids));
  });
}
