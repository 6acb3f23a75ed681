import { In } from "typeorm";
import type { BrandScope } from "../../db/brand-scope";
import { groupByKey, sortGroupsById } from "../../api/batch";
import { brandTerm, placeholders } from "../../db/hot-rows";
import { InputProblems, notFound } from "../../api/errors";
import { parseId } from "../../api/ids";
import { isoDate, nonNegativeInt } from "../../domain/input-rules";
import { Product } from "../../entities/product.entity";
import { ProductionDocketLine } from "../../entities/production-docket-line.entity";
import { Season } from "../../entities/season.entity";
import { StockLevel } from "../../entities/stock-level.entity";
import { Variant } from "../../entities/variant.entity";
import { SetProductionDocketLineInput, SetStockLevelInput } from "./catalogue.inputs";
import { upsertTransaction } from "./write-races";

/** What a stock read needs besides the stored quantities. */
export interface StockRead {
  availableFrom: boolean;
  updatedAt: boolean;
}
export const FULL_STOCK_READ: StockRead = { availableFrom: true, updatedAt: true };

/** Stock levels (ATS now, projected) and production docket lines (when projected stock becomes available). */
export class StockService {
  /**
   * Stock levels of many variants in one statement, through UQ_stock_level (variantId, …). `availableFrom` (the
   * product line start date of the season's production docket) is joined in only when asked for, `updatedAt`
   * read only when asked for. Each variant's levels are in id order.
   */
  async stockByVariant(scope: BrandScope, variantIds: readonly number[], read: StockRead = FULL_STOCK_READ): Promise<StockLevel[][]> {
    const rows = await scope.rows(
      `SELECT s.id, s.variantId, s.seasonId, s.availableToSell, s.projected${read.updatedAt ? ", s.updatedAt" : ""}` +
        `${read.availableFrom ? ", d.lineStartDate" : ""} FROM stock_level s` +
        `${read.availableFrom ? " INNER JOIN variant v ON v.id = s.variantId LEFT JOIN production_docket_line d ON d.productId = v.productId AND d.seasonId = s.seasonId" : ""}` +
        ` WHERE s.variantId IN (${placeholders(variantIds.length)}) AND ${brandTerm("s")}`,
      [...variantIds, scope.brandId],
    );
    const dateAt = read.updatedAt ? 6 : 5;
    const updatedAt = read.updatedAt ? scope.hydrator(StockLevel, "updatedAt") : undefined;
    const levels = rows.map((r) => {
      const level = new StockLevel();
      level.id = r[0] as number;
      level.brandId = scope.brandId;
      level.variantId = r[1] as number;
      level.seasonId = r[2] as number;
      level.availableToSell = r[3] as number;
      level.projected = r[4] as number;
      if (updatedAt) level.updatedAt = updatedAt(r[5]) as Date;
      if (read.availableFrom) {
        const date = r[dateAt] as string | Date | null | undefined;
        level.availableFrom = date === null || date === undefined ? null : toDateString(date);
      }
      return level;
    });
    const groups = groupByKey(variantIds, levels, (r) => r.variantId);
    sortGroupsById(groups);
    return groups;
  }

  /** Fills `availableFrom` of freshly written levels (one query). */
  private async withAvailableFrom(scope: BrandScope, levels: StockLevel[]): Promise<StockLevel[]> {
    if (!levels.length) return levels;
    const rows = await scope
      .repo(ProductionDocketLine)
      .queryBuilder("d")
      .innerJoin(Variant, "v", "v.productId = d.productId")
      .select(["v.id AS variantId", "d.seasonId AS seasonId", "d.lineStartDate AS lineStartDate"])
      .andWhere("v.id IN (:...ids)", { ids: [...new Set(levels.map((l) => l.variantId))] })
      .getRawMany<{ variantId: number; seasonId: number; lineStartDate: string | Date }>();
    const dates = new Map(rows.map((r) => [`${r.variantId}:${r.seasonId}`, toDateString(r.lineStartDate)]));
    for (const level of levels) level.availableFrom = dates.get(`${level.variantId}:${level.seasonId}`) ?? null;
    return levels;
  }

  async docketLinesByProduct(scope: BrandScope, productIds: readonly number[]): Promise<ProductionDocketLine[][]> {
    const rows = await scope.repo(ProductionDocketLine).find({ where: { productId: In([...productIds]) } });
    return groupByKey(productIds, rows, (r) => r.productId);
  }

  /** Sets many stock levels at once: all validated first, then written in one transaction (all or nothing). */
  async setStockLevels(scope: BrandScope, inputs: SetStockLevelInput[], fieldOf = (i: number, f: string) => `inputs[${i}].${f}`): Promise<StockLevel[]> {
    const p = new InputProblems();
    const parsed = inputs.map((input, i) => {
      nonNegativeInt(p, fieldOf(i, "availableToSell"), input.availableToSell);
      nonNegativeInt(p, fieldOf(i, "projected"), input.projected);
      return { ...input, variantId: parseId(input.variantId, fieldOf(i, "variantId")), seasonId: parseId(input.seasonId, fieldOf(i, "seasonId")) };
    });
    const seen = new Map<string, number>();
    parsed.forEach((x, i) => {
      const key = `${x.variantId}:${x.seasonId}`;
      if (seen.has(key))
        p.add(
          fieldOf(i, "variantId"),
          `Variant ${x.variantId} in season ${x.seasonId} appears twice in this request (also at ${fieldOf(seen.get(key)!, "variantId")})`,
        );
      else seen.set(key, i);
    });
    p.throwIfAny();
    const variantIds = [...new Set(parsed.map((x) => x.variantId))];
    const seasonIds = [...new Set(parsed.map((x) => x.seasonId))];
    const knownVariants = new Set((await scope.repo(Variant).find({ select: { id: true }, where: { id: In(variantIds) } })).map((v) => v.id));
    const knownSeasons = new Set((await scope.repo(Season).find({ select: { id: true }, where: { id: In(seasonIds) } })).map((s) => s.id));
    parsed.forEach((x, i) => {
      if (!knownVariants.has(x.variantId)) p.add(fieldOf(i, "variantId"), `Variant ${x.variantId} was not found`);
      if (!knownSeasons.has(x.seasonId)) p.add(fieldOf(i, "seasonId"), `Season ${x.seasonId} was not found`);
    });
    p.throwIfAny();
    return upsertTransaction(scope, async (tx) => {
      const repo = tx.repo(StockLevel);
      const existing = await repo.find({ where: { variantId: In(variantIds), seasonId: In(seasonIds) } });
      const byKey = new Map(existing.map((s) => [`${s.variantId}:${s.seasonId}`, s]));
      const rows = parsed.map((x) => {
        const row = byKey.get(`${x.variantId}:${x.seasonId}`) ?? repo.create({ variantId: x.variantId, seasonId: x.seasonId });
        row.availableToSell = x.availableToSell;
        row.projected = x.projected;
        byKey.set(`${x.variantId}:${x.seasonId}`, row);
        return row;
      });
      return repo.save(rows, { chunk: 200 });
    }).then((levels) => this.withAvailableFrom(scope, levels));
  }

  async setDocketLine(scope: BrandScope, input: SetProductionDocketLineInput): Promise<ProductionDocketLine> {
    const p = new InputProblems();
    isoDate(p, "lineStartDate", input.lineStartDate, true);
    nonNegativeInt(p, "quantity", input.quantity);
    p.throwIfAny();
    const productId = parseId(input.productId, "productId");
    const seasonId = parseId(input.seasonId, "seasonId");
    if (!(await scope.repo(Product).exists({ id: productId }))) throw notFound("Product", productId, "productId");
    if (!(await scope.repo(Season).exists({ id: seasonId }))) throw notFound("Season", seasonId, "seasonId");
    return upsertTransaction(scope, async (tx) => {
      const repo = tx.repo(ProductionDocketLine);
      const line = (await repo.findOneBy({ productId, seasonId })) ?? repo.create({ productId, seasonId });
      line.lineStartDate = input.lineStartDate;
      line.quantity = input.quantity;
      return repo.save(line);
    });
  }
}

function toDateString(value: string | Date): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}
