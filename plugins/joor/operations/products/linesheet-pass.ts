import { In } from "typeorm";
import { Product, Season } from "../../../../src/plugin";
import type { JoorClient } from "../../client";
import { JoorLinesheet } from "../../entities/linesheet.entity";
import { JoorLinesheetProduct } from "../../entities/linesheet-product.entity";
import { payloadHash } from "../../ledger/hash";
import { JOOR_RECORD_KINDS } from "../../ledger/kinds";
import { JOOR_CONNECTOR, type JoorLedger, type LedgerWrite } from "../../ledger/ledger.service";
import { JoorSyncRecord } from "../../ledger/sync-record.entity";
import { mapCollection } from "../../mapping/collection";
import { mapSeason } from "../../mapping/season";
import type { JoorOperationContext } from "../types";
import type { ProductsReport } from "./report";

const changed = (full: boolean, before: JoorSyncRecord | undefined, hash: string) =>
  full || before?.status !== "ACCEPTED" || before.payloadHash !== hash || !before.joorId;

/** JOOR ids of a linesheet's active, exported products in linesheet order (one query). */
async function memberJoorIds(ctx: JoorOperationContext, linesheetId: number): Promise<string[]> {
  const rows = await ctx.data
    .repo(JoorLinesheetProduct)
    .queryBuilder("lp")
    .innerJoin("product", "p", "p.id = lp.productId AND p.active = :active", { active: true })
    .innerJoin(
      JoorSyncRecord,
      "r",
      "r.brandId = lp.brandId AND r.connector = :c AND r.kind = :k AND r.recordKey = CAST(lp.productId AS CHAR) AND r.joorId IS NOT NULL",
      { c: JOOR_CONNECTOR, k: JOOR_RECORD_KINDS.PRODUCT },
    )
    .select("r.joorId", "joorId")
    .andWhere("lp.linesheetId = :linesheetId", { linesheetId })
    .orderBy("lp.position", "ASC")
    .addOrderBy("lp.id", "ASC")
    .getRawMany<{ joorId: string }>();
  return rows.map((r) => r.joorId);
}

/**
 * Linesheets → JOOR collections: first each linesheet's season as a JOOR v4 season, then the collections with
 * their delivery window and ordered products (inactive or unexported products are left out, so a product
 * taken off a linesheet — or deactivated — leaves that JOOR collection only). A linesheet deleted in Selvedge
 * is emptied on JOOR (JOOR documents no collection delete). Finally counts active exported products that are
 * on no linesheet: JOOR requires a collection before a product can be ordered.
 */
export async function exportLinesheets(ctx: JoorOperationContext, client: JoorClient | null, ledger: JoorLedger, report: ProductsReport): Promise<void> {
  const brandId = ctx.brand.id;
  const linesheets = await ctx.data.repo(JoorLinesheet).find({ where: { brandId }, order: { id: "ASC" } });
  const seasonIds = [...new Set(linesheets.map((l) => l.seasonId))];
  const seasons = seasonIds.length ? await ctx.data.repo(Season).findBy({ brandId, id: In(seasonIds) }) : [];

  // seasons
  const seasonRows = await ledger.load(
    JOOR_RECORD_KINDS.SEASON,
    seasons.map((s) => String(s.id)),
  );
  const joorSeason = new Map<number, string>();
  const seasonsToSend: { season: Season; payload: Record<string, unknown>; hash: string; before?: JoorSyncRecord }[] = [];
  for (const s of seasons) {
    const payload = mapSeason(s);
    const hash = payloadHash(payload);
    const before = seasonRows.get(String(s.id));
    if (before?.joorId) joorSeason.set(s.id, before.joorId);
    if (changed(ctx.full, before, hash)) seasonsToSend.push({ season: s, payload, hash, before });
    else report.seasons.unchanged++;
  }
  if (seasonsToSend.length && client && !ctx.dryRun) {
    const results = await client.seasons.upsert(seasonsToSend.map((x) => ({ joorId: x.before?.joorId ?? null, payload: x.payload, ref: x })));
    const writes: LedgerWrite[] = [];
    for (const r of results) {
      const x = r.input.ref;
      if (r.ok) {
        report.seasons[r.action]++;
        joorSeason.set(x.season.id, r.joorId);
        writes.push({ key: String(x.season.id), label: x.season.name, joorId: r.joorId, hash: x.hash, status: "ACCEPTED" });
      } else {
        report.seasons.failed++;
        writes.push({ key: String(x.season.id), label: x.season.name, status: "FAILED", message: `${r.error.status}: ${r.error.message}` });
        await ctx.reportIssue({
          entity: "season",
          key: x.season.name,
          code: r.error.status,
          message: `JOOR refused the season ${x.season.name}: ${r.error.message}`,
        });
      }
    }
    await ledger.write(JOOR_RECORD_KINDS.SEASON, writes, seasonRows);
  } else {
    for (const x of seasonsToSend) {
      report.seasons[x.before?.joorId ? "updated" : "created"]++;
      report.wouldSend.add({ kind: "season", key: String(x.season.id), label: x.season.name, action: x.before?.joorId ? "update" : "create" });
    }
  }

  // collections
  const lsRows = await ledger.load(
    JOOR_RECORD_KINDS.LINESHEET,
    linesheets.map((l) => String(l.id)),
  );
  const toSend: { linesheet: JoorLinesheet; payload: Record<string, unknown>; hash: string; before?: JoorSyncRecord }[] = [];
  for (const l of linesheets) {
    ctx.throwIfCancelled();
    const seasonId = joorSeason.get(l.seasonId) ?? (ctx.dryRun ? `(season ${l.seasonId})` : undefined);
    if (!seasonId) {
      await ctx.reportIssue({
        entity: "linesheet",
        key: l.name,
        code: "SEASON_NOT_ON_JOOR",
        message: `Linesheet ${l.name} was not sent: its season is not on JOOR`,
      });
      continue;
    }
    const payload = mapCollection(l, seasonId, await memberJoorIds(ctx, l.id));
    const hash = payloadHash(payload);
    const before = lsRows.get(String(l.id));
    if (changed(ctx.full, before, hash)) toSend.push({ linesheet: l, payload, hash, before });
    else report.linesheets.unchanged++;
  }
  // linesheets deleted in Selvedge: emptied on JOOR, once
  const live = new Set(linesheets.map((l) => String(l.id)));
  const gone: JoorSyncRecord[] = [];
  for await (const page of ledger.rows(JOOR_RECORD_KINDS.LINESHEET))
    for (const r of page) if (!live.has(r.recordKey) && r.status !== "REMOVED" && r.joorId) gone.push(r);

  if (ctx.dryRun || !client) {
    for (const x of toSend) {
      report.linesheets[x.before?.joorId ? "updated" : "created"]++;
      report.wouldSend.add({ kind: "linesheet", key: String(x.linesheet.id), label: x.linesheet.name, action: x.before?.joorId ? "update" : "create" });
    }
    report.linesheetsEmptied += gone.length;
  } else {
    if (toSend.length) {
      const results = await client.collections.upsert(toSend.map((x) => ({ joorId: x.before?.joorId ?? null, payload: x.payload, ref: x })));
      const writes: LedgerWrite[] = [];
      for (const r of results) {
        const x = r.input.ref;
        if (r.ok) {
          report.linesheets[r.action]++;
          writes.push({ key: String(x.linesheet.id), label: x.linesheet.name, joorId: r.joorId, hash: x.hash, status: "ACCEPTED" });
        } else {
          report.linesheets.failed++;
          writes.push({ key: String(x.linesheet.id), label: x.linesheet.name, status: "FAILED", message: `${r.error.status}: ${r.error.message}` });
          await ctx.reportIssue({
            entity: "linesheet",
            key: x.linesheet.name,
            code: r.error.status,
            message: `JOOR refused the linesheet ${x.linesheet.name}: ${r.error.message}`,
          });
        }
      }
      await ledger.write(JOOR_RECORD_KINDS.LINESHEET, writes, lsRows);
    }
    if (gone.length) {
      const results = await client.collections.upsert(
        gone.map((r) => ({ joorId: r.joorId, payload: { name: r.label ?? `Linesheet ${r.recordKey}`, items: [] }, ref: r })),
      );
      const writes: LedgerWrite[] = [];
      for (const r of results) {
        if (r.ok) report.linesheetsEmptied++;
        writes.push(
          r.ok
            ? { key: r.input.ref.recordKey, status: "REMOVED", message: "deleted in Selvedge: emptied on JOOR" }
            : { key: r.input.ref.recordKey, status: "FAILED", message: `${r.error.status}: ${r.error.message}` },
        );
      }
      await ledger.write(JOOR_RECORD_KINDS.LINESHEET, writes, new Map(gone.map((g) => [g.recordKey, g])));
    }
  }

  // exported but not orderable: active products JOOR has that are on no linesheet (driven from product, the
  // ledger found through its unique key: string = string, so both databases use the index)
  const qb = ctx.data
    .repo(Product)
    .queryBuilder("p")
    .innerJoin(
      JoorSyncRecord,
      "r",
      "r.brandId = p.brandId AND r.connector = :c AND r.kind = :k AND r.recordKey = CAST(p.id AS CHAR) AND r.joorId IS NOT NULL",
      { c: JOOR_CONNECTOR, k: JOOR_RECORD_KINDS.PRODUCT },
    )
    .andWhere("p.active = :active", { active: true })
    .andWhere("NOT EXISTS (SELECT 1 FROM joor_linesheet_product lp WHERE lp.productId = p.id AND lp.brandId = p.brandId)");
  const count = await qb.clone().getCount();
  const sample = await qb.select("r.label", "label").orderBy("p.id", "ASC").limit(50).getRawMany<{ label: string }>();
  report.notOrderable.count = 0;
  for (const s of sample) report.notOrderable.add(s.label);
  report.notOrderable.count = count;
}
