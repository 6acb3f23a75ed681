import {
  DataSource,
  DeepPartial,
  EntityManager,
  EntityTarget,
  FindManyOptions,
  FindOneOptions,
  FindOptionsWhere,
  ObjectLiteral,
  SelectQueryBuilder,
} from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";

/**
 * Tenancy by construction: the only way module and plugin code reaches brand-owned rows.
 *
 * A `BrandScope` is built once per request (from the token) or per job (from the job's brand) and carries the
 * current unit of work. Every read merges `brandId` into its `where` last (so a caller cannot widen it), every
 * write stamps it, and query builders start already filtered. Unscoped access goes through `SystemData`
 * (system-data.ts), which is named so that its few uses stand out.
 */

/** An entity a brand owns: it has a `brandId` column. */
export interface BrandOwned extends ObjectLiteral {
  brandId: number;
}

type Where<E> = FindOptionsWhere<E> | FindOptionsWhere<E>[];

/** Thrown when code tries to use a scope on an entity that has no brand, or to write another brand's row. */
export class TenancyViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TenancyViolation";
  }
}

function scopedWhere<E extends BrandOwned>(where: Where<E> | undefined, brandId: number): Where<E> {
  if (Array.isArray(where)) {
    if (where.length === 0) return { brandId } as FindOptionsWhere<E>;
    return where.map((w) => ({ ...w, brandId }) as FindOptionsWhere<E>);
  }
  return { ...(where ?? {}), brandId } as FindOptionsWhere<E>;
}

/** A repository for one brand-owned entity, bound to one brand and one unit of work. */
export class ScopedRepository<E extends BrandOwned> {
  constructor(
    private readonly manager: EntityManager,
    private readonly entity: EntityTarget<E>,
    readonly brandId: number,
  ) {
    const metadata = manager.connection.getMetadata(entity);
    if (!metadata.findColumnWithPropertyName("brandId")) {
      throw new TenancyViolation(`${metadata.name} has no brandId: it is not brand-owned (use SystemData for it)`);
    }
  }

  private get repo() {
    return this.manager.getRepository(this.entity);
  }

  find(options: FindManyOptions<E> = {}): Promise<E[]> {
    return this.repo.find({ ...options, where: scopedWhere(options.where, this.brandId) });
  }

  findBy(where: Where<E> = {}): Promise<E[]> {
    return this.repo.findBy(scopedWhere(where, this.brandId));
  }

  findOne(options: FindOneOptions<E>): Promise<E | null> {
    return this.repo.findOne({ ...options, where: scopedWhere(options.where, this.brandId) });
  }

  findOneBy(where: Where<E>): Promise<E | null> {
    return this.repo.findOneBy(scopedWhere(where, this.brandId));
  }

  count(where: Where<E> = {}): Promise<number> {
    return this.repo.countBy(scopedWhere(where, this.brandId));
  }

  exists(where: Where<E> = {}): Promise<boolean> {
    return this.repo.existsBy(scopedWhere(where, this.brandId));
  }

  /** Updates only this brand's rows matching `where`; `brandId` itself cannot be changed. */
  async update(where: FindOptionsWhere<E>, changes: QueryDeepPartialEntity<E>): Promise<number> {
    if ("brandId" in (changes as object) && (changes as { brandId?: unknown }).brandId !== this.brandId) {
      throw new TenancyViolation("A scoped update cannot move a row to another brand");
    }
    const result = await this.repo.update(scopedWhere(where, this.brandId) as FindOptionsWhere<E>, changes);
    return result.affected ?? 0;
  }

  async delete(where: FindOptionsWhere<E>): Promise<number> {
    const result = await this.repo.delete(scopedWhere(where, this.brandId) as FindOptionsWhere<E>);
    return result.affected ?? 0;
  }

  /** A new entity of this brand (not saved). */
  create(values: Omit<DeepPartial<E>, "brandId">): E {
    return this.repo.create({ ...values, brandId: this.brandId } as DeepPartial<E>);
  }

  /** Inserts rows stamped with this brand. */
  async insert(values: Omit<QueryDeepPartialEntity<E>, "brandId"> | Omit<QueryDeepPartialEntity<E>, "brandId">[]): Promise<void> {
    const rows = (Array.isArray(values) ? values : [values]).map((v) => ({ ...v, brandId: this.brandId }) as QueryDeepPartialEntity<E>);
    if (rows.length > 0) await this.repo.insert(rows);
  }

  /** Saves entities of this brand: a new one is stamped; one that belongs to another brand is refused. */
  save<T extends DeepPartial<E>>(entity: T): Promise<T & E>;
  save<T extends DeepPartial<E>>(entities: T[]): Promise<(T & E)[]>;
  save<T extends DeepPartial<E>>(entityOrEntities: T | T[]): Promise<(T & E) | (T & E)[]> {
    const list = Array.isArray(entityOrEntities) ? entityOrEntities : [entityOrEntities];
    for (const entity of list) this.stamp(entity as DeepPartial<E> & { brandId?: number });
    return this.repo.save(entityOrEntities as T & DeepPartial<E>) as Promise<(T & E) | (T & E)[]>;
  }

  /** A query builder already filtered to this brand (`alias.brandId = :scopeBrandId`). Add joins with their own brand clause. */
  queryBuilder(alias: string): SelectQueryBuilder<E> {
    return this.repo.createQueryBuilder(alias).where(`${alias}.brandId = :scopeBrandId`, { scopeBrandId: this.brandId });
  }

  private stamp(entity: { brandId?: number }) {
    if (entity.brandId === undefined || entity.brandId === null) entity.brandId = this.brandId;
    else if (entity.brandId !== this.brandId) throw new TenancyViolation("A scoped save cannot write another brand's row");
  }
}

/** One brand's view of the database, in one unit of work (the data source itself, or a transaction). */
export class BrandScope {
  private readonly repos = new Map<EntityTarget<BrandOwned>, ScopedRepository<BrandOwned>>();

  constructor(
    readonly brandId: number,
    private readonly manager: EntityManager,
    /** True inside `transaction()`: a nested call joins the same unit of work. */
    readonly inTransaction = false,
  ) {}

  static of(ds: DataSource, brandId: number): BrandScope {
    if (!Number.isInteger(brandId) || brandId <= 0) throw new TenancyViolation(`Invalid brand id ${brandId}`);
    return new BrandScope(brandId, ds.manager);
  }

  /** The scoped repository of a brand-owned entity. */
  repo<E extends BrandOwned>(entity: EntityTarget<E>): ScopedRepository<E> {
    let repo = this.repos.get(entity as EntityTarget<BrandOwned>);
    if (!repo) {
      repo = new ScopedRepository(this.manager, entity as EntityTarget<BrandOwned>, this.brandId);
      this.repos.set(entity as EntityTarget<BrandOwned>, repo);
    }
    return repo as unknown as ScopedRepository<E>;
  }

  /** Runs `work` in one transaction with a scope on it; inside a transaction already, joins it. */
  transaction<T>(work: (scope: BrandScope) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    return this.manager.transaction((manager) => work(new BrandScope(this.brandId, manager, true)));
  }

  /**
   * Raw SQL for hot paths (e.g. hot-rows.ts); the statement MUST filter on the brand, which is passed as the
   * first parameter: `scope.sql("SELECT … WHERE brandId = ? AND …", [id])`.
   */
  sql<T = Record<string, unknown>>(statement: string, parameters: unknown[] = []): Promise<T[]> {
    if (!/\bbrandId\b/.test(statement)) throw new TenancyViolation("Scoped SQL must filter on brandId");
    return this.manager.query(statement, [this.brandId, ...parameters]);
  }

  /**
   * The unit of work (the data source's manager, or the transaction's), for the composition root's adapters
   * that hand it to services still taking an `EntityManager` (src/server/host-services.adapter.ts). Not part
   * of the plugin SDK's documented surface.
   */
  get unitOfWork(): EntityManager {
    return this.manager;
  }

  /** The database type ("better-sqlite3", "mysql", "mariadb"), for dialect choices in raw SQL. */
  get dialect(): string {
    return this.manager.connection.options.type;
  }
}
