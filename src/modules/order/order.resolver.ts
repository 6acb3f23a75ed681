import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { RequestContext } from "../../api/context";
import { parseId } from "../../api/ids";
import { ConnectionType, Page, PageArgs } from "../../api/pagination";
import { formatUnits, parseMoney } from "../../domain/money";
import { currencyDigits } from "../../domain/codes";
import { Customer } from "../../entities/customer.entity";
import { OrderAddress } from "../../entities/order-address.entity";
import { OrderLine } from "../../entities/order-line.entity";
import { Order } from "../../entities/order.entity";
import { Season } from "../../entities/season.entity";
import { User } from "../../entities/user.entity";
import { customerLoader } from "../customer/customer.loaders";
import { CreateOrderInput, OrderFilter, OrderLineInput, UpdateOrderInput } from "./order.inputs";
import { seasonLoader } from "../season/season.loaders";
import { orderAddressesLoader, orderLinesLoader, userLoader } from "./order.loaders";
import { orderTotalUnits } from "./order-totals";

export const OrderConnection = ConnectionType(Order);

@Resolver(() => Order)
export class OrderResolver {
  @Authorized()
  @Query(() => OrderConnection)
  orders(
    @Args() page: PageArgs,
    @Arg("filter", () => OrderFilter, { nullable: true }) filter: OrderFilter | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<Page<Order>> {
    return ctx.services.orders.list(ctx.scope, filter, page);
  }

  @Authorized()
  @Query(() => Order)
  order(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Order> {
    return ctx.services.orders.get(ctx.scope, parseId(id));
  }

  @FieldResolver(() => Customer)
  async customer(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<Customer> {
    const customer = await customerLoader(ctx).load(order.customerId);
    if (!customer) throw new Error(`Customer ${order.customerId} of order ${order.id} is missing`);
    return customer;
  }

  @FieldResolver(() => Season, { nullable: true })
  season(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<Season | null> | null {
    return order.seasonId === null ? null : seasonLoader(ctx).load(order.seasonId);
  }

  @FieldResolver(() => User, { nullable: true, description: "The order owner (sales rep)" })
  owner(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<User | null> | null {
    return order.ownerId === null ? null : userLoader(ctx).load(order.ownerId);
  }

  @FieldResolver(() => OrderAddress, { nullable: true })
  deliveryAddress(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<OrderAddress | null> {
    return addressOf(ctx, order, "DELIVERY");
  }

  @FieldResolver(() => OrderAddress, { nullable: true })
  accountsAddress(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<OrderAddress | null> {
    return addressOf(ctx, order, "ACCOUNTS");
  }

  @FieldResolver(() => OrderAddress, { nullable: true, description: "Always from the customer's record" })
  storeAddress(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<OrderAddress | null> {
    return addressOf(ctx, order, "STORE");
  }

  @FieldResolver(() => [OrderLine])
  async lines(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<OrderLine[]> {
    return linesOf(ctx, order);
  }

  @FieldResolver(() => Int)
  async totalQuantity(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<number> {
    return (await linesOf(ctx, order)).reduce((sum, l) => sum + l.quantity, 0);
  }

  @FieldResolver(() => String, {
    description: "Sum of the line totals − the order discount + shipping, in the currency's minor units (decimal string)",
  })
  async totalAmount(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<string> {
    const lines = await linesOf(ctx, order);
    return formatUnits(orderTotalUnits(order, lines), currencyDigits(order.currency));
  }

  @FieldResolver(() => String, { nullable: true, description: "Order-level discount amount in the order's currency; null = none" })
  discount(@Root() order: Order): string | null {
    return order.discount === null ? null : formatUnits(parseMoney(order.discount), currencyDigits(order.currency));
  }

  @FieldResolver(() => String, { nullable: true, description: "Shipping charged on the order, in its currency; null = none" })
  shippingTotal(@Root() order: Order): string | null {
    return order.shippingTotal === null ? null : formatUnits(parseMoney(order.shippingTotal), currencyDigits(order.currency));
  }

  @Authorized("EDITOR")
  @Mutation(() => Order)
  createOrder(@Arg("input") input: CreateOrderInput, @Ctx() ctx: RequestContext): Promise<Order> {
    return ctx.services.orders.create(ctx.scope, input);
  }

  @Authorized("EDITOR")
  @Mutation(() => Order, { description: "Refused (BAD_USER_INPUT on id) while the order is locked or closed" })
  updateOrder(@Arg("input") input: UpdateOrderInput, @Ctx() ctx: RequestContext): Promise<Order> {
    return ctx.services.orders.update(ctx.scope, parseId(input.id, "id"), input);
  }

  @Authorized("EDITOR")
  @Mutation(() => Order, { description: "Replaces every line; refused while the order is locked or closed" })
  replaceOrderLines(
    @Arg("orderId", () => ID) orderId: string,
    @Arg("lines", () => [OrderLineInput]) lines: OrderLineInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<Order> {
    return ctx.services.orders.replaceLines(ctx.scope, parseId(orderId, "orderId"), lines);
  }

  @Authorized("EDITOR")
  @Mutation(() => Order)
  approveOrder(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Order> {
    return ctx.services.orders.approve(ctx.scope, parseId(id));
  }

  @Authorized("EDITOR")
  @Mutation(() => Order)
  unapproveOrder(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Order> {
    return ctx.services.orders.unapprove(ctx.scope, parseId(id));
  }

  @Authorized("EDITOR")
  @Mutation(() => Order)
  lockOrder(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Order> {
    return ctx.services.orders.lock(ctx.scope, parseId(id));
  }

  @Authorized("EDITOR")
  @Mutation(() => Order)
  unlockOrder(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Order> {
    return ctx.services.orders.unlock(ctx.scope, parseId(id));
  }

  @Authorized("EDITOR")
  @Mutation(() => Order, { description: "Force-closes the order (final)" })
  closeOrder(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Order> {
    return ctx.services.orders.close(ctx.scope, parseId(id));
  }
}

/** Lines carry the order's currency for their money fields (it is not a column of order_line). */
async function linesOf(ctx: RequestContext, order: Order): Promise<OrderLine[]> {
  const lines = await orderLinesLoader(ctx).load(order.id);
  for (const line of lines) line.currency = order.currency;
  return lines;
}

async function addressOf(ctx: RequestContext, order: Order, type: OrderAddress["type"]): Promise<OrderAddress | null> {
  return (await orderAddressesLoader(ctx).load(order.id)).find((a) => a.type === type) ?? null;
}
