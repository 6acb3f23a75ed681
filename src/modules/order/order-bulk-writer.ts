import type { BrandScope } from "../../db/brand-scope";
import { isUniqueViolation } from "../../db/db-errors";
import { AddressSnapshot } from "./order-addresses";
import { formatOrderNumber, NewOrder, NUMBER_DIGITS, NUMBER_PREFIX, parseOrderNumber } from "./order-writer";

/**
 * The lean write path of imported orders (OrderService.createImportedOrderPrechecked): the same rows and the same
 * guarantees as insertOrder — (brand, source, externalId) decided by the unique key, numbers from the brand's
 * highest SO- number under the brand lock on MySQL — in plain parameterised SQL (about six statements per order)
 * instead of the query builder, whose per-statement cost dominates an import of thousands of orders.
 * SQL here is driver-neutral: unquoted identifiers, `?` placeholders.
 */

const MAX_ATTEMPTS = 10;

export interface FastInsertResult {
  id: number;
  number: string;
  created: boolean;
}

export async function insertOrderFast(scope: BrandScope, o: NewOrder): Promise<FastInsertResult> {
  const brandId = scope.brandId;
  const mysql = scope.isMysql;
  await scope.lockBrand();
  let number = o.number ?? (await nextNumber(scope, mysql));
  for (let attempt = 1; ; attempt++) {
    try {
      const r = await scope.execute(
        `INSERT INTO sales_order (${ORDER_COLUMNS.join(", ")}) VALUES (${ORDER_COLUMNS.map(() => "?").join(", ")})`,
        orderRow(brandId, number, o, mysql),
      );
      const id = r.insertId;
      await insertRows(scope, "order_line", LINE_COLUMNS, lineRows(brandId, id, o));
      await insertRows(scope, "order_address", ADDRESS_COLUMNS, addressRows(id, o));
      return { id, number, created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (o.externalId !== null) {
        const existing = await scope.execute(
          `SELECT id, number FROM sales_order WHERE brandId = ? AND source = ? AND externalId = ?${mysql ? " LOCK IN SHARE MODE" : ""}`,
          [brandId, o.source, o.externalId],
        );
        if (existing.rows.length) return { id: Number(existing.rows[0].id), number: String(existing.rows[0].number), created: false };
      }
      if (o.number !== null || attempt >= MAX_ATTEMPTS) throw error;
      number = formatOrderNumber(parseOrderNumber(number)! + 1);
    }
  }
}

/** The columns of a new sales_order row, and its values (orderRow) in that order. */
export const ORDER_COLUMNS = [
  "brandId",
  "number",
  "source",
  "externalId",
  "poNumber",
  "customerId",
  "seasonId",
  "ownerId",
  "approved",
  "locked",
  "closed",
  "currency",
  "shipStart",
  "shipEnd",
  "notes",
  "discount",
  "shippingTotal",
  "platformModifiedAt",
];

export function orderRow(brandId: number, number: string, o: NewOrder, mysql: boolean): unknown[] {
  return [
    brandId,
    number,
    o.source,
    o.externalId,
    o.poNumber,
    o.customerId,
    o.seasonId,
    o.ownerId,
    o.approved ? 1 : 0,
    0,
    0,
    o.currency,
    o.shipStart,
    o.shipEnd,
    o.notes,
    o.discount,
    o.shippingTotal,
    dateParam(o.platformModifiedAt, mysql),
  ];
}

export const LINE_COLUMNS = ["brandId", "orderId", "variantId", "quantity", "unitPrice", "discount"];

export function lineRows(brandId: number, orderId: number, o: NewOrder): unknown[][] {
  return o.lines.map((l) => [brandId, orderId, l.variantId, l.quantity, l.unitPrice, l.discount]);
}

export const ADDRESS_COLUMNS = ["orderId", "type", "name", "company", "line1", "line2", "city", "region", "postalCode", "countryCode", "phone", "email"];

export function addressRows(orderId: number, o: NewOrder): unknown[][] {
  return o.addresses.map((a: AddressSnapshot) => [
    orderId,
    a.type,
    a.name,
    a.company,
    a.line1,
    a.line2,
    a.city,
    a.region,
    a.postalCode,
    a.countryCode,
    a.phone,
    a.email,
  ]);
}

/** Multi-row INSERTs; order_address (an order's child, no brandId) only for orders just inserted in this unit of work. */
export async function insertRows(
  scope: BrandScope,
  table: "sales_order" | "order_line" | "order_address",
  columns: string[],
  rows: unknown[][],
  size = 500,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const one = `(${columns.map(() => "?").join(", ")})`;
    const sql = `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${chunk.map(() => one).join(", ")}`;
    await (table === "order_address" ? scope.executeOnChildren(sql, chunk.flat()) : scope.execute(sql, chunk.flat()));
  }
}

/** Dates as TypeORM stores them: a Date for mysql2 (timezone Z), "YYYY-MM-DD HH:MM:SS.SSS" UTC text for SQLite. */
export function dateParam(d: Date | null, mysql: boolean): Date | string | null {
  if (d === null) return null;
  return mysql ? d : d.toISOString().replace("T", " ").replace("Z", "");
}

/**
 * The number after the brand's highest SO- number (as nextOrderNumber): the lexically highest via the
 * (brandId, number) index — a range on SQLite, whose LIKE cannot use it — else the longest numbers first.
 */
export async function nextNumber(scope: BrandScope, mysql: boolean): Promise<string> {
  const brandId = scope.brandId;
  const where = mysql ? "brandId = ? AND number LIKE ?" : "brandId = ? AND number >= ? AND number < ?";
  const params = mysql
    ? [brandId, `${NUMBER_PREFIX}%`]
    : [brandId, NUMBER_PREFIX, NUMBER_PREFIX.slice(0, -1) + String.fromCharCode(NUMBER_PREFIX.charCodeAt(NUMBER_PREFIX.length - 1) + 1)];
  const lock = mysql ? " LOCK IN SHARE MODE" : "";
  const top = await scope.execute(`SELECT number FROM sales_order WHERE ${where} ORDER BY number DESC LIMIT 1${lock}`, params);
  if (!top.rows.length) return formatOrderNumber(1);
  const fast = parseOrderNumber(String(top.rows[0].number));
  if (fast !== null && fast < 10 ** NUMBER_DIGITS - 1) return formatOrderNumber(fast + 1);
  const rows = await scope.execute(`SELECT number FROM sales_order WHERE ${where} ORDER BY LENGTH(number) DESC, number DESC LIMIT 50${lock}`, params);
  const highest = rows.rows.map((r) => parseOrderNumber(String(r.number))).find((n) => n !== null) ?? 0;
  return formatOrderNumber(highest + 1);
}
