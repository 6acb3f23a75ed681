import { In } from "typeorm";
import type { GraphQLError } from "graphql";
import { Address, type AddressInput, type BrandScope, type ImportedOrderData } from "../../../src/plugin";
import type { JoorInboundOrder } from "../entities/joor-inbound-order.entity";
import { missingAddresses } from "./address-match";
import { snapshot } from "./match-order";
import type { InboundAddress } from "./parse-order";
import { InboundReason } from "./reasons";

/**
 * A page of matched inbound orders written in ONE transaction (one commit, and on MariaDB one hold of the brand's
 * order-number lock, for the whole page instead of one per order), in a few multi-row statements: the core writes
 * the page's orders at once (OrderService.createImportedOrdersPrechecked: each order validated on its own, existing
 * ones not written again), then the customers' new addresses, then the stage rows' states. An order the core
 * rejects (BAD_USER_INPUT) is HELD and nothing of it is written; the others of the page still commit.
 * The stage rows of the page are locked (FOR UPDATE on MariaDB) and checked against the version read when the
 * page was prepared, so an order imported or held meanwhile by another run is skipped — never written twice.
 * Any other error rolls the whole page back and is thrown; the caller then imports that page order by order
 * (so does a page where an address added by one order would have been the fallback snapshot of a later one).
 * Summary counters, issues, progress and the customers' new addresses are reported only after the commit.
 */

export type PageItem =
  | { kind: "hold"; row: JoorInboundOrder; reasons: InboundReason[] }
  | { kind: "import"; row: JoorInboundOrder; data: ImportedOrderData; customerId: number; addresses: InboundAddress[]; warnings: InboundReason[] };

export type PageEvent =
  | { kind: "skipped"; row: JoorInboundOrder }
  | { kind: "held"; row: JoorInboundOrder; reasons: InboundReason[] }
  | { kind: "imported"; row: JoorInboundOrder; created: boolean; customerId: number; warnings: InboundReason[] };

export type CreateResult = { ok: true; id: number; created: boolean } | { ok: false; error: GraphQLError };

export interface PageDeps {
  /** The page's unit of work: the transaction's scope (the core writes join it). */
  createOrders(tx: BrandScope, items: { data: ImportedOrderData; customerAddresses: Address[] }[]): Promise<CreateResult[]>;
  addAddresses(tx: BrandScope, customerId: number, inputs: AddressInput[]): Promise<Address[]>;
  now: Date;
}

/** Thrown when the page must be imported order by order to keep the per-order rules exact. */
export class PageNeedsSingleOrders extends Error {}

const UPDATE_CHUNK = 500;

export async function importPageInTransaction(
  tx: BrandScope,
  deps: PageDeps,
  items: PageItem[],
  addressesByCustomer: Map<number, Address[]>,
): Promise<{ events: PageEvent[]; added: Map<number, Address[]> }> {
  const mysql = tx.isMysql;
  const current = await lockStageRows(
    tx,
    items.map((i) => i.row.id),
    mysql,
  );
  const at = dateParam(deps.now, mysql);
  const events: (PageEvent | null)[] = items.map(() => null);
  const toImport: { at: number; item: Extract<PageItem, { kind: "import" }> }[] = [];
  for (const [n, item] of items.entries()) {
    const cur = current.get(item.row.id);
    if (!cur || (cur.state !== "STAGED" && cur.state !== "HELD") || cur.version !== item.row.version) events[n] = { kind: "skipped", row: item.row };
    else if (item.kind === "hold") {
      await holdIn(tx, item.row.id, item.reasons, at);
      events[n] = { kind: "held", row: item.row, reasons: item.reasons };
    } else toImport.push({ at: n, item });
  }
  const base = (customerId: number) => addressesByCustomer.get(customerId) ?? [];
  const results = await deps.createOrders(
    tx,
    toImport.map(({ item }) => ({ data: item.data, customerAddresses: base(item.customerId) })),
  );
  // The customers' new addresses, each once, in the order of the page.
  const planned = new Map<number, InboundAddress[]>();
  const imported: { id: number; orderId: number; warnings: InboundReason[] }[] = [];
  for (const [k, { at: n, item }] of toImport.entries()) {
    const r = results[k];
    if (!r.ok) {
      const reasons = rejectionReasons(r.error);
      await holdIn(tx, item.row.id, reasons, at);
      events[n] = { kind: "held", row: item.row, reasons };
      continue;
    }
    const mine: InboundAddress[] = [];
    if (r.created) {
      const earlier = planned.get(item.customerId) ?? [];
      if (fellBackOn(base(item.customerId), earlier, item.data)) throw new PageNeedsSingleOrders("an address added by this page would be an order's snapshot");
      mine.push(...missingAddresses([...base(item.customerId), ...earlier], item.addresses));
      planned.set(item.customerId, [...earlier, ...mine]);
    }
    imported.push({ id: item.row.id, orderId: r.id, warnings: item.warnings });
    events[n] = { kind: "imported", row: item.row, created: r.created, customerId: item.customerId, warnings: item.warnings };
  }
  // Write the planned addresses (read again first: another run may have added the same address meanwhile), one
  // statement per customer.
  const added = new Map<number, Address[]>();
  const customers = [...planned.keys()].filter((c) => planned.get(c)!.length);
  if (customers.length) {
    const fresh = await tx.repo(Address).findBy({ customerId: In(customers) });
    for (const customerId of customers) {
      const toAdd = missingAddresses(
        fresh.filter((a) => a.customerId === customerId),
        planned.get(customerId)!,
      );
      if (toAdd.length)
        added.set(
          customerId,
          await deps.addAddresses(
            tx,
            customerId,
            toAdd.map((a) => ({ ...snapshot(a), isDefault: false }) as AddressInput),
          ),
        );
    }
  }
  await markImported(tx, imported, at);
  return { events: events as PageEvent[], added };
}

/** True when the order has no address of a type the customer lacks but an earlier order of the page adds (per order, that one would be copied). */
function fellBackOn(base: Address[], earlier: InboundAddress[], data: ImportedOrderData): boolean {
  const given = { DELIVERY: !!data.deliveryAddress, ACCOUNTS: !!data.accountsAddress };
  return (["DELIVERY", "ACCOUNTS"] as const).some((t) => !given[t] && !base.some((a) => a.type === t) && earlier.some((a) => a.type === t));
}

async function lockStageRows(tx: BrandScope, ids: number[], mysql: boolean): Promise<Map<number, { state: string; version: number }>> {
  const current = new Map<number, { state: string; version: number }>();
  for (let c = 0; c < ids.length; c += UPDATE_CHUNK) {
    const part = ids.slice(c, c + UPDATE_CHUNK);
    const rows = await tx.sql<{ id: number; state: string; version: number }>(
      `SELECT id, state, version FROM joor_inbound_order WHERE brandId = ? AND id IN (${part.map(() => "?").join(", ")}) ORDER BY id${mysql ? " FOR UPDATE" : ""}`,
      part,
    );
    for (const r of rows) current.set(Number(r.id), { state: r.state, version: Number(r.version) });
  }
  return current;
}

/** The imported stage rows: one statement for those without warnings (orderId by CASE), one each for the others. */
async function markImported(tx: BrandScope, rows: { id: number; orderId: number; warnings: InboundReason[] }[], at: Date | string): Promise<void> {
  const plain = rows.filter((r) => !r.warnings.length);
  for (let c = 0; c < plain.length; c += UPDATE_CHUNK) {
    const part = plain.slice(c, c + UPDATE_CHUNK);
    await tx.execute(
      `UPDATE joor_inbound_order SET state = 'IMPORTED', orderId = CASE id ${part.map(() => "WHEN ? THEN ?").join(" ")} END, importedAt = ?, updatedAt = ?,
         attempts = attempts + 1, reasons = NULL, reasonCodes = NULL WHERE brandId = ? AND id IN (${part.map(() => "?").join(", ")})`,
      [...part.flatMap((r) => [r.id, r.orderId]), at, at, tx.brandId, ...part.map((r) => r.id)],
    );
  }
  for (const r of rows.filter((x) => x.warnings.length)) {
    await tx.execute(
      "UPDATE joor_inbound_order SET state = 'IMPORTED', orderId = ?, importedAt = ?, updatedAt = ?, attempts = attempts + 1, reasons = ?, reasonCodes = ? WHERE brandId = ? AND id = ?",
      [r.orderId, at, at, JSON.stringify(r.warnings), codesOf(r.warnings), tx.brandId, r.id],
    );
  }
}

/** The core's BAD_USER_INPUT problems as IMPORT_REJECTED reasons (the field at fault kept). */
export function rejectionReasons(error: GraphQLError): InboundReason[] {
  const problems = (error.extensions.problems as { field: string; message: string }[] | undefined) ?? [
    { field: String(error.extensions.field ?? ""), message: error.message },
  ];
  return problems.map((x) => ({ code: "IMPORT_REJECTED", message: `${x.field}: ${x.message}`, field: x.field }) as InboundReason);
}

async function holdIn(tx: BrandScope, id: number, reasons: InboundReason[], at: Date | string): Promise<void> {
  await tx.execute(
    "UPDATE joor_inbound_order SET state = 'HELD', reasons = ?, reasonCodes = ?, heldAt = ?, updatedAt = ?, attempts = attempts + 1 WHERE brandId = ? AND id = ?",
    [JSON.stringify(reasons), codesOf(reasons), at, at, tx.brandId, id],
  );
}

/** A date as TypeORM stores it: a Date for mysql2, "YYYY-MM-DD HH:MM:SS.SSS" (UTC) text for SQLite. */
export function dateParam(d: Date, mysql: boolean): Date | string {
  return mysql ? d : d.toISOString().replace("T", " ").replace("Z", "");
}

export function codesOf(reasons: InboundReason[]): string {
  return `,${[...new Set(reasons.map((r) => r.code))].join(",")},`.slice(0, 400);
}
