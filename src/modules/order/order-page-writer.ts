import type { BrandScope } from "../../db/brand-scope";
import { ADDRESS_COLUMNS, addressRows, insertOrderFast, insertRows, LINE_COLUMNS, lineRows, nextNumber, ORDER_COLUMNS, orderRow } from "./order-bulk-writer";
import { formatOrderNumber, NewOrder, parseOrderNumber } from "./order-writer";

/**
 * The write path of a page of imported orders (OrderService.createImportedOrdersPrechecked): the rows of
 * insertOrderFast for many orders in a few multi-row statements — orders that exist already (brand + source +
 * externalId) are looked up first and not written again; the new ones get consecutive numbers after the brand's
 * highest, read once under the brand lock (MySQL) or the write lock (SQLite, one writer). A unique key hit anyway
 * (a writer that bypassed the lock) throws: the caller's transaction is to be rolled back, nothing is half-written.
 * Orders with a number of their own, or the same externalId twice in the page, go one by one through insertOrderFast.
 */

export interface PageInsertResult {
  id: number;
  number: string;
  created: boolean;
}

const ORDER_CHUNK = 200;
const ROW_CHUNK = 1000;

export async function insertOrdersFast(scope: BrandScope, orders: NewOrder[]): Promise<PageInsertResult[]> {
  if (!orders.length) return [];
  const brandId = scope.brandId;
  const keyOf = (o: NewOrder) => (o.externalId === null ? null : `${o.source}\u0000${o.externalId}`);
  const keys = orders.map(keyOf);
  if (orders.some((o) => o.number !== null) || new Set(keys.filter((k) => k !== null)).size !== keys.filter((k) => k !== null).length) {
    const out: PageInsertResult[] = [];
    for (const o of orders) out.push(await insertOrderFast(scope, o));
    return out;
  }
  const mysql = scope.isMysql;
  await scope.lockBrand();
  const existing = await existingOrders(scope, orders, mysql);
  const out: (PageInsertResult | null)[] = keys.map((k) => (k !== null && existing.get(k)) || null);
  const fresh = orders.map((o, i) => ({ o, i })).filter(({ i }) => out[i] === null);
  if (!fresh.length) return out as PageInsertResult[];
  const first = parseOrderNumber(await nextNumber(scope, mysql))!; // nextNumber gives an SO- number
  const numbers = fresh.map((_, n) => formatOrderNumber(first + n));
  for (let c = 0; c < fresh.length; c += ORDER_CHUNK) {
    const chunk = fresh.slice(c, c + ORDER_CHUNK);
    await insertRows(
      scope,
      "sales_order",
      ORDER_COLUMNS,
      chunk.map(({ o }, k) => orderRow(brandId, numbers[c + k], o, mysql)),
      ORDER_CHUNK,
    );
  }
  const ids = await idsByNumber(scope, numbers);
  fresh.forEach(({ i }, n) => {
    out[i] = { id: ids.get(numbers[n])!, number: numbers[n], created: true };
  });
  await insertRows(
    scope,
    "order_line",
    LINE_COLUMNS,
    fresh.flatMap(({ o, i }) => lineRows(brandId, out[i]!.id, o)),
    ROW_CHUNK,
  );
  await insertRows(
    scope,
    "order_address",
    ADDRESS_COLUMNS,
    fresh.flatMap(({ o, i }) => addressRows(out[i]!.id, o)),
    ROW_CHUNK,
  );
  return out as PageInsertResult[];
}

async function existingOrders(scope: BrandScope, orders: NewOrder[], mysql: boolean): Promise<Map<string, PageInsertResult>> {
  const brandId = scope.brandId;
  const found = new Map<string, PageInsertResult>();
  const bySource = new Map<string, string[]>();
  for (const o of orders) if (o.externalId !== null) bySource.set(o.source, [...(bySource.get(o.source) ?? []), o.externalId]);
  for (const [source, externalIds] of bySource) {
    for (let c = 0; c < externalIds.length; c += ROW_CHUNK) {
      const part = externalIds.slice(c, c + ROW_CHUNK);
      const r = await scope.execute(
        `SELECT id, number, externalId FROM sales_order WHERE brandId = ? AND source = ? AND externalId IN (${part.map(() => "?").join(", ")})${mysql ? " LOCK IN SHARE MODE" : ""}`,
        [brandId, source, ...part],
      );
      for (const row of r.rows) found.set(`${source}\u0000${String(row.externalId)}`, { id: Number(row.id), number: String(row.number), created: false });
    }
  }
  return found;
}

async function idsByNumber(scope: BrandScope, numbers: string[]): Promise<Map<string, number>> {
  const brandId = scope.brandId;
  const ids = new Map<string, number>();
  for (let c = 0; c < numbers.length; c += ROW_CHUNK) {
    const part = numbers.slice(c, c + ROW_CHUNK);
    const r = await scope.execute(`SELECT id, number FROM sales_order WHERE brandId = ? AND number IN (${part.map(() => "?").join(", ")})`, [brandId, ...part]);
    for (const row of r.rows) ids.set(String(row.number), Number(row.id));
  }
  if (ids.size !== numbers.length) throw new Error(`order page: ${numbers.length - ids.size} inserted orders not found by number`);
  return ids;
}
