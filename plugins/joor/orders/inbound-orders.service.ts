import { In } from "typeorm";
import { badInput, type BrandScope, InputProblems, notFound, PageArgs, paginate, Page } from "../../../src/plugin";
import { JoorInboundOrder, INBOUND_ORDER_STATES, InboundOrderState } from "../entities/joor-inbound-order.entity";
import { JoorInboundOrderFilter, JoorInboundOrderType } from "../api/inbound-order.types";
import { emptySummary, importInbound, ImportDeps, ImportSummary } from "./import-staged";
import { REASON_CODES, InboundReason } from "./reasons";

/** The held-orders API: list, retry, dismiss — always within one brand and connector. */

export function toType(r: JoorInboundOrder): JoorInboundOrderType {
  const reasons = r.reasons ? (JSON.parse(r.reasons) as InboundReason[]) : [];
  return {
    id: r.id,
    joorOrderId: r.externalOrderId,
    state: r.state,
    customerCode: r.customerCode,
    payload: r.payload,
    latestPayload: r.latestPayload,
    reasons: reasons.map((x) => ({ code: x.code, message: x.message, field: x.field ?? null, line: x.line ?? null })),
    changes: r.changes ? (JSON.parse(r.changes) as string[]) : [],
    attempts: r.attempts,
    pulledAt: r.pulledAt,
    importedAt: r.importedAt,
    heldAt: r.heldAt,
    dismissedAt: r.dismissedAt,
    dismissReason: r.dismissReason,
    platformModifiedAt: r.platformModifiedAt,
    orderId: r.orderId,
  };
}

function checkFilter(filter: JoorInboundOrderFilter | undefined): void {
  const p = new InputProblems();
  for (const s of filter?.states ?? []) p.check(INBOUND_ORDER_STATES.includes(s as InboundOrderState), "filter.states", `unknown state ${s}`);
  if (filter?.reason !== undefined && filter.reason !== null) {
    p.check((REASON_CODES as string[]).includes(filter.reason), "filter.reason", `unknown reason code "${filter.reason}" (one of ${REASON_CODES.join(", ")})`);
  }
  p.throwIfAny();
}

function query(data: BrandScope, connector: string, filter: JoorInboundOrderFilter | undefined) {
  const qb = data.repo(JoorInboundOrder).queryBuilder("r").andWhere("r.connector = :connector", { connector });
  if (filter?.states?.length) qb.andWhere("r.state IN (:...states)", { states: filter.states });
  if (filter?.reason) qb.andWhere("r.reasonCodes LIKE :code", { code: `%,${filter.reason},%` });
  if (filter?.joorOrderId) qb.andWhere("r.externalOrderId = :ext", { ext: filter.joorOrderId.trim() });
  if (filter?.customerCode) qb.andWhere("r.customerCode = :cc", { cc: filter.customerCode.trim() });
  return qb;
}

export async function listInbound(
  data: BrandScope,
  connector: string,
  filter: JoorInboundOrderFilter | undefined,
  page: PageArgs,
): Promise<Page<JoorInboundOrder>> {
  checkFilter(filter);
  return paginate(query(data, connector, filter), page);
}

async function getRow(data: BrandScope, connector: string, id: number): Promise<JoorInboundOrder> {
  const row = await data.repo(JoorInboundOrder).findOneBy({ id, connector });
  if (!row) throw notFound("JoorInboundOrder", id);
  return row;
}

/** Tries one held (or staged) order again now; answers the row as it is afterwards. */
export async function retryOne(deps: ImportDeps, id: number): Promise<JoorInboundOrder> {
  const row = await getRow(deps.data, deps.connector, id);
  if (row.state !== "HELD" && row.state !== "STAGED")
    throw badInput("id", `JOOR order ${row.externalOrderId} is ${row.state}; only HELD or STAGED orders can be retried`);
  await importInbound(deps, { ids: [id] });
  return getRow(deps.data, deps.connector, id);
}

/** Tries every held (and staged) order matching the filter again. */
export async function retryMany(deps: ImportDeps, filter: JoorInboundOrderFilter | undefined): Promise<ImportSummary & { tried: number }> {
  checkFilter(filter);
  const states = (filter?.states?.length ? filter.states : ["HELD", "STAGED"]) as InboundOrderState[];
  if (states.some((s) => s !== "HELD" && s !== "STAGED")) throw badInput("filter.states", "only HELD or STAGED orders can be retried");
  const ids = (
    await query(deps.data, deps.connector, { ...filter, states: states as never })
      .select("r.id", "id")
      .getRawMany<{ id: number }>()
  ).map((r) => Number(r.id));
  if (!ids.length) return { ...emptySummary(), tried: 0 };
  const summary = await importInbound(deps, { ids, states });
  return { ...summary, tried: ids.length };
}

export async function dismiss(data: BrandScope, connector: string, id: number, why: string): Promise<JoorInboundOrder> {
  const p = new InputProblems();
  const text = (why ?? "").trim();
  p.check(text !== "", "reason", "is required (say why the order is dismissed)");
  p.check(text.length <= 500, "reason", "must be at most 500 characters");
  p.throwIfAny();
  const row = await getRow(data, connector, id);
  if (row.state !== "HELD" && row.state !== "STAGED")
    throw badInput("id", `JOOR order ${row.externalOrderId} is ${row.state}; only HELD or STAGED orders can be dismissed`);
  const affected = await data
    .repo(JoorInboundOrder)
    .update({ id, state: In(["HELD", "STAGED"] as InboundOrderState[]) }, { state: "DISMISSED", dismissedAt: new Date(), dismissReason: text });
  if (!affected) throw badInput("id", `JOOR order ${row.externalOrderId} changed meanwhile; look again`);
  return getRow(data, connector, id);
}
