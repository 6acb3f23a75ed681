import { GraphQLError } from "graphql";
import { In } from "typeorm";
import type { BrandOwned, BrandScope } from "../../db/brand-scope";
import { InputProblems, badInput, notFound } from "../../api/errors";
import { groupByKey } from "../../api/batch";
import { PageArgs, paginate, Page } from "../../api/pagination";
import { isUniqueViolation } from "../../db/db-errors";
import { clean, requiredText } from "../../domain/input-rules";
import { OrderAddress } from "../../entities/order-address.entity";
import { OrderLine } from "../../entities/order-line.entity";
import { Order } from "../../entities/order.entity";
import { fromInput, snapshotsForNewOrder, snapshotsFrom } from "./order-addresses";
import { insertOrderFast } from "./order-bulk-writer";
import { insertOrdersFast } from "./order-page-writer";
import { Address } from "../../entities/address.entity";
import { Customer } from "../../entities/customer.entity";
import { Season } from "../../entities/season.entity";
import { User } from "../../entities/user.entity";
import { Variant } from "../../entities/variant.entity";
import { ImportedOrderData, ImportedOrderResult } from "./order-import";
import { CreateOrderInput, OrderFilter, OrderLineInput, UpdateOrderInput } from "./order.inputs";
import { checkOwner, checkSeason, findCustomer, idOrProblem, resolveLines } from "./order-references";
import { validateHeader, validateLines, validateOrderAddresses, validateShipWindow, validateUnitPrice } from "./order-rules";
import { toStoredMoney } from "../../domain/money";
import { findByExternalId, insertAddresses, insertLines, insertOrder, NewOrder } from "./order-writer";

type Flags = Partial<Pick<Order, "approved" | "locked" | "closed">>;

/**
 * Sales orders: manual orders through GraphQL and imported ones from connectors (createImportedOrder).
 * Every write validates first (BAD_USER_INPUT with the field) and then writes in one transaction.
 */
export class OrderService {
  list(scope: BrandScope, filter: OrderFilter | undefined, page: PageArgs): Promise<Page<Order>> {
    const p = new InputProblems();
    const customerId = idOrProblem(p, "filter.customerId", filter?.customerId);
    const seasonId = idOrProblem(p, "filter.seasonId", filter?.seasonId);
    p.throwIfAny();
    const qb = scope.repo(Order).queryBuilder("o");
    if (customerId !== null) qb.andWhere("o.customerId = :customerId", { customerId });
    if (seasonId !== null) qb.andWhere("o.seasonId = :seasonId", { seasonId });
    if (filter?.source) qb.andWhere("o.source = :source", { source: filter.source });
    if (typeof filter?.approved === "boolean") qb.andWhere("o.approved = :approved", { approved: filter.approved });
    if (typeof filter?.closed === "boolean") qb.andWhere("o.closed = :closed", { closed: filter.closed });
    if (filter?.externalId) qb.andWhere("o.externalId = :externalId", { externalId: filter.externalId });
    if (filter?.poNumber) qb.andWhere("o.poNumber = :poNumber", { poNumber: filter.poNumber });
    return paginate(qb, page);
  }

  async get(scope: BrandScope, id: number): Promise<Order> {
    const order = await scope.repo(Order).findOneBy({ id });
    if (!order) throw notFound("Order", id);
    return order;
  }

  /** A manual order; the owner defaults to the scope's user (the caller). */
  async create(scope: BrandScope, input: CreateOrderInput): Promise<Order> {
    const userId = scope.actor?.userId ?? null;
    const lines = input.lines ?? [];
    const addresses = input.addresses ?? [];
    const p = new InputProblems();
    validateHeader(p, input);
    validateShipWindow(p, clean(input.shipStart), clean(input.shipEnd));
    const customerId = idOrProblem(p, "customerId", input.customerId);
    const seasonId = idOrProblem(p, "seasonId", input.seasonId);
    const ownerId = input.ownerId === undefined || input.ownerId === null ? userId : idOrProblem(p, "ownerId", input.ownerId);
    validateLines(p, "lines", lines);
    validateOrderAddresses(p, "addresses", addresses);
    p.throwIfAny();

    const customer = await findCustomer(scope, p, customerId!);
    await checkSeason(scope, p, seasonId);
    await checkOwner(scope, p, ownerId);
    const currency = clean(input.currency) ?? customer?.currency ?? null;
    if (customer && !currency) p.add("currency", "is required (the customer has no currency)");
    const number = clean(input.number);
    if (number) await this.checkNumberFree(p, scope, number);
    const newLines = await resolveLines(scope, p, "lines", lines, { seasonId, currency });
    p.throwIfAny();

    const order: NewOrder = {
      source: "MANUAL",
      externalId: null,
      number,
      poNumber: clean(input.poNumber),
      customerId: customer!.id,
      seasonId,
      ownerId,
      approved: false,
      currency: currency!,
      shipStart: clean(input.shipStart),
      shipEnd: clean(input.shipEnd),
      notes: clean(input.notes),
      discount: null,
      shippingTotal: null,
      platformModifiedAt: null,
      lines: newLines,
      addresses: await snapshotsForNewOrder(scope, customer!.id, addresses),
    };
    const { order: created } = await scope.transaction((tx) => insertOrder(tx, order));
    return created;
  }

  async update(scope: BrandScope, id: number, input: UpdateOrderInput): Promise<Order> {
    const order = await this.get(scope, id);
    assertEditable(order, "id");
    const p = new InputProblems();
    validateHeader(p, input);
    if (input.currency === null) p.add("currency", "is required");
    const seasonId = input.seasonId === undefined ? order.seasonId : idOrProblem(p, "seasonId", input.seasonId);
    const ownerId = input.ownerId === undefined ? order.ownerId : idOrProblem(p, "ownerId", input.ownerId);
    const shipStart = input.shipStart === undefined ? order.shipStart : clean(input.shipStart);
    const shipEnd = input.shipEnd === undefined ? order.shipEnd : clean(input.shipEnd);
    validateShipWindow(p, shipStart, shipEnd);
    const addresses = input.addresses ?? [];
    validateOrderAddresses(p, "addresses", addresses);
    p.throwIfAny();

    if (input.seasonId !== undefined) await checkSeason(scope, p, seasonId);
    if (input.ownerId !== undefined) await checkOwner(scope, p, ownerId);
    const number = input.number === undefined || input.number === null ? order.number : input.number.trim();
    if (number !== order.number) await this.checkNumberFree(p, scope, number);
    p.throwIfAny();

    const changes: Partial<Order> = { number, seasonId, ownerId, shipStart, shipEnd };
    if (input.poNumber !== undefined) changes.poNumber = clean(input.poNumber);
    if (input.currency) changes.currency = input.currency;
    if (input.notes !== undefined) changes.notes = clean(input.notes);
    return this.write(scope, async (tx) => {
      assertEditable(await this.lockRow(tx, id), "id");
      await tx.repo(Order).update({ id }, changes);
      if (addresses.length) {
        // the order was just read through the scope (lockRow): its snapshots are this brand's
        await tx.ownedThrough(OrderAddress).delete({ orderId: id, type: In(addresses.map((a) => a.type)) });
        await insertAddresses(tx, id, addresses.map(fromInput));
      }
      return this.get(tx, id);
    });
  }

  /** Replaces every line of an open order; missing prices default from the order's season and currency. */
  async replaceLines(scope: BrandScope, orderId: number, lines: OrderLineInput[]): Promise<Order> {
    const order = await scope.repo(Order).findOneBy({ id: orderId });
    if (!order) throw notFound("Order", orderId, "orderId");
    assertEditable(order, "orderId");
    const p = new InputProblems();
    validateLines(p, "lines", lines);
    p.throwIfAny();
    const newLines = await resolveLines(scope, p, "lines", lines, { seasonId: order.seasonId, currency: order.currency });
    p.throwIfAny();
    return this.write(scope, async (tx) => {
      assertEditable(await this.lockRow(tx, orderId), "orderId");
      await tx.repo(OrderLine).delete({ orderId });
      await insertLines(tx, orderId, newLines);
      await tx.repo(Order).update({ id: orderId }, { updatedAt: new Date() });
      return this.get(tx, orderId);
    });
  }

  approve(scope: BrandScope, id: number): Promise<Order> {
    return this.setFlags(scope, id, { approved: true });
  }

  unapprove(scope: BrandScope, id: number): Promise<Order> {
    return this.setFlags(scope, id, { approved: false });
  }

  lock(scope: BrandScope, id: number): Promise<Order> {
    return this.setFlags(scope, id, { locked: true });
  }

  unlock(scope: BrandScope, id: number): Promise<Order> {
    return this.setFlags(scope, id, { locked: false });
  }

  /** Force-closes the order: final (a closed order cannot be edited, approved, unapproved, locked or unlocked). */
  close(scope: BrandScope, id: number): Promise<Order> {
    return this.setFlags(scope, id, { closed: true });
  }

  /**
   * For connectors: inserts an imported order (order, lines, address snapshots) in the scope's transaction (a
   * transactional scope joins the caller's) or in a transaction of its own. The same (source, externalId) is never inserted twice: when it
   * exists — even when inserted concurrently — the existing order is returned with `created: false`.
   * Bad data throws BAD_USER_INPUT with `extensions.problems` (every field at fault) and writes nothing.
   */
  async createImportedOrder(scope: BrandScope, data: ImportedOrderData): Promise<ImportedOrderResult> {
    return scope.transaction((tx) => this.importWith(tx, data));
  }

  /**
   * For connectors: records that the platform changed an imported order after the import (the change itself is
   * not applied — a person decides). With a transactional scope it joins the caller's transaction.
   */
  async flagPlatformModified(scope: BrandScope, orderId: number, at: Date): Promise<void> {
    await scope.repo(Order).update({ id: orderId }, { platformModifiedAt: at });
  }

  /**
   * The ids among the given ones that belong to the brand (one statement per kind): connectors importing a page of
   * orders check every reference at once before createImportedOrderPrechecked.
   */
  async checkImportReferences(
    scope: BrandScope,
    refs: { customerIds: number[]; seasonIds: number[]; ownerIds: number[]; variantIds: number[] },
  ): Promise<{ customers: Set<number>; seasons: Set<number>; owners: Set<number>; variants: Set<number> }> {
    const ids = async (entity: new () => BrandOwned, wanted: number[]) => {
      const unique = [...new Set(wanted)];
      if (!unique.length) return new Set<number>();
      const rows = (await scope.repo(entity).find({ select: { id: true }, where: { id: In(unique) } } as never)) as unknown as { id: number }[];
      return new Set(rows.map((r) => r.id));
    };
    return {
      customers: await ids(Customer, refs.customerIds),
      seasons: await ids(Season, refs.seasonIds),
      owners: await ids(User, refs.ownerIds),
      variants: await ids(Variant, refs.variantIds),
    };
  }

  /**
   * For connectors importing many orders: like createImportedOrder, but the caller has already checked that the
   * customer, season, owner and variants belong to the brand (checkImportReferences) and gives every unit price and
   * the customer's addresses (for the snapshots: DELIVERY/ACCOUNTS when not given, STORE always). Fields are
   * validated here (BAD_USER_INPUT, nothing written); the rows are written in the scope's unit of work (the
   * caller's transaction) in a few plain statements.
   * Idempotent per (source, externalId) like createImportedOrder.
   */
  async createImportedOrderPrechecked(
    scope: BrandScope,
    data: ImportedOrderData,
    customerAddresses: Address[],
  ): Promise<{ id: number; number: string; created: boolean }> {
    return insertOrderFast(scope, importedNewOrder(data, customerAddresses));
  }

  /**
   * createImportedOrderPrechecked for a page of orders in one go (multi-row statements, one number lookup): each
   * order is validated on its own — one that fails gets its BAD_USER_INPUT error and nothing of it is written —
   * and the others are written in the scope's unit of work. Any other error (e.g. a unique key hit by a concurrent writer) is thrown and
   * leaves the transaction to be rolled back; the caller can then import the orders one by one.
   */
  async createImportedOrdersPrechecked(
    scope: BrandScope,
    items: { data: ImportedOrderData; customerAddresses: Address[] }[],
  ): Promise<({ ok: true; id: number; number: string; created: boolean } | { ok: false; error: GraphQLError })[]> {
    const out: ({ ok: true; id: number; number: string; created: boolean } | { ok: false; error: GraphQLError })[] = [];
    const valid: { at: number; order: NewOrder }[] = [];
    items.forEach((item, at) => {
      try {
        valid.push({ at, order: importedNewOrder(item.data, item.customerAddresses) });
        out.push(undefined as never);
      } catch (error) {
        if (!(error instanceof GraphQLError) || error.extensions?.code !== "BAD_USER_INPUT") throw error;
        out.push({ ok: false, error });
      }
    });
    const written = await insertOrdersFast(
      scope,
      valid.map((v) => v.order),
    );
    valid.forEach((v, i) => {
      out[v.at] = { ok: true, ...written[i] };
    });
    return out;
  }

  /** The order a connector imported earlier, if any. */
  findByExternalId(scope: BrandScope, source: string, externalId: string): Promise<Order | null> {
    return findByExternalId(scope, source, externalId);
  }

  /** Lines of many orders in one statement (DataLoader batch). */
  async linesByOrder(scope: BrandScope, orderIds: readonly number[]): Promise<OrderLine[][]> {
    const rows = await scope.repo(OrderLine).find({ where: { orderId: In([...orderIds]) }, order: { id: "ASC" } });
    return groupByKey(orderIds, rows, (l) => l.orderId);
  }

  /** Address snapshots of many orders in one statement (DataLoader batch); only orders of the brand. */
  async addressesByOrder(scope: BrandScope, orderIds: readonly number[]): Promise<OrderAddress[][]> {
    const rows = await scope
      .ownedThrough(OrderAddress)
      .createQueryBuilder("a")
      .innerJoin(Order, "o", "o.id = a.orderId AND o.brandId = :brandId", { brandId: scope.brandId })
      .where("a.orderId IN (:...orderIds)", { orderIds: [...orderIds] })
      .orderBy("a.id", "ASC")
      .getMany();
    return groupByKey(orderIds, rows, (a) => a.orderId);
  }

  private async importWith(scope: BrandScope, data: ImportedOrderData): Promise<ImportedOrderResult> {
    const p = new InputProblems();
    if (!/^[A-Z][A-Z0-9_]{0,19}$/.test(data.source ?? "")) p.add("source", "must be 1–20 upper-case letters, digits or _ (e.g. JOOR)");
    requiredText(p, "externalId", data.externalId, 64);
    p.throwIfAny();
    const existing = await findByExternalId(scope, data.source, data.externalId.trim());
    if (existing) return { order: existing, created: false };

    validateHeader(p, data);
    if (!data.currency) p.add("currency", "is required");
    validateShipWindow(p, clean(data.shipStart), clean(data.shipEnd));
    validateLines(p, "lines", data.lines);
    validateUnitPrice(p, "discount", data.discount);
    validateUnitPrice(p, "shippingTotal", data.shippingTotal);
    const given = [data.deliveryAddress, data.accountsAddress].filter((a) => a !== undefined && a !== null);
    validateOrderAddresses(p, "addresses", given);
    p.throwIfAny();

    const customer = await findCustomer(scope, p, data.customerId);
    await checkSeason(scope, p, data.seasonId ?? null);
    await checkOwner(scope, p, data.ownerId ?? null);
    const lines = await resolveLines(scope, p, "lines", data.lines, { seasonId: data.seasonId ?? null, currency: data.currency });
    p.throwIfAny();

    return insertOrder(scope, {
      source: data.source,
      externalId: data.externalId.trim(),
      number: clean(data.number),
      poNumber: clean(data.poNumber),
      customerId: customer!.id,
      seasonId: data.seasonId ?? null,
      ownerId: data.ownerId ?? null,
      approved: data.approved,
      currency: data.currency,
      shipStart: clean(data.shipStart),
      shipEnd: clean(data.shipEnd),
      notes: clean(data.notes),
      discount: storedOrNull(data.discount),
      shippingTotal: storedOrNull(data.shippingTotal),
      platformModifiedAt: data.platformModifiedAt ?? null,
      lines,
      addresses: await snapshotsForNewOrder(scope, customer!.id, given),
    });
  }

  private async setFlags(scope: BrandScope, id: number, flags: Flags): Promise<Order> {
    const order = await this.get(scope, id);
    if (order.closed && !flags.closed) throw badInput("id", `Order ${order.number} is closed; a closed order cannot be changed`);
    return this.write(scope, async (tx) => {
      await tx.repo(Order).update({ id }, flags);
      return this.get(tx, id);
    });
  }

  private async checkNumberFree(p: InputProblems, scope: BrandScope, number: string): Promise<void> {
    if (await scope.repo(Order).exists({ number })) p.add("number", `Order number "${number}" is already used`);
  }

  /** Re-reads the order inside the transaction (row-locked on MySQL) so a concurrent lock/close is seen. */
  private async lockRow(scope: BrandScope, id: number): Promise<Order> {
    const qb = scope.repo(Order).queryBuilder("o").andWhere("o.id = :id", { id });
    if (scope.isMysql) qb.setLock("pessimistic_write");
    const order = await qb.getOne();
    if (!order) throw notFound("Order", id);
    return order;
  }

  /** A transaction whose unique-number race becomes the same clear error as the pre-check. */
  private async write<T>(scope: BrandScope, work: (tx: BrandScope) => Promise<T>): Promise<T> {
    try {
      return await scope.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw badInput("number", "Order number is already used");
      throw error;
    }
  }
}

function storedOrNull(amount: string | null | undefined): string | null {
  return amount === undefined || amount === null || String(amount).trim() === "" ? null : toStoredMoney(String(amount).trim());
}

function assertEditable(order: Order, field: string): void {
  if (order.closed) throw badInput(field, `Order ${order.number} is closed; a closed order cannot be edited`);
  if (order.locked) throw badInput(field, `Order ${order.number} is locked; unlock it before editing`);
}

function importedNewOrder(data: ImportedOrderData, customerAddresses: Address[]): NewOrder {
  const p = new InputProblems();
  if (!/^[A-Z][A-Z0-9_]{0,19}$/.test(data.source ?? "")) p.add("source", "must be 1–20 upper-case letters, digits or _ (e.g. JOOR)");
  requiredText(p, "externalId", data.externalId, 64);
  validateHeader(p, data);
  if (!data.currency) p.add("currency", "is required");
  validateShipWindow(p, clean(data.shipStart), clean(data.shipEnd));
  validateLines(p, "lines", data.lines);
  data.lines.forEach((l, i) => p.check(l.unitPrice !== undefined && l.unitPrice !== null, `lines[${i}].unitPrice`, "is required"));
  validateUnitPrice(p, "discount", data.discount);
  validateUnitPrice(p, "shippingTotal", data.shippingTotal);
  const given = [data.deliveryAddress, data.accountsAddress].filter((a) => a !== undefined && a !== null);
  validateOrderAddresses(p, "addresses", given);
  p.throwIfAny();
  return {
    source: data.source,
    externalId: data.externalId.trim(),
    number: clean(data.number),
    poNumber: clean(data.poNumber),
    customerId: data.customerId,
    seasonId: data.seasonId ?? null,
    ownerId: data.ownerId ?? null,
    approved: data.approved,
    currency: data.currency,
    shipStart: clean(data.shipStart),
    shipEnd: clean(data.shipEnd),
    notes: clean(data.notes),
    discount: storedOrNull(data.discount),
    shippingTotal: storedOrNull(data.shippingTotal),
    platformModifiedAt: data.platformModifiedAt ?? null,
    lines: data.lines.map((l) => ({
      variantId: Number(l.variantId),
      quantity: l.quantity,
      unitPrice: toStoredMoney(String(l.unitPrice).trim()),
      discount: storedOrNull(l.discount),
    })),
    addresses: snapshotsFrom(
      customerAddresses.filter((a) => a.customerId === data.customerId),
      given,
    ),
  };
}
