import { Args, Authorized, Ctx, Query, Resolver } from "type-graphql";
import { dataOf, type RequestContext, paginate, type Page } from "../../../src/plugin";
import { JOOR_RECORD_KINDS } from "../ledger/kinds";
import { JOOR_CONNECTOR } from "../ledger/ledger.service";
import { JoorSyncRecordArgs, JoorSyncRecordConnection, JoorSyncRecordView } from "../ledger/ledger.types";
import { JoorSyncRecord } from "../ledger/sync-record.entity";
import { joorBrand } from "./guard";

const KIND_NAME = Object.fromEntries(Object.entries(JOOR_RECORD_KINDS).map(([name, kind]) => [kind, name]));

function view(r: JoorSyncRecord): JoorSyncRecordView {
  return Object.assign(new JoorSyncRecordView(), {
    id: r.id,
    kind: KIND_NAME[r.kind] ?? r.kind,
    key: r.recordKey,
    label: r.label,
    joorId: r.joorId,
    joorIds: r.joorIdsJson ? JSON.parse(r.joorIdsJson) : null,
    payloadHash: r.payloadHash,
    sentAt: r.sentAt,
    status: r.status,
    message: r.message,
    updatedAt: r.updatedAt,
  });
}

/** The sync ledger, read-only: what JOOR has of each record, when, and what it said. */
@Resolver()
export class JoorLedgerResolver {
  @Authorized()
  @Query(() => JoorSyncRecordConnection, { description: "The JOOR sync ledger of one record kind (customers, products, SKUs, linesheets…)" })
  async joorSyncRecords(@Args() args: JoorSyncRecordArgs, @Ctx() ctx: RequestContext): Promise<Page<JoorSyncRecordView>> {
    await joorBrand(ctx);
    const kind = JOOR_RECORD_KINDS[args.kind as keyof typeof JOOR_RECORD_KINDS];
    const qb = dataOf(ctx).repo(JoorSyncRecord).queryBuilder("r").andWhere("r.connector = :c AND r.kind = :kind", { c: JOOR_CONNECTOR, kind });
    const f = args.filter ?? {};
    if (f.status) qb.andWhere("r.status = :status", { status: f.status });
    if (f.key) qb.andWhere("r.recordKey = :key", { key: f.key });
    if (f.joorId) qb.andWhere("r.joorId = :joorId", { joorId: f.joorId });
    if (f.labelPrefix) qb.andWhere("r.label LIKE :label ESCAPE '\\'", { label: f.labelPrefix.replace(/[\\%_]/g, (m) => `\\${m}`) + "%" });
    const page = await paginate(qb, args);
    return Object.assign(page, { edges: page.edges.map((e) => ({ cursor: e.cursor, node: view(e.node) })) }) as unknown as Page<JoorSyncRecordView>;
  }
}
