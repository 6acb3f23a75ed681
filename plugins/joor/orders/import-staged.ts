import { Between, In, MoreThan } from "typeorm";
import { GraphQLError } from "graphql";
import { Address, Season, Variant, type AddressInput, type BrandScope, type HostServices, type ImportedOrderData } from "../../../src/plugin";
import { InboundOrderState, JoorInboundOrder } from "../entities/joor-inbound-order.entity";
import { missingAddresses } from "./address-match";
import { barcodeCandidates, matchOrder, MatchCustomer, snapshot } from "./match-order";
import { checkOrderTotal } from "./order-total";
import { InboundAddress, InboundOrder, parseInboundOrder } from "./parse-order";
import { InboundReason, reason } from "./reasons";
import { codesOf, importPageInTransaction, PageDeps, PageNeedsSingleOrders, PageEvent, PageItem, rejectionReasons } from "./import-page";
import { seasonMatcher } from "./season-match";

export { codesOf };

/**
 * Imports staged (and held) inbound orders: per page of rows, one query each for customers, barcodes, seasons
 * and customer addresses; matching is in memory; then each page of orders is written in one transaction in a few
 * multi-row statements (import-page.ts): it locks the stage rows, creates the orders through the core (idempotent
 * per brand + source + JOOR id; an order the core rejects is held, nothing of it written), adds the new customer
 * addresses and marks the rows IMPORTED — or HELD with every reason. A page that cannot commit as a whole is imported order by order, each in its own transaction.
 * An order is imported at most once whatever runs at the same time.
 */

export const ORDER_SOURCE = "JOOR";

export interface ImportSettings {
  /** The settings' import order season (a season id of the brand), used when no season has the order's name. */
  fallbackSeasonId: number | null;
  approved: boolean;
  ownerId: number | null;
}

export interface ImportDeps {
  /** The brand's scoped data handle (its transactions are the import's units of work). */
  data: BrandScope;
  host: HostServices;
  brandId: number;
  connector: string;
  settings: ImportSettings;
  /** A job issue (the order's JOOR id is the key). */
  onIssue?: (issue: { key: string; code: string; message: string }) => Promise<void>;
  /** Called after each order (imported, held or skipped). */
  onProgress?: (n: number) => void;
  throwIfCancelled?: () => void;
  now?: () => Date;
  /** A page that could not be written as one (it is then imported order by order): for the job log. */
  onPageFallback?: (error: Error) => void;
}

export interface ImportSummary {
  imported: number;
  held: number;
  heldByReason: Record<string, number>;
  /** Rows that were HELD before this run and were tried again. */
  retried: number;
  /** Orders that existed in Selvedge already (a run that died after the order was written, or a concurrent one). */
  alreadyPresent: number;
  totalMismatches: number;
}

export function emptySummary(): ImportSummary {
  return { imported: 0, held: 0, heldByReason: {}, retried: 0, alreadyPresent: 0, totalMismatches: 0 };
}

const BATCH = 200;

/** Which rows to import: every STAGED and HELD row of the brand (default), or the given ids. */
export interface ImportSelection {
  ids?: number[];
  states?: InboundOrderState[];
  /**
   * Import while the pull is still staging (staged-feed.ts): having imported every row it sees, wait for the next
   * committed page instead of stopping; stop once the feed is closed and nothing is left.
   */
  follow?: { wait(): Promise<boolean> };
  /** Only rows with an id above this one (the rows staged after it). */
  afterId?: number;
  /** Only rows with an id up to this one (the rows there were before a run's pull). */
  untilId?: number;
}

export async function importInbound(deps: ImportDeps, selection: ImportSelection = {}, summary = emptySummary()): Promise<ImportSummary> {
  const states = selection.states ?? ["STAGED", "HELD"];
  const seasons = await deps.data.repo(Season).findBy({});
  const seasonByName = seasonMatcher(seasons);
  let after = selection.afterId ?? 0;
  for (;;) {
    deps.throwIfCancelled?.();
    if (selection.untilId !== undefined && after >= selection.untilId) break;
    const rows = await deps.data.repo(JoorInboundOrder).find({
      where: {
        connector: deps.connector,
        state: In(states),
        id: selection.untilId === undefined ? MoreThan(after) : Between(after + 1, selection.untilId),
        ...(selection.ids ? { id: In(selection.ids.filter((id) => id > after)) } : {}),
      },
      order: { id: "ASC" },
      take: BATCH,
    });
    if (rows.length) {
      after = rows[rows.length - 1].id;
      await importBatch(deps, rows, seasonByName, summary);
    }
    if (rows.length === BATCH) continue;
    if (!selection.follow) break;
    if (!(await selection.follow.wait()) && !rows.length) break;
  }
  return summary;
}

/**
 * Parses the rows and loads, in one query each, the customers, variants and customer addresses they name. These
 * brand-scoped lookups are the reference check createImportedOrderPrechecked relies on (the season comes from the
 * brand's seasons, the fallback season and owner from resolveImportSettings, also checked within the brand).
 */
async function prepareBatch(deps: ImportDeps, rows: Pick<JoorInboundOrder, "payload">[], seasonByName: (n: string | null) => Season | null) {
  const { data } = deps;
  const prepared = rows.map((row) => {
    let raw: unknown;
    try {
      raw = JSON.parse(row.payload);
    } catch {
      return { order: null, reasons: [reason("NOT_AN_ORDER", "the staged payload is not JSON")] };
    }
    const parsed = parseInboundOrder(raw);
    return {
      order: parsed.order,
      reasons: parsed.order ? parsed.reasons : parsed.reasons.length ? parsed.reasons : [reason("NOT_AN_ORDER", "unreadable order")],
    };
  });
  const orders = prepared.map((p) => p.order).filter((o): o is InboundOrder => o !== null);
  const customers = await deps.host.customers.findByAccountCodes(
    data,
    orders.map((o) => o.customerCode),
  );
  const barcodes = [...new Set(orders.flatMap((o) => o.lines.flatMap((l) => barcodeCandidates(l.upc))))];
  const variants = new Map<string, { id: number }>();
  for (let i = 0; i < barcodes.length; i += 1000) {
    const found = await data.repo(Variant).find({ select: { id: true, barcode: true }, where: { barcode: In(barcodes.slice(i, i + 1000)) } });
    for (const v of found) variants.set(v.barcode!, { id: v.id });
  }
  const customerIds = [...new Set([...customers.values()].map((c) => c.id))];
  const addressesByCustomer = new Map<number, Address[]>();
  if (customerIds.length) {
    for (const a of await data.repo(Address).findBy({ customerId: In(customerIds) })) {
      const list = addressesByCustomer.get(a.customerId) ?? [];
      list.push(a);
      addressesByCustomer.set(a.customerId, list);
    }
  }
  const ctx = {
    customerByCode: (code: string): MatchCustomer | undefined => customers.get(code.trim().toLowerCase()),
    variantByBarcode: (b: string) => variants.get(b),
    seasonByName,
    fallbackSeasonId: deps.settings.fallbackSeasonId,
    approved: deps.settings.approved,
    ownerId: deps.settings.ownerId,
    source: ORDER_SOURCE,
  };
  return { prepared, ctx, addressesByCustomer };
}

/** Dry run: what importing these raw orders would do (nothing is written). */
export async function previewInbound(deps: ImportDeps, raws: unknown[], summary: ImportSummary): Promise<void> {
  const seasons = await deps.data.repo(Season).findBy({});
  const { prepared, ctx } = await prepareBatch(
    deps,
    raws.map((r) => ({ payload: JSON.stringify(r) ?? "null" })),
    seasonMatcher(seasons),
  );
  for (const p of prepared) {
    const reasons =
      p.reasons.length || !p.order
        ? p.reasons
        : (() => {
            const m = matchOrder(p.order!, ctx);
            return m.ok ? [] : m.reasons;
          })();
    if (!reasons.length) {
      summary.imported++;
      continue;
    }
    summary.held++;
    for (const code of new Set(reasons.map((r) => r.code))) summary.heldByReason[code] = (summary.heldByReason[code] ?? 0) + 1;
  }
}

async function importBatch(deps: ImportDeps, rows: JoorInboundOrder[], seasonByName: (n: string | null) => Season | null, summary: ImportSummary) {
  const { prepared: parsed, ctx, addressesByCustomer } = await prepareBatch(deps, rows, seasonByName);
  const items: PageItem[] = parsed.map((p, i) => {
    const row = rows[i];
    if (p.reasons.length || !p.order) return { kind: "hold", row, reasons: p.reasons };
    const match = matchOrder(p.order, ctx);
    if (!match.ok) return { kind: "hold", row, reasons: match.reasons };
    const total = checkOrderTotal(p.order);
    const warnings = total.matches
      ? []
      : [
          reason(
            "TOTAL_MISMATCH",
            `JOOR's order total is ${total.joor} ${p.order.currency} but the imported lines, discounts and shipping make ${total.selvedge}`,
            "order_total",
          ),
        ];
    return { kind: "import", row, data: match.data, customerId: match.customerId, addresses: match.addresses, warnings };
  });
  const size = deps.data.isMysql ? PAGE_TX_MYSQL : PAGE_TX_SQLITE;
  for (let i = 0; i < items.length; i += size) {
    deps.throwIfCancelled?.();
    // Let the process serve its other work (API requests, heartbeats) between pages: with SQLite every statement
    // completes without waiting for I/O, so a long import would otherwise never give the event loop back.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const chunk = items.slice(i, i + size);
    let page: Awaited<ReturnType<typeof importPageInTransaction>>;
    try {
      page = await deps.data.transaction((tx) => importPageInTransaction(tx, pageDeps(deps), chunk, addressesByCustomer));
    } catch (error) {
      // The page rolled back as a whole (a deadlock, a lock timeout, an unexpected error): order by order instead,
      // so only the order at fault can fail.
      if (!(error instanceof PageNeedsSingleOrders)) deps.onPageFallback?.(error as Error);
      for (const item of chunk) {
        deps.throwIfCancelled?.();
        await importSingly(deps, item, addressesByCustomer, summary);
      }
      continue;
    }
    for (const [customerId, added] of page.added) addressesByCustomer.set(customerId, [...(addressesByCustomer.get(customerId) ?? []), ...added]);
    for (const e of page.events) await report(deps, e, summary);
  }
}

/** Orders per page transaction: MariaDB pays a commit (and the brand's number lock) per transaction; SQLite blocks the event loop for one. */
const PAGE_TX_MYSQL = 200;
const PAGE_TX_SQLITE = 100;

function pageDeps(deps: ImportDeps): PageDeps {
  return {
    now: deps.now?.() ?? new Date(),
    createOrders: (tx, items) => deps.host.orders.createImportedOrdersPrechecked(tx, items),
    addAddresses: (tx, customerId, inputs) => deps.host.customers.addAddresses(tx, customerId, inputs),
  };
}

/** After a page committed: the summary, the job issues and progress. */
async function report(deps: ImportDeps, e: PageEvent, summary: ImportSummary): Promise<void> {
  if (e.row.state === "HELD") summary.retried++;
  if (e.kind === "skipped") {
    deps.onProgress?.(1);
    return;
  }
  if (e.kind === "held") {
    await heldIssue(deps, e.row, e.reasons, summary);
    return;
  }
  if (!e.created) {
    summary.alreadyPresent++;
    deps.onProgress?.(1);
    return;
  }
  summary.imported++;
  if (e.warnings.length) {
    summary.totalMismatches++;
    await deps.onIssue?.({ key: e.row.externalOrderId, code: "TOTAL_MISMATCH", message: e.warnings[0].message });
  } else deps.onProgress?.(1);
}

/** One order in its own transaction (the fallback when its page could not be written as one). */
async function importSingly(deps: ImportDeps, item: PageItem, addressesByCustomer: Map<number, Address[]>, summary: ImportSummary): Promise<void> {
  const wasHeld = item.row.state === "HELD";
  if (wasHeld) summary.retried++;
  if (item.kind === "hold") {
    await hold(deps, item.row, item.reasons, summary);
    return;
  }
  const known = addressesByCustomer.get(item.customerId) ?? [];
  let issued = false;
  try {
    const outcome = await importOne(deps, item.row, item.data, item.customerId, known, item.addresses, item.warnings);
    if (outcome === "skipped") return;
    if (outcome.created) {
      summary.imported++;
      known.push(...outcome.added);
      addressesByCustomer.set(item.customerId, known);
      if (item.warnings.length) {
        summary.totalMismatches++;
        issued = true;
        await deps.onIssue?.({ key: item.row.externalOrderId, code: "TOTAL_MISMATCH", message: item.warnings[0].message });
      }
    } else summary.alreadyPresent++;
  } catch (error) {
    if (!(error instanceof GraphQLError) || error.extensions?.code !== "BAD_USER_INPUT") throw error;
    issued = true;
    await hold(deps, item.row, rejectionReasons(error), summary);
  } finally {
    if (!issued) deps.onProgress?.(1);
  }
}

type Outcome = "skipped" | { created: boolean; added: Address[] };

async function importOne(
  deps: ImportDeps,
  row: JoorInboundOrder,
  data: ImportedOrderData,
  customerId: number,
  known: Address[],
  addresses: InboundAddress[],
  warnings: InboundReason[],
): Promise<Outcome> {
  const { host } = deps;
  const now = deps.now?.() ?? new Date();
  return deps.data.transaction(async (tx) => {
    const mysql = tx.isMysql;
    const locked = await tx.sql<{ state: string; version: number }>(
      `SELECT state, version FROM joor_inbound_order WHERE brandId = ? AND id = ?${mysql ? " FOR UPDATE" : ""}`,
      [row.id],
    );
    const current = locked[0];
    if (!current || (current.state !== "STAGED" && current.state !== "HELD") || Number(current.version) !== row.version) return "skipped" as const;
    const result = await host.orders.createImportedOrderPrechecked(tx, data, known);
    let added: Address[] = [];
    if (result.created && missingAddresses(known, addresses).length) {
      // Read again inside the transaction: another run may have added the same address meanwhile.
      const fresh = await tx.repo(Address).findBy({ customerId });
      const toAdd = missingAddresses(fresh, addresses);
      if (toAdd.length)
        added = await host.customers.addAddresses(
          tx,
          customerId,
          toAdd.map((a) => ({ ...snapshot(a), isDefault: false }) as AddressInput),
        );
    }
    await tx.repo(JoorInboundOrder).update(
      { id: row.id },
      {
        state: "IMPORTED",
        orderId: result.id,
        importedAt: now,
        attempts: () => "attempts + 1",
        reasons: warnings.length ? JSON.stringify(warnings) : null,
        reasonCodes: warnings.length ? codesOf(warnings) : null,
      },
    );
    return { created: result.created, added };
  });
}

async function hold(deps: ImportDeps, row: JoorInboundOrder, reasons: InboundReason[], summary: ImportSummary): Promise<void> {
  const now = deps.now?.() ?? new Date();
  const affected = await deps.data
    .repo(JoorInboundOrder)
    .update(
      { id: row.id, state: In(["STAGED", "HELD"] as InboundOrderState[]), version: row.version },
      { state: "HELD", reasons: JSON.stringify(reasons), reasonCodes: codesOf(reasons), heldAt: now, attempts: () => "attempts + 1" },
    );
  if (!affected) {
    deps.onProgress?.(1);
    return;
  }
  await heldIssue(deps, row, reasons, summary);
}

/** A hold counted in the summary and reported as a job issue (the issue is the order's progress step). */
async function heldIssue(deps: ImportDeps, row: JoorInboundOrder, reasons: InboundReason[], summary: ImportSummary): Promise<void> {
  summary.held++;
  for (const code of new Set(reasons.map((r) => r.code))) summary.heldByReason[code] = (summary.heldByReason[code] ?? 0) + 1;
  const first = reasons
    .slice(0, 5)
    .map((r) => r.message)
    .join("; ");
  await deps.onIssue?.({
    key: row.externalOrderId,
    code: reasons[0]?.code ?? "HELD",
    message: `held: ${first}${reasons.length > 5 ? ` (+${reasons.length - 5} more)` : ""}`,
  });
}
