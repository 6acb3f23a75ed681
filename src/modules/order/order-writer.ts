import { badInput } from "../../api/errors";
import type { BrandScope } from "../../db/brand-scope";
import { isUniqueViolation } from "../../db/db-errors";
import { OrderAddress } from "../../entities/order-address.entity";
import { OrderLine } from "../../entities/order-line.entity";
import { Order } from "../../entities/order.entity";
import { AddressSnapshot } from "./order-addresses";
import { NewLine } from "./order-references";

/** A fully validated order, every id already checked to belong to the brand. */
export interface NewOrder {
  source: string;
  externalId: string | null;
  /** null: generate the next SO-000001-style number. */
  number: string | null;
  poNumber: string | null;
  customerId: number;
  seasonId: number | null;
  ownerId: number | null;
  approved: boolean;
  currency: string;
  shipStart: string | null;
  shipEnd: string | null;
  notes: string | null;
  discount: string | null;
  shippingTotal: string | null;
  platformModifiedAt: Date | null;
  lines: NewLine[];
  addresses: AddressSnapshot[];
}

export const NUMBER_PREFIX = "SO-";
export const NUMBER_DIGITS = 6;
const MAX_NUMBER_ATTEMPTS = 10;

export type InsertResult = { order: Order; created: true } | { order: Order; created: false };

/**
 * Inserts the order, its lines and its address snapshots in the scope's unit of work (the caller's transaction).
 * When the unique key (brand, source, externalId) says the order exists already, nothing is written and the
 * existing order is returned: the database, not a prior check, decides, so concurrent imports cannot duplicate.
 */
export async function insertOrder(scope: BrandScope, o: NewOrder): Promise<InsertResult> {
  const { lines, addresses, ...row } = o;
  await scope.lockBrand(); // order inserts of one brand take turns on MySQL (numbering, see nextOrderNumber)
  let candidate = o.number ?? (await nextOrderNumber(scope));
  let id: number | undefined;
  for (let attempt = 1; id === undefined; attempt++) {
    try {
      const [identifiers] = await scope.repo(Order).insert({ ...row, number: candidate, locked: false, closed: false });
      id = Number(identifiers.id);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (o.externalId !== null) {
        const existing = await findByExternalId(scope, o.source, o.externalId, true);
        if (existing) return { order: existing, created: false };
      }
      if (o.number !== null) throw badInput("number", `Order number "${o.number}" is already used`);
      if (attempt >= MAX_NUMBER_ATTEMPTS) throw error;
      candidate = formatOrderNumber(parseOrderNumber(candidate)! + 1);
    }
  }
  await insertLines(scope, id, lines);
  await insertAddresses(scope, id, addresses);
  return { order: (await scope.repo(Order).findOneBy({ id }))!, created: true };
}

export async function insertLines(scope: BrandScope, orderId: number, lines: NewLine[]): Promise<void> {
  if (lines.length) await scope.repo(OrderLine).insert(lines.map((l) => ({ ...l, orderId })));
}

/** Address snapshots of an order the caller has just read or written through the same scope. */
export async function insertAddresses(scope: BrandScope, orderId: number, addresses: AddressSnapshot[]): Promise<void> {
  if (addresses.length) await scope.ownedThrough(OrderAddress).insert(addresses.map((a) => ({ ...a, orderId })));
}

/**
 * The order with this external id. `latest` reads the newest committed row (a locking read on MySQL), which a
 * plain read inside an older REPEATABLE READ snapshot would miss after a concurrent insert.
 */
export async function findByExternalId(scope: BrandScope, source: string, externalId: string, latest = false): Promise<Order | null> {
  const qb = scope.repo(Order).queryBuilder("o").andWhere("o.source = :source AND o.externalId = :externalId", { source, externalId });
  if (latest && scope.isMysql) qb.setLock("pessimistic_read");
  return qb.getOne();
}

/** `SO-000042`: the brand's order number for a sequence value. */
export function formatOrderNumber(n: number): string {
  return NUMBER_PREFIX + String(n).padStart(NUMBER_DIGITS, "0");
}

/** The sequence value of an `SO-` number, null for a number in another form. */
export function parseOrderNumber(number: string): number | null {
  const match = new RegExp(`^${NUMBER_PREFIX}(\\d{1,15})$`).exec(number);
  return match ? Number(match[1]) : null;
}

/**
 * The number after the brand's highest SO-nnnnnn number. The fast path reads one entry of the (brandId, number)
 * index; when the lexically highest SO- number is not the numerically highest (more than 6 digits, or a
 * hand-typed SO-… number), it falls back to comparing lengths. On MySQL it is a locking read, so it sees
 * orders committed after the caller's transaction began.
 */
export async function nextOrderNumber(scope: BrandScope): Promise<string> {
  const base = () => {
    const qb = scope
      .repo(Order)
      .queryBuilder("o")
      .select("o.number", "number")
      .andWhere("o.number LIKE :prefix", { prefix: `${NUMBER_PREFIX}%` });
    if (scope.isMysql) qb.setLock("pessimistic_read");
    return qb;
  };
  const top: { number: string } | undefined = await base().orderBy("o.number", "DESC").limit(1).getRawOne();
  if (!top) return formatOrderNumber(1);
  const fast = parseOrderNumber(top.number);
  if (fast !== null && fast < 10 ** NUMBER_DIGITS - 1) return formatOrderNumber(fast + 1);
  const rows: { number: string }[] = await base()
    .addSelect("LENGTH(o.number)", "len")
    .orderBy("len", "DESC")
    .addOrderBy("o.number", "DESC")
    .limit(50)
    .getRawMany();
  const highest = rows.map((r) => parseOrderNumber(r.number)).find((n) => n !== null) ?? 0;
  return formatOrderNumber(highest + 1);
}
