import { EntityManager } from "typeorm";
import { badInput } from "../../api/errors";
import { isMysql } from "../../db/database-options";
import { Brand } from "../../entities/brand.entity";
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
const NUMBER_DIGITS = 6;
const MAX_NUMBER_ATTEMPTS = 10;

export type InsertResult = { order: Order; created: true } | { order: Order; created: false };

/**
 * Inserts the order, its lines and its address snapshots with `m` (the caller's transaction).
 * When the unique key (brand, source, externalId) says the order exists already, nothing is written and the
 * existing order is returned: the database, not a prior check, decides, so concurrent imports cannot duplicate.
 */
export async function insertOrder(m: EntityManager, brandId: number, o: NewOrder): Promise<InsertResult> {
  const { lines, addresses, ...row } = o;
  await lockBrandOrders(m, brandId);
  let candidate = o.number ?? (await nextOrderNumber(m, brandId));
  let id: number | undefined;
  for (let attempt = 1; id === undefined; attempt++) {
    try {
      const result = await m.getRepository(Order).insert({ ...row, brandId, number: candidate, locked: false, closed: false });
      id = Number(result.identifiers[0].id);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (o.externalId !== null) {
        const existing = await findByExternalId(m, brandId, o.source, o.externalId, true);
        if (existing) return { order: existing, created: false };
      }
      if (o.number !== null) throw badInput("number", `Order number "${o.number}" is already used`);
      if (attempt >= MAX_NUMBER_ATTEMPTS) throw error;
      candidate = formatNumber(parseNumber(candidate)! + 1);
    }
  }
  await insertLines(m, brandId, id, lines);
  await insertAddresses(m, id, addresses);
  return { order: await m.getRepository(Order).findOneByOrFail({ id, brandId }), created: true };
}

export async function insertLines(m: EntityManager, brandId: number, orderId: number, lines: NewLine[]): Promise<void> {
  if (lines.length) await m.getRepository(OrderLine).insert(lines.map((l) => ({ ...l, brandId, orderId })));
}

export async function insertAddresses(m: EntityManager, orderId: number, addresses: AddressSnapshot[]): Promise<void> {
  if (addresses.length) await m.getRepository(OrderAddress).insert(addresses.map((a) => ({ ...a, orderId })));
}

/**
 * The order with this external id. `latest` reads the newest committed row (a locking read on MySQL), which a
 * plain read inside an older REPEATABLE READ snapshot would miss after a concurrent insert.
 */
export async function findByExternalId(m: EntityManager, brandId: number, source: string, externalId: string, latest = false): Promise<Order | null> {
  const qb = m
    .getRepository(Order)
    .createQueryBuilder("o")
    .where("o.brandId = :brandId AND o.source = :source AND o.externalId = :externalId", { brandId, source, externalId });
  if (latest && isMysql(m.connection.options)) qb.setLock("pessimistic_read");
  return qb.getOne();
}

function formatNumber(n: number): string {
  return NUMBER_PREFIX + String(n).padStart(NUMBER_DIGITS, "0");
}

function parseNumber(number: string): number | null {
  const match = new RegExp(`^${NUMBER_PREFIX}(\\d{1,15})$`).exec(number);
  return match ? Number(match[1]) : null;
}

/**
 * On MySQL/MariaDB, order inserts of one brand take turns (a row lock on the brand until commit): concurrent
 * inserts would otherwise pick the same next number and deadlock on the unique key while retrying.
 * SQLite has a single writer already.
 */
async function lockBrandOrders(m: EntityManager, brandId: number): Promise<void> {
  if (!isMysql(m.connection.options)) return;
  await m.getRepository(Brand).createQueryBuilder("b").select("b.id").where("b.id = :brandId", { brandId }).setLock("pessimistic_write").getRawOne();
}

/**
 * The number after the brand's highest SO-nnnnnn number. The fast path reads one entry of the (brandId, number)
 * index; when the lexically highest SO- number is not the numerically highest (more than 6 digits, or a
 * hand-typed SO-… number), it falls back to comparing lengths. On MySQL it is a locking read, so it sees
 * orders committed after the caller's transaction began.
 */
export async function nextOrderNumber(m: EntityManager, brandId: number): Promise<string> {
  const base = () => {
    const qb = m
      .getRepository(Order)
      .createQueryBuilder("o")
      .select("o.number", "number")
      .where("o.brandId = :brandId AND o.number LIKE :prefix", { brandId, prefix: `${NUMBER_PREFIX}%` });
    if (isMysql(m.connection.options)) qb.setLock("pessimistic_read");
    return qb;
  };
  const top: { number: string } | undefined = await base().orderBy("o.number", "DESC").limit(1).getRawOne();
  if (!top) return formatNumber(1);
  const fast = parseNumber(top.number);
  if (fast !== null && fast < 10 ** NUMBER_DIGITS - 1) return formatNumber(fast + 1);
  const rows: { number: string }[] = await base().addSelect("LENGTH(o.number)", "len").orderBy("len", "DESC").addOrderBy("o.number", "DESC").limit(50).getRawMany();
  const highest = rows.map((r) => parseNumber(r.number)).find((n) => n !== null) ?? 0;
  return formatNumber(highest + 1);
}
