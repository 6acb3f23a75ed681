import { DataSource, In } from "typeorm";
import { oneByKey } from "../../api/batch";
import { InputProblems, badInput, notFound } from "../../api/errors";
import { isUniqueViolation } from "../../db/db-errors";
import { clean, isoDate, optionalText, requiredText } from "../../domain/input-rules";
import { Season } from "../../entities/season.entity";
import { CreateSeasonInput, UpdateSeasonInput } from "./season.inputs";

export class SeasonService {
  constructor(private readonly ds: DataSource) {}

  /** Most recent first (latest startDate). */
  list(brandId: number, activeOnly = false): Promise<Season[]> {
    return this.ds.getRepository(Season).find({
      where: activeOnly ? { brandId, active: true } : { brandId },
      order: { startDate: "DESC", id: "DESC" },
    });
  }

  async get(brandId: number, id: number, field = "id"): Promise<Season> {
    const season = await this.ds.getRepository(Season).findOneBy({ id, brandId });
    if (!season) throw notFound("Season", id, field);
    return season;
  }

  /**
   * Exact, case-sensitive match of the (trimmed) name: the rule for matching platform seasons. Names are unique
   * whatever the case, so the database match (case-insensitive on MariaDB) finds at most one, compared exactly here.
   */
  async findByName(brandId: number, name: string): Promise<Season | null> {
    const wanted = name.trim();
    const found = await this.ds.getRepository(Season).createQueryBuilder("s")
      .where("s.brandId = :brandId", { brandId })
      .andWhere("LOWER(s.name) = LOWER(:name)", { name: wanted })
      .getMany();
    return found.find((s) => s.name === wanted) ?? null;
  }

  async byIds(brandId: number, ids: readonly number[]): Promise<(Season | null)[]> {
    return oneByKey(ids, await this.ds.getRepository(Season).findBy({ brandId, id: In([...ids]) }), (s) => s.id);
  }

  /** All seasons of the brand by id (a brand has tens of seasons: one query serves a whole request). */
  async allById(brandId: number): Promise<Map<number, Season>> {
    return new Map((await this.ds.getRepository(Season).findBy({ brandId })).map((s) => [s.id, s]));
  }

  async create(brandId: number, input: CreateSeasonInput): Promise<Season> {
    const p = new InputProblems();
    requiredText(p, "name", input.name, 100);
    optionalText(p, "code", input.code, 32);
    isoDate(p, "startDate", input.startDate, true);
    p.throwIfAny();
    await this.assertNameFree(brandId, input.name.trim());
    const repo = this.ds.getRepository(Season);
    return this.save(repo.create({ brandId, name: input.name.trim(), code: clean(input.code), startDate: input.startDate, active: true }));
  }

  async update(brandId: number, input: UpdateSeasonInput, id: number): Promise<Season> {
    const season = await this.get(brandId, id);
    const p = new InputProblems();
    if (input.name !== undefined) requiredText(p, "name", input.name, 100);
    optionalText(p, "code", input.code, 32);
    if (input.startDate !== undefined) isoDate(p, "startDate", input.startDate, true);
    p.throwIfAny();
    if (input.name !== undefined && input.name.trim() !== season.name) {
      await this.assertNameFree(brandId, input.name.trim(), season.id);
      season.name = input.name.trim();
    }
    if (input.code !== undefined) season.code = clean(input.code);
    if (input.startDate !== undefined) season.startDate = input.startDate;
    if (input.active !== undefined && input.active !== null) season.active = input.active;
    return this.save(season);
  }

  async deactivate(brandId: number, id: number): Promise<Season> {
    const season = await this.get(brandId, id);
    season.active = false;
    return this.ds.getRepository(Season).save(season);
  }

  /**
   * Season names are unique per brand whatever their case ("aw20" and "AW20" would be the same season to a
   * platform), on SQLite as on MariaDB (whose default collation already ignores case in the unique key).
   */
  private async assertNameFree(brandId: number, name: string, exceptId?: number): Promise<void> {
    const qb = this.ds.getRepository(Season).createQueryBuilder("s")
      .where("s.brandId = :brandId", { brandId })
      .andWhere("LOWER(s.name) = LOWER(:name)", { name });
    if (exceptId !== undefined) qb.andWhere("s.id <> :exceptId", { exceptId });
    if (await qb.getExists()) {
      throw badInput("name", `A season named "${name}" already exists`);
    }
  }

  private async save(season: Season): Promise<Season> {
    try {
      return await this.ds.getRepository(Season).save(season);
    } catch (error) {
      if (isUniqueViolation(error)) throw badInput("name", `A season named "${season.name}" already exists`);
      throw error;
    }
  }
}
