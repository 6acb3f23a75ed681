import { GraphQLError } from "graphql";
import { DataSource, EntityManager, In } from "typeorm";
import { InputProblems, badInput, notFound } from "../../api/errors";
import { groupByKey } from "../../api/batch";
import { PageArgs, paginate, Page } from "../../api/pagination";
import { isMysql } from "../../db/database-options";
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
  constructor(private readonly ds: DataSource) {}

  list(brandId: number, filter: OrderFilter | undefined, page: PageArgs): Promise<Page<Order>> {
    const p = new InputProblems();
    const customerId = idOrProblem(p, "filter.customerId", filter?.customerId);
    const seasonId = idOrProblem(p, "filter.seasonId", filter?.seasonId);
    p.throwIfAny();
    const qb = this.ds.getRepository(Order).createQueryBuilder("o").where("o.brandId = :brandId", { brandId });
    if (customerId !== null) qb.andWhere("o.customerId = :customerId", { customerId });
    if (seasonId !== null) qb.andWhere("o.seasonId = :seasonId", { seasonId });
    if (filter?.source) qb.andWhere("o.source = :source", { source: filter.source });
    if (typeof filter?.approved === "boolean") qb.andWhere("o.approved = :approved", { approved: filter.approved });
    if (typeof filter?.closed === "boolean") qb.andWhere("o.closed = :closed", { closed: filter.closed });
    if (filter?.externalId) qb.andWhere("o.externalId = :externalId", { externalId: filter.externalId });
    if (filter?.poNumber) qb.andWhere("o.poNumber = :poNumber", { poNumber: filter.poNumber });
    return paginate(qb, page);
  }

  async get(brandId: number, id: number, m: EntityManager = this.ds.manager): Promise<Order> {
    const order = await m.getRepository(Order).findOneBy({ id, brandId });
    if (!order) throw notFound("Order", id);
    return order;
  }

  /** A manual order; the owner defaults to `userId` (the caller). */
  async create(brandId: number, userId: number, input: CreateOrderInput): Promise<Order> {
    const m = this.ds.manager;
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

    const customer = await findCustomer(m, p, brandId, customerId!);
    await checkSeason(m, p, brandId, seasonId);
    await checkOwner(m, p, brandId, ownerId);
    const currency = clean(input.currency) ?? customer?.currency ?? null;
    if (customer && !currency) p.add("currency", "is required (the customer has no currency)");
    const number = clean(input.number);
    if (number) await this.checkNumberFree(p, brandId, number);
    const newLines = await resolveLines(m, p, brandId, "lines", lines, { seasonId, currency });
    p.throwIfAny();

    const order: NewOrder = {
      source: "MANUAL", externalId: null, number, poNumber: clean(input.poNumber), customerId: customer!.id, seasonId, ownerId,
      approved: false, currency: currency!, shipStart: clean(input.shipStart), shipEnd: clean(input.shipEnd), notes: clean(input.notes),
      discount: null, shippingTotal: null, platformModifiedAt: null, lines: newLines, addresses: await snapshotsForNewOrder(m, brandId, customer!.id, addresses),
    };
    const { order: created } = await this.ds.transaction((tx) => insertOrder(tx, brandId, order));
    return created;
  }

  async update(brandId: number, id: number, input: UpdateOrderInput): Promise<Order> {
    const order = await this.get(brandId, id);
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

    if (input.seasonId !== undefined) await checkSeason(this.ds.manager, p, brandId, seasonId);
    if (input.ownerId !== undefined) await checkOwner(this.ds.manager, p, brandId, ownerId);
    const number = input.number === undefined || input.number === null ? order.number : input.number.trim();
    if (number !== order.number) await this.checkNumberFree(p, brandId, number);
    p.throwIfAny();

    const changes: Partial<Order> = { number, seasonId, ownerId, shipStart, shipEnd };
    if (input.poNumber !== undefined) changes.poNumber = clean(input.poNumber);
    if (input.currency) changes.currency = input.currency;
    if (input.notes !== undefined) changes.notes = clean(input.notes);
    return this.write(async (m) => {
      assertEditable(await this.lockRow(m, brandId, id), "id");
      await m.getRepository(Order).update({ id, brandId }, changes);
      if (addresses.length) {
        await m.getRepository(OrderAddress).delete({ orderId: id, type: In(addresses.map((a) => a.type)) });
        await insertAddresses(m, id, addresses.map(fromInput));
      }
      return this.get(brandId, id, m);
    });
  }

  /** Replaces every line of an open order; missing prices default from the order's season and currency. */
  async replaceLines(brandId: number, orderId: number, lines: OrderLineInput[]): Promise<Order> {
    const order = await this.ds.getRepository(Order).findOneBy({ id: orderId, brandId });
    if (!order) throw notFound("Order", orderId, "orderId");
    assertEditable(order, "orderId");
    const p = new InputProblems();
    validateLines(p, "lines", lines);
    p.throwIfAny();
    const newLines = await resolveLines(this.ds.manager, p, brandId, "lines", lines, { seasonId: order.seasonId, currency: order.currency });
    p.throwIfAny();
    return this.write(async (m) => {
      assertEditable(await this.lockRow(m, brandId, orderId), "orderId");
      await m.getRepository(OrderLine).delete({ orderId, brandId });
      await insertLines(m, brandId, orderId, newLines);
      await m.getRepository(Order).update({ id: orderId, brandId }, { updatedAt: new Date() });
      return this.get(brandId, orderId, m);
    });
  }

  approve(brandId: number, id: number): Promise<Order> {
    return this.setFlags(brandId, id, { approved: true });
  }

  unapprove(brandId: number, id: number): Promise<Order> {
    return this.setFlags(brandId, id, { approved: false });
  }

  lock(brandId: number, id: number): Promise<Order> {
    return this.setFlags(brandId, id, { locked: true });
  }

  unlock(brandId: number, id: number): Promise<Order> {
    return this.setFlags(brandId, id, { locked: false });
  }

  /** Force-closes the order: final (a closed order cannot be edited, approved, unapproved, locked or unlocked). */
  close(brandId: number, id: number): Promise<Order> {
    return this.setFlags(brandId, id, { closed: true });
  }

  /**
   * For connectors: inserts an imported order (order, lines, address snapshots) with `manager` (the caller's
   * transaction) or in a transaction of its own. The same (source, externalId) is never inserted twice: when it
   * exists — even when inserted concurrently — the existing order is returned with `created: false`.
   * Bad data throws BAD_USER_INPUT with `extensions.problems` (every field at fault) and writes nothing.
   */
  async createImportedOrder(brandId: number, data: ImportedOrderData, manager?: EntityManager): Promise<ImportedOrderResult> {
    const run = (m: EntityManager) => this.importWith(m, brandId, data);
    return manager ? run(manager) : this.ds.transaction(run);
  }

  /**
   * For connectors: records that the platform changed an imported order after the import (the change itself is
   * not applied — a person decides). With `manager` it joins the caller's transaction.
   */
  async flagPlatformModified(brandId: number, orderId: number, at: Date, manager: EntityManager = this.ds.manager): Promise<void> {
    await manager.getRepository(Order).update({ id: orderId, brandId }, { platformModifiedAt: at });
  }

  /**
   * The ids among the given ones that belong to the brand (one statement per kind): connectors importing a page of
   * orders check every reference at once before createImportedOrderPrechecked.
   */
  async checkImportReferences(
    brandId: number, refs: { customerIds: number[]; seasonIds: number[]; ownerIds: number[]; variantIds: number[] }, m: EntityManager = this.ds.manager,
  ): Promise<{ customers: Set<number>; seasons: Set<number>; owners: Set<number>; variants: Set<number> }> {
    const ids = async (entity: Function, wanted: number[]) => {
      const unique = [...new Set(wanted)];
      if (!unique.length) return new Set<number>();
      const rows = await m.getRepository(entity).find({ select: { id: true }, where: { brandId, id: In(unique) } } as never) as { id: number }[];
      return new Set(rows.map((r) => r.id));
    };
    return {
      customers: await ids(Customer, refs.customerIds), seasons: await ids(Season, refs.seasonIds),
      owners: await ids(User, refs.ownerIds), variants: await ids(Variant, refs.variantIds),
    };
  }

  /**
   * For connectors importing many orders: like createImportedOrder, but the caller has already checked that the
   * customer, season, owner and variants belong to the brand (checkImportReferences) and gives every unit price and
   * the customer's addresses (for the snapshots: DELIVERY/ACCOUNTS when not given, STORE always). Fields are
   * validated here (BAD_USER_INPUT, nothing written); the rows are written in `m` in a few plain statements.
   * Idempotent per (source, externalId) like createImportedOrder.
   */
  async createImportedOrderPrechecked(
    brandId: number, data: ImportedOrderData, customerAddresses: Address[], m: EntityManager,
  ): Promise<{ id: number; number: string; created: boolean }> {
    return insertOrderFast(m, brandId, importedNewOrder(data, customerAddresses));
  }

  /**
   * createImportedOrderPrechecked for a page of orders in one go (multi-row statements, one number lookup): each
   * order is validated on its own — one that fails gets its BAD_USER_INPUT error and nothing of it is written —
   * and the others are written in `m`. Any other error (e.g. a unique key hit by a concurrent writer) is thrown and
   * leaves `m` to be rolled back; the caller can then import the orders one by one.
   */
  async createImportedOrdersPrechecked(
    brandId: number, items: { data: ImportedOrderData; customerAddresses: Address[] }[], m: EntityManager,
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
    const written = await insertOrdersFast(m, brandId, valid.map((v) => v.order));
    valid.forEach((v, i) => { out[v.at] = { ok: true, ...written[i] }; });
    return out;
  }

  /** The order a connector imported earlier, if any. */
  findByExternalId(brandId: number, source: string, externalId: string, manager: EntityManager = this.ds.manager): Promise<Order | null> {
    return findByExternalId(manager, brandId, source, externalId);
  }

  /** Lines of many orders in one statement (DataLoader batch). */
  async linesByOrder(brandId: number, orderIds: readonly number[]): Promise<OrderLine[][]> {
    const rows = await this.ds.getRepository(OrderLine).find({ where: { brandId, orderId: In([...orderIds]) }, order: { id: "ASC" } });
    return groupByKey(orderIds, rows, (l) => l.orderId);
  }

  /** Address snapshots of many orders in one statement (DataLoader batch); only orders of the brand. */
  async addressesByOrder(brandId: number, orderIds: readonly number[]): Promise<OrderAddress[][]> {
    const rows = await this.ds
      .getRepository(OrderAddress)
      .createQueryBuilder("a")
      .innerJoin(Order, "o", "o.id = a.orderId AND o.brandId = :brandId", { brandId })
      .where("a.orderId IN (:...orderIds)", { orderIds: [...orderIds] })
      .orderBy("a.id", "ASC")
      .getMany();
    return groupByKey(orderIds, rows, (a) => a.orderId);
  }

  private async importWith(m: EntityManager, brandId: number, data: ImportedOrderData): Promise<ImportedOrderResult> {
    const p = new InputProblems();
    if (!/^[A-Z][A-Z0-9_]{0,19}$/.test(data.source ?? "")) p.add("source", "must be 1–20 upper-case letters, digits or _ (e.g. JOOR)");
    requiredText(p, "externalId", data.externalId, 64);
    p.throwIfAny();
    const existing = await findByExternalId(m, brandId, data.source, data.externalId.trim());
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

    const customer = await findCustomer(m, p, brandId, data.customerId);
    await checkSeason(m, p, brandId, data.seasonId ?? null);
    await checkOwner(m, p, brandId, data.ownerId ?? null);
    const lines = await resolveLines(m, p, brandId, "lines", data.lines, { seasonId: data.seasonId ?? null, currency: data.currency });
    p.throwIfAny();

    return insertOrder(m, brandId, {
      source: data.source, externalId: data.externalId.trim(), number: clean(data.number), poNumber: clean(data.poNumber),
      customerId: customer!.id, seasonId: data.seasonId ?? null, ownerId: data.ownerId ?? null, approved: data.approved,
      currency: data.currency, shipStart: clean(data.shipStart), shipEnd: clean(data.shipEnd), notes: clean(data.notes),
      discount: storedOrNull(data.discount), shippingTotal: storedOrNull(data.shippingTotal), platformModifiedAt: data.platformModifiedAt ?? null,
      lines, addresses: await snapshotsForNewOrder(m, brandId, customer!.id, given),
    });
  }

  private async setFlags(brandId: number, id: number, flags: Flags): Promise<Order> {
    const order = await this.get(brandId, id);
    if (order.closed && !flags.closed) throw badInput("id", `Order ${order.number} is closed; a closed order cannot be changed`);
    return this.write(async (m) => {
      await m.getRepository(Order).update({ id, brandId }, flags);
      return this.get(brandId, id, m);
    });
  }

  private async checkNumberFree(p: InputProblems, brandId: number, number: string): Promise<void> {
    if (await this.ds.getRepository(Order).existsBy({ brandId, number })) p.add("number", `Order number "${number}" is already used`);
  }

  /** Re-reads the order inside the transaction (row-locked on MySQL) so a concurrent lock/close is seen. */
  private async lockRow(m: EntityManager, brandId: number, id: number): Promise<Order> {
    const qb = m.getRepository(Order).createQueryBuilder("o").where("o.id = :id AND o.brandId = :brandId", { id, brandId });
    if (isMysql(m.connection.options)) qb.setLock("pessimistic_write");
    const order = await qb.getOne();
    if (!order) throw notFound("Order", id);
    return order;
  }

  /** A transaction whose unique-number race becomes the same clear error as the pre-check. */
  private async write<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.ds.transaction(work);
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

/** An imported order's fields validated (BAD_USER_INPUT, nothing written) and turned into the rows to write. */
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
    source: data.source, externalId: data.externalId.trim(), number: clean(data.number), poNumber: clean(data.poNumber),
    customerId: data.customerId, seasonId: data.seasonId ?? null, ownerId: data.ownerId ?? null, approved: data.approved,
    currency: data.currency, shipStart: clean(data.shipStart), shipEnd: clean(data.shipEnd), notes: clean(data.notes),
    discount: storedOrNull(data.discount), shippingTotal: storedOrNull(data.shippingTotal), platformModifiedAt: data.platformModifiedAt ?? null,
    lines: data.lines.map((l) => ({
      variantId: Number(l.variantId), quantity: l.quantity, unitPrice: toStoredMoney(String(l.unitPrice).trim()), discount: storedOrNull(l.discount),
    })),
    addresses: snapshotsFrom(customerAddresses.filter((a) => a.customerId === data.customerId), given),
  };
}
