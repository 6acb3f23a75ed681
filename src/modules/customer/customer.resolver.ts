import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { ConnectionType, PageArgs, Page } from "../../api/pagination";
import { RequestContext } from "../../api/context";
import { parseId } from "../../api/ids";
import { Address } from "../../entities/address.entity";
import { Customer } from "../../entities/customer.entity";
import { addressesByCustomerLoader } from "./customer.loaders";
import { AddressInput, CreateCustomerInput, CustomerFilter, UpdateCustomerInput } from "./customer.inputs";

export const CustomerConnection = ConnectionType(Customer);

@Resolver(() => Customer)
export class CustomerResolver {
  @Authorized()
  @Query(() => CustomerConnection)
  customers(
    @Args() page: PageArgs,
    @Arg("filter", () => CustomerFilter, { nullable: true }) filter: CustomerFilter | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<Page<Customer>> {
    return ctx.services.customers.list(ctx.scope, filter, page);
  }

  @Authorized()
  @Query(() => Customer)
  customer(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Customer> {
    return ctx.services.customers.get(ctx.scope, parseId(id));
  }

  @Authorized()
  @Query(() => Customer, { nullable: true })
  customerByAccountCode(@Arg("accountCode") accountCode: string, @Ctx() ctx: RequestContext): Promise<Customer | null> {
    return ctx.services.customers.findByAccountCode(ctx.scope, accountCode);
  }

  @FieldResolver(() => [Address])
  addresses(@Root() customer: Customer, @Ctx() ctx: RequestContext): Promise<Address[]> {
    return addressesByCustomerLoader(ctx).load(customer.id);
  }

  @Authorized("EDITOR")
  @Mutation(() => Customer)
  createCustomer(@Arg("input") input: CreateCustomerInput, @Ctx() ctx: RequestContext): Promise<Customer> {
    return ctx.services.customers.create(ctx.scope, input);
  }

  @Authorized("EDITOR")
  @Mutation(() => Customer)
  updateCustomer(@Arg("input") input: UpdateCustomerInput, @Ctx() ctx: RequestContext): Promise<Customer> {
    return ctx.services.customers.update(ctx.scope, input, parseId(input.id, "id"));
  }

  @Authorized("EDITOR")
  @Mutation(() => Customer, { description: "Sets the customer INACTIVE (records are never deleted)" })
  deactivateCustomer(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Customer> {
    return ctx.services.customers.deactivate(ctx.scope, parseId(id));
  }

  @Authorized("EDITOR")
  @Mutation(() => Address)
  addCustomerAddress(@Arg("customerId", () => ID) customerId: string, @Arg("address") address: AddressInput, @Ctx() ctx: RequestContext): Promise<Address> {
    return ctx.services.customers.addAddress(ctx.scope, parseId(customerId, "customerId"), address);
  }

  @Authorized("EDITOR")
  @Mutation(() => Address)
  updateCustomerAddress(@Arg("id", () => ID) id: string, @Arg("address") address: AddressInput, @Ctx() ctx: RequestContext): Promise<Address> {
    return ctx.services.customers.updateAddress(ctx.scope, parseId(id), address);
  }

  @Authorized("EDITOR")
  @Mutation(() => Boolean)
  removeCustomerAddress(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return ctx.services.customers.removeAddress(ctx.scope, parseId(id));
  }
}
