import { In } from "typeorm";
import { badInput, type BrandScope, InputProblems, notFound, parseId, isIsoDate, Product, Season, isUniqueViolation } from "../../../src/plugin";
import { JoorLinesheetProduct } from "../entities/linesheet-product.entity";
import { JoorLinesheet } from "../entities/linesheet.entity";
import type { CreateJoorLinesheetInput, JoorLinesheetBulkAddInput, UpdateJoorLinesheetInput } from "./linesheet.types";

const CHUNK = 500;

/**
 * The JOOR catalogue: linesheets with a season, a delivery window and an ordered list of products. Every query
 * is scoped to the brand; products and seasons must belong to it. Positions are ordered, not necessarily
 * contiguous (the export numbers them 1..n), so removing products rewrites nothing else.
 */
export class LinesheetService {
  constructor(private readonly data: BrandScope) {}

  async get(brandId: number, id: number, field = "id"): Promise<JoorLinesheet> {
    const l = await this.data.repo(JoorLinesheet).findOneBy({ brandId, id });
    if (!l) throw notFound("Linesheet", id, field);
    return l;
  }

  private async checkSeason(brandId: number, raw: string, field: string): Promise<number> {
    const id = parseId(raw, field);
    if (!(await this.data.repo(Season).exists({ brandId, id }))) throw badInput(field, `No season ${raw} in this brand`);
    return id;
  }

  private async checkProducts(brandId: number, raw: string[], field: string): Promise<number[]> {
    const ids = [...new Set(raw.map((x, i) => parseId(x, `${field}.${i}`)))];
    const found = new Set<number>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.data.repo(Product).find({ select: { id: true }, where: { brandId, id: In(ids.slice(i, i + CHUNK)) } });
      for (const r of rows) found.add(r.id);
    }
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw badInput(field, `No product ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? "…" : ""} in this brand`);
    return ids;
  }

  private checkFields(
    p: InputProblems,
    name: string | null | undefined,
    start: string | null,
    complete: string | null,
    nameRequired: boolean,
  ): string | undefined {
    let trimmed: string | undefined;
    if (name !== undefined && name !== null) {
      trimmed = name.trim();
      p.check(trimmed.length >= 1 && trimmed.length <= 100, "input.name", "must be 1 to 100 characters");
    } else if (nameRequired) p.add("input.name", "is required");
    if (start !== null) p.check(isIsoDate(start), "input.startShip", "must be a date YYYY-MM-DD");
    if (complete !== null) p.check(isIsoDate(complete), "input.completeShip", "must be a date YYYY-MM-DD");
    if ((start === null) !== (complete === null))
      p.add(start === null ? "input.startShip" : "input.completeShip", "give both start ship and complete ship, or neither (immediate delivery)");
    if (start && complete && isIsoDate(start) && isIsoDate(complete) && complete < start) p.add("input.completeShip", "must not be before start ship");
    return trimmed;
  }

  private async nameFree(brandId: number, name: string, selfId?: number): Promise<void> {
    const clash = await this.data
      .repo(JoorLinesheet)
      .queryBuilder("l")
      .andWhere("l.brandId = :brandId AND LOWER(l.name) = :name", { brandId, name: name.toLowerCase() })
      .getOne();
    if (clash && clash.id !== selfId) throw badInput("input.name", `A linesheet is already named "${clash.name}"`);
  }

  async create(brandId: number, input: CreateJoorLinesheetInput): Promise<JoorLinesheet> {
    const p = new InputProblems();
    const start = input.startShip ?? null;
    const complete = input.completeShip ?? null;
    const name = this.checkFields(p, input.name, start, complete, true)!;
    p.throwIfAny();
    const seasonId = await this.checkSeason(brandId, input.seasonId, "input.seasonId");
    const productIds = input.productIds?.length ? await this.checkProducts(brandId, input.productIds, "input.productIds") : [];
    await this.nameFree(brandId, name);
    try {
      return await this.data.transaction(async (tx) => {
        const { id } = await tx.repo(JoorLinesheet).save(tx.repo(JoorLinesheet).create({ name, seasonId, startShip: start, completeShip: complete }));
        await this.append(tx, brandId, id, productIds);
        return (await tx.repo(JoorLinesheet).findOneBy({ id }))!;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw badInput("input.name", `A linesheet is already named "${name}"`);
      throw error;
    }
  }

  async update(brandId: number, id: number, input: UpdateJoorLinesheetInput): Promise<JoorLinesheet> {
    const l = await this.get(brandId, id);
    const p = new InputProblems();
    const start = input.startShip !== undefined ? input.startShip : l.startShip;
    const complete = input.completeShip !== undefined ? input.completeShip : l.completeShip;
    if (input.name === null) p.add("input.name", "cannot be cleared");
    const name = this.checkFields(p, input.name, start, complete, false);
    if (input.seasonId === null) p.add("input.seasonId", "cannot be cleared: a linesheet has a season");
    p.throwIfAny();
    const seasonId = input.seasonId ? await this.checkSeason(brandId, input.seasonId, "input.seasonId") : l.seasonId;
    if (name) await this.nameFree(brandId, name, id);
    try {
      await this.data.repo(JoorLinesheet).update({ id, brandId }, { name: name ?? l.name, seasonId, startShip: start, completeShip: complete });
    } catch (error) {
      if (isUniqueViolation(error)) throw badInput("input.name", `A linesheet is already named "${name}"`);
      throw error;
    }
    return this.get(brandId, id);
  }

  async delete(brandId: number, id: number): Promise<boolean> {
    await this.get(brandId, id);
    await this.data.transaction(async (tx) => {
      await tx.repo(JoorLinesheetProduct).delete({ brandId, linesheetId: id });
      await tx.repo(JoorLinesheet).delete({ brandId, id });
    });
    return true;
  }

  /** Appends products (in the given order) that are not on the linesheet yet. */
  private async append(tx: BrandScope, brandId: number, linesheetId: number, productIds: number[]): Promise<number> {
    if (!productIds.length) return 0;
    const repo = tx.repo(JoorLinesheetProduct);
    const max = await repo
      .queryBuilder("lp")
      .select("MAX(lp.position)", "max")
      .andWhere("lp.linesheetId = :linesheetId", { linesheetId })
      .getRawOne<{ max: number | null }>();
    let position = max?.max === null || max?.max === undefined ? 0 : Number(max.max) + 1;
    let added = 0;
    for (let i = 0; i < productIds.length; i += CHUNK) {
      const slice = productIds.slice(i, i + CHUNK);
      const present = new Set((await repo.find({ select: { productId: true }, where: { linesheetId, productId: In(slice) } })).map((r) => r.productId));
      const rows = slice.filter((pid) => !present.has(pid)).map((productId) => ({ brandId, linesheetId, productId, position: position++ }));
      if (rows.length) await repo.insert(rows);
      added += rows.length;
    }
    return added;
  }

  async addProducts(brandId: number, id: number, productIdsRaw: string[]): Promise<JoorLinesheet> {
    await this.get(brandId, id);
    const ids = await this.checkProducts(brandId, productIdsRaw, "productIds");
    await this.data.transaction((tx) => this.append(tx, brandId, id, ids));
    return this.get(brandId, id);
  }

  /** Adds every active product matching the filter (visible in a season, of a category), by style and colour. */
  async addProductsBy(brandId: number, id: number, filter: JoorLinesheetBulkAddInput): Promise<{ linesheet: JoorLinesheet; added: number }> {
    await this.get(brandId, id);
    if (!filter.seasonId && !filter.category) throw badInput("filter", "give a seasonId, a category or both");
    const seasonId = filter.seasonId ? await this.checkSeason(brandId, filter.seasonId, "filter.seasonId") : null;
    const qb = this.data
      .repo(Product)
      .queryBuilder("p")
      .select("p.id", "id")
      .andWhere("p.brandId = :brandId AND p.active = :active", { brandId, active: true });
    if (seasonId)
      qb.andWhere(`EXISTS (SELECT 1 FROM product_season ps WHERE ps.productId = p.id AND ps.seasonId = :seasonId AND ps.brandId = :brandId)`, { seasonId });
    if (filter.category) qb.andWhere("p.category = :category", { category: filter.category.trim() });
    const ids = (await qb.orderBy("p.styleNumber", "ASC").addOrderBy("p.colourCode", "ASC").addOrderBy("p.id", "ASC").getRawMany<{ id: number }>()).map((r) =>
      Number(r.id),
    );
    const added = await this.data.transaction((tx) => this.append(tx, brandId, id, ids));
    return { linesheet: await this.get(brandId, id), added };
  }

  async removeProducts(brandId: number, id: number, productIdsRaw: string[]): Promise<JoorLinesheet> {
    await this.get(brandId, id);
    const ids = [...new Set(productIdsRaw.map((x, i) => parseId(x, `productIds.${i}`)))];
    for (let i = 0; i < ids.length; i += CHUNK) {
      await this.data.repo(JoorLinesheetProduct).delete({ brandId, linesheetId: id, productId: In(ids.slice(i, i + CHUNK)) });
    }
    return this.get(brandId, id);
  }

  /** The listed products (all on the linesheet) come first, in that order; the others follow in their order. */
  async reorder(brandId: number, id: number, productIdsRaw: string[]): Promise<JoorLinesheet> {
    await this.get(brandId, id);
    const ids = [...new Set(productIdsRaw.map((x, i) => parseId(x, `productIds.${i}`)))];
    await this.data.transaction(async (tx) => {
      const repo = tx.repo(JoorLinesheetProduct);
      const rows = await repo.find({
        select: { id: true, productId: true, position: true },
        where: { brandId, linesheetId: id },
        order: { position: "ASC", id: "ASC" },
      });
      const byProduct = new Map(rows.map((r) => [r.productId, r]));
      const missing = ids.filter((pid) => !byProduct.has(pid));
      if (missing.length) throw badInput("productIds", `Product ${missing.slice(0, 10).join(", ")} is not on this linesheet`);
      const listed = new Set(ids);
      const order = [...ids.map((pid) => byProduct.get(pid)!), ...rows.filter((r) => !listed.has(r.productId))];
      const changed = order.map((r, i) => ({ r, i })).filter(({ r, i }) => r.position !== i);
      for (let i = 0; i < changed.length; i += CHUNK) {
        const part = changed.slice(i, i + CHUNK);
        const cases = part.map(({ r, i: pos }) => `WHEN ${Number(r.id)} THEN ${pos}`).join(" ");
        await repo.update({ id: In(part.map(({ r }) => r.id)) }, { position: () => `CASE id ${cases} END` });
      }
    });
    return this.get(brandId, id);
  }

  /** A page of the linesheet's products in order (cursor = position:id). */
  async products(
    brandId: number,
    id: number,
    first: number,
    after?: string | null,
  ): Promise<{ rows: { cursor: string; product: Product }[]; hasNext: boolean; total: number }> {
    const qb = this.data
      .repo(JoorLinesheetProduct)
      .queryBuilder("lp")
      .innerJoinAndSelect("lp.product", "p")
      .andWhere("lp.brandId = :brandId AND lp.linesheetId = :id", { brandId, id });
    const total = await qb.clone().getCount();
    if (after) {
      const m = /^(\d+):(\d+)$/.exec(Buffer.from(after, "base64url").toString("utf8"));
      if (!m) throw badInput("after", `Invalid cursor "${after}"`);
      qb.andWhere("(lp.position > :pos OR (lp.position = :pos AND lp.id > :lid))", { pos: Number(m[1]), lid: Number(m[2]) });
    }
    const rows = await qb
      .orderBy("lp.position", "ASC")
      .addOrderBy("lp.id", "ASC")
      .limit(first + 1)
      .getMany();
    return {
      rows: rows.slice(0, first).map((r) => ({ cursor: Buffer.from(`${r.position}:${r.id}`, "utf8").toString("base64url"), product: r.product! })),
      hasNext: rows.length > first,
      total,
    };
  }

  async count(brandId: number, linesheetIds: readonly number[]): Promise<Map<number, number>> {
    const rows = linesheetIds.length
      ? await this.data
          .repo(JoorLinesheetProduct)
          .queryBuilder("lp")
          .select("lp.linesheetId", "id")
          .addSelect("COUNT(*)", "n")
          .andWhere("lp.linesheetId IN (:...ids)", { ids: linesheetIds })
          .groupBy("lp.linesheetId")
          .getRawMany<{ id: number; n: number }>()
      : [];
    return new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
  }
}
