import { In } from "typeorm";
import { oneByKey } from "../../api/batch";
import { InputProblems, badInput, notFound } from "../../api/errors";
import type { BrandScope } from "../../db/brand-scope";
import { isUniqueViolation } from "../../db/db-errors";
import { clean, isoDate, optionalText, requiredText } from "../../domain/input-rules";
import { Season } from "../../entities/season.entity";
import { CreateSeasonInput, UpdateSeasonInput } from "./season.inputs";

/** Seasons of the scope's brand. */
export class SeasonService {
  /** Most recent first (latest startDate). */
  list(scope: BrandScope, activeOnly = false): Promise<Season[]> {
    return scope.repo(Season).find({
      where: activeOnly ? { active: true } : {},
      order: { startDate: "DESC", id: "DESC" },
    });
  }

  async get(scope: BrandScope, id: number, field = "id"): Promise<Season> {
    const season = await scope.repo(Season).findOneBy({ id });
    if (!season) throw notFound("Season", id, field);
    return season;
  }

  /**
   * Exact, case-sensitive match of the (trimmed) name: the rule for matching platform seasons. Names are unique
   * whatever the case, so the database match (case-insensitive on MariaDB) finds at most one, compared exactly here.
   */
  async findByName(scope: BrandScope, name: string): Promise<Season | null> {
    const wanted = name.trim();
    const found = await scope.repo(Season).queryBuilder("s").andWhere("LOWER(s.name) = LOWER(:name)", { name: wanted }).getMany();
    return found.find((s) => s.name === wanted) ?? null;
  }

  async byIds(scope: BrandScope, ids: readonly number[]): Promise<(Season | null)[]> {
    return oneByKey(ids, await scope.repo(Season).findBy({ id: In([...ids]) }), (s) => s.id);
  }

  /** All seasons of the brand by id (a brand has tens of seasons: one query serves a whole request). */
  async allById(scope: BrandScope): Promise<Map<number, Season>> {
    const rows = await scope.rows("SELECT s.id, s.name, s.code, s.startDate, s.active, s.createdAt FROM season s WHERE s.brandId = ?", [scope.brandId]);
    const out = new Map<number, Season>();
    if (rows.length === 0) return out;
    const startDate = scope.hydrator(Season, "startDate");
    const createdAt = scope.hydrator(Season, "createdAt");
    for (const r of rows) {
      const s = new Season();
      s.id = r[0] as number;
      s.brandId = scope.brandId;
      s.name = r[1] as string;
      s.code = r[2] as string | null;
      s.startDate = startDate(r[3]) as string;
      s.active = !!r[4];
      s.createdAt = createdAt(r[5]) as Date;
      out.set(s.id, s);
    }
    return out;
  }

  async create(scope: BrandScope, input: CreateSeasonInput): Promise<Season> {
    const p = new InputProblems();
    requiredText(p, "name", input.name, 100);
    optionalText(p, "code", input.code, 32);
    isoDate(p, "startDate", input.startDate, true);
    p.throwIfAny();
    await this.assertNameFree(scope, input.name.trim());
    return this.save(scope, scope.repo(Season).create({ name: input.name.trim(), code: clean(input.code), startDate: input.startDate, active: true }));
  }

  async update(scope: BrandScope, input: UpdateSeasonInput, id: number): Promise<Season> {
    const season = await this.get(scope, id);
    const p = new InputProblems();
    if (input.name !== undefined) requiredText(p, "name", input.name, 100);
    optionalText(p, "code", input.code, 32);
    if (input.startDate !== undefined) isoDate(p, "startDate", input.startDate, true);
    p.throwIfAny();
    if (input.name !== undefined && input.name.trim() !== season.name) {
      await this.assertNameFree(scope, input.name.trim(), season.id);
      season.name = input.name.trim();
    }
    if (input.code !== undefined) season.code = clean(input.code);
    if (input.startDate !== undefined) season.startDate = input.startDate;
    if (input.active !== undefined && input.active !== null) season.active = input.active;
    return this.save(scope, season);
  }

  async deactivate(scope: BrandScope, id: number): Promise<Season> {
    const season = await this.get(scope, id);
    season.active = false;
    return scope.repo(Season).save(season);
  }

  /**
   * Season names are unique per brand whatever their case ("aw20" and "AW20" would be the same season to a
   * platform), on SQLite as on MariaDB (whose default collation already ignores case in the unique key).
   */
  private async assertNameFree(scope: BrandScope, name: string, exceptId?: number): Promise<void> {
    const qb = scope.repo(Season).queryBuilder("s").andWhere("LOWER(s.name) = LOWER(:name)", { name });
    if (exceptId !== undefined) qb.andWhere("s.id <> :exceptId", { exceptId });
    if (await qb.getExists()) {
      throw badInput("name", `A season named "${name}" already exists`);
    }
  }

  private async save(scope: BrandScope, season: Season): Promise<Season> {
    try {
      return await scope.repo(Season).save(season);
    } catch (error) {
      if (isUniqueViolation(error)) throw badInput("name", `A season named "${season.name}" already exists`);
      throw error;
    }
  }
}
