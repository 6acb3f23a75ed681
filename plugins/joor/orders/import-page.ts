import { EntityManager } from "typeorm";
import { GraphQLError } from "graphql";
import { isMysql } from "../../../src/db/database-options";
import { Address } from "../../../src/entities/address.entity";
import type { AddressInput } from "../../../src/modules/customer/customer.inputs";
import type { ImportedOrderData } from "../../../src/modules/order/order-import";
import type { JoorInboundOrder } from "../entities/joor-inbound-order.entity";
import { missingAddresses } from "./address-match";
import { snapshot } from "./match-order";
import type { InboundAddress } from "./parse-order";
import { InboundReason } from "./reasons";

/**
 * A page of matched inbound orders written in ONE transaction (one commit, and on MariaDB one hold of the brand's
 * order-number lock, for the whole page instead of one per order). Each order's writes — order, lines, address
 * snapshots, new customer addresses, stage state — sit in their own savepoint: an order the core rejects
 * (BAD_USER_INPUT) is rolled back to its savepoint and HELD, and the others of the page still commit.
 * The stage rows of the page are locked (FOR UPDATE on MariaDB) and checked against the version read when the
 * page was prepared, so an order imported or held meanwhile by another run is skipped — never written twice.
 * Any other error rolls the whole page back and is thrown; the caller then imports that page order by order.
 * Summary counters, issues and progress are reported only after the commit (returned as events).
 */

export type PageItem =
  | { kind: "hold"; row: JoorInboundOrder; reasons: InboundReason[] }
  | { kind: "import"; row: JoorInboundOrder; data: ImportedOrderData; customerId: number; addresses: InboundAddress[]; warnings: InboundReason[] };

export type PageEvent =
  | { kind: "skipped"; row: JoorInboundOrder }
  | { kind: "held"; row: JoorInboundOrder; reasons: InboundReason[] }
  | { kind: "imported"; row: JoorInboundOrder; created: boolean; customerId: number; added: Address[]; warnings: InboundReason[] };

export interface PageDeps {
  brandId: number;
  createOrder(data: ImportedOrderData, known: Address[], m: EntityManager): Promise<{ id: number; created: boolean }>;
  addAddresses(m: EntityManager, customerId: number, inputs: AddressInput[]): Promise<Address[]>;
  now: Date;
}

export async function importPageInTransaction(
  m: EntityManager, deps: PageDeps, items: PageItem[], addressesByCustomer: Map<number, Address[]>,
): Promise<PageEvent[]> {
  const mysql = isMysql(m.connection.options);
  const ids = items.map((i) => i.row.id);
  const current = new Map<number, { state: string; version: number }>();
  if (ids.length) {
    const rows = (await m.query(
      `SELECT id, state, version FROM joor_inbound_order WHERE id IN (${ids.map(() => "?").join(", ")}) ORDER BY id${mysql ? " FOR UPDATE" : ""}`, ids,
    )) as { id: number; state: string; version: number }[];
    for (const r of rows) current.set(Number(r.id), { state: r.state, version: Number(r.version) });
  }
  // Addresses added by this page, visible to its later orders (merged into the caller's map only after commit).
  const addedHere = new Map<number, Address[]>();
  const knownOf = (customerId: number) => [...(addressesByCustomer.get(customerId) ?? []), ...(addedHere.get(customerId) ?? [])];
  const events: PageEvent[] = [];
  const at = dateParam(deps.now, mysql);
  for (const item of items) {
    const cur = current.get(item.row.id);
    if (!cur || (cur.state !== "STAGED" && cur.state !== "HELD") || cur.version !== item.row.version) {
      events.push({ kind: "skipped", row: item.row });
      continue;
    }
    if (item.kind === "hold") {
      await holdIn(m, item.row.id, item.reasons, at);
      events.push({ kind: "held", row: item.row, reasons: item.reasons });
      continue;
    }
    await m.query("SAVEPOINT joor_order");
    try {
      const known = knownOf(item.customerId);
      const result = await deps.createOrder(item.data, known, m);
      let added: Address[] = [];
      if (result.created) {
        const toAdd = missingAddresses(known, item.addresses);
        if (toAdd.length) {
          added = await deps.addAddresses(m, item.customerId, toAdd.map((a) => ({ ...snapshot(a), isDefault: false }) as AddressInput));
          addedHere.set(item.customerId, [...(addedHere.get(item.customerId) ?? []), ...added]);
        }
      }
      const w = item.warnings;
      await m.query(
        "UPDATE joor_inbound_order SET state = 'IMPORTED', orderId = ?, importedAt = ?, updatedAt = ?, attempts = attempts + 1, reasons = ?, reasonCodes = ? WHERE id = ?",
        [result.id, at, at, w.length ? JSON.stringify(w) : null, w.length ? codesOf(w) : null, item.row.id],
      );
      await m.query("RELEASE SAVEPOINT joor_order");
      events.push({ kind: "imported", row: item.row, created: result.created, customerId: item.customerId, added, warnings: w });
    } catch (error) {
      if (!(error instanceof GraphQLError) || error.extensions?.code !== "BAD_USER_INPUT") throw error;
      await m.query("ROLLBACK TO SAVEPOINT joor_order");
      await m.query("RELEASE SAVEPOINT joor_order");
      const reasons = rejectionReasons(error);
      await holdIn(m, item.row.id, reasons, at);
      events.push({ kind: "held", row: item.row, reasons });
    }
  }
  return events;
}

/** The core's BAD_USER_INPUT problems as IMPORT_REJECTED reasons (the field at fault kept). */
export function rejectionReasons(error: GraphQLError): InboundReason[] {
  const problems = (error.extensions.problems as { field: string; message: string }[] | undefined) ?? [{ field: String(error.extensions.field ?? ""), message: error.message }];
  return problems.map((x) => ({ code: "IMPORT_REJECTED", message: `${x.field}: ${x.message}`, field: x.field }) as InboundReason);
}

async function holdIn(m: EntityManager, id: number, reasons: InboundReason[], at: Date | string): Promise<void> {
  await m.query(
    "UPDATE joor_inbound_order SET state = 'HELD', reasons = ?, reasonCodes = ?, heldAt = ?, updatedAt = ?, attempts = attempts + 1 WHERE id = ?",
    [JSON.stringify(reasons), codesOf(reasons), at, at, id],
  );
}

/** A date as TypeORM stores it: a Date for mysql2, "YYYY-MM-DD HH:MM:SS.SSS" (UTC) text for SQLite. */
export function dateParam(d: Date, mysql: boolean): Date | string {
  return mysql ? d : d.toISOString().replace("T", " ").replace("Z", "");
}

export function codesOf(reasons: InboundReason[]): string {
  return `,${[...new Set(reasons.map((r) => r.code))].join(",")},`.slice(0, 400);
}
