import {
  DataSource,
  DeepPartial,
  EntityManager,
  EntityTarget,
  FindManyOptions,
  FindOneOptions,
  FindOptionsWhere,
  ObjectLiteral,
  Repository,
  SaveOptions,
  SelectQueryBuilder,
} from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import type { Role } from "../entities/user.entity";
import { columnHydrator, selectEntityRows, selectRows } from "./hot-rows";

/**
 * Tenancy by construction: the only way module and plugin code reaches brand-owned rows.
 *
 * A `BrandScope` is THE request/job context of the data layer: the brand, who acts (user id and role, when a
 * user does: absent in jobs), and the current unit of work. It is built once per request (from the token,
 * lazily: src/api/context.ts) or per job (from the job's brand: src/jobs/job-context.ts). Services take it
 * as their first argument instead of a `brandId` and an optional `EntityManager`; writes that belong together
 * compose by calling those services with the scope `scope.transaction(...)` yields. Every read merges `brandId` into its `where` last (so a caller cannot widen it), every
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

  /** Inserts rows stamped with this brand; returns their generated identifiers (in order). */
  async insert(values: Omit<QueryDeepPartialEntity<E>, "brandId"> | Omit<QueryDeepPartialEntity<E>, "brandId">[]): Promise<ObjectLiteral[]> {
    const rows = (Array.isArray(values) ? values : [values]).map((v) => ({ ...v, brandId: this.brandId }) as QueryDeepPartialEntity<E>);
    if (rows.length === 0) return [];
    return (await this.repo.insert(rows)).identifiers;
  }

  /** Saves entities of this brand: a new one is stamped; one that belongs to another brand is refused. */
  save<T extends DeepPartial<E>>(entity: T, options?: SaveOptions): Promise<T & E>;
  save<T extends DeepPartial<E>>(entities: T[], options?: SaveOptions): Promise<(T & E)[]>;
  save<T extends DeepPartial<E>>(entityOrEntities: T | T[], options?: SaveOptions): Promise<(T & E) | (T & E)[]> {
    const list = Array.isArray(entityOrEntities) ? entityOrEntities : [entityOrEntities];
    for (const entity of list) this.stamp(entity as DeepPartial<E> & { brandId?: number });
    return this.repo.save(entityOrEntities as T & DeepPartial<E>, options) as Promise<(T & E) | (T & E)[]>;
  }

  /** Inserts or updates rows stamped with this brand, on the unique key `conflictPaths` (which should lead with or imply the brand). */
  async upsert(values: Omit<QueryDeepPartialEntity<E>, "brandId"> | Omit<QueryDeepPartialEntity<E>, "brandId">[], conflictPaths: string[]): Promise<void> {
    const rows = (Array.isArray(values) ? values : [values]).map((v) => ({ ...v, brandId: this.brandId }) as QueryDeepPartialEntity<E>);
    if (rows.length > 0) await this.repo.upsert(rows, { conflictPaths });
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

/** Who acts in a scope: the authenticated user (requests); absent for jobs. */
export interface ScopeActor {
  userId: number;
  role: Role;
}

/** One brand's view of the database, in one unit of work (the data source itself, or a transaction). */
export class BrandScope {
  private readonly repos = new Map<EntityTarget<BrandOwned>, ScopedRepository<BrandOwned>>();

  constructor(
    readonly brandId: number,
    private readonly manager: EntityManager,
    /** True inside `transaction()`: a nested call joins the same unit of work. */
    readonly inTransaction = false,
    /** The user acting (requests), or undefined (jobs). */
    readonly actor?: ScopeActor,
  ) {}

  static of(ds: DataSource, brandId: number, actor?: ScopeActor): BrandScope {
    if (!Number.isInteger(brandId) || brandId <= 0) throw new TenancyViolation(`Invalid brand id ${brandId}`);
    return new BrandScope(brandId, ds.manager, false, actor);
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
    return this.manager.transaction((manager) => work(new BrandScope(this.brandId, manager, true, this.actor)));
  }

  /**
   * Raw SQL for hot paths (e.g. hot-rows.ts); the statement MUST filter on the brand, which is passed as the
   * first parameter: `scope.sql("SELECT … WHERE brandId = ? AND …", [id])`.
   */
  async sql<T = Record<string, unknown>>(statement: string, parameters: unknown[] = []): Promise<T[]> {
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

  /**
   * Hot-path raw SELECT returning rows as arrays (hot-rows.ts `selectRows`). The statement must filter on the
   * brand; the caller passes the brand among `parameters` itself (statements often name it more than once), so
   * this checks the statement names brandId and that the scope's brand is among the parameters. Reads outside
   * the unit of work on MySQL (the pool): use it for reads only.
   */
  async rows(statement: string, parameters: unknown[]): Promise<unknown[][]> {
    if (!/\bbrandId\b/.test(statement) || !parameters.includes(this.brandId)) throw new TenancyViolation("Scoped SQL must filter on the scope's brandId");
    return selectRows(this.manager.connection, statement, parameters);
  }

  /** Whole entities through a scoped query builder with the hot-row reader (hot-rows.ts `selectEntityRows`). */
  async entityRows<E extends BrandOwned>(qb: SelectQueryBuilder<E>): Promise<E[]> {
    if (!Object.values(qb.getParameters()).includes(this.brandId)) throw new TenancyViolation("Scoped rows need a brand-filtered query builder");
    return selectEntityRows(this.manager.connection, qb);
  }

  /** Converts one raw column value as TypeORM would (hot-rows.ts `columnHydrator`). */
  hydrator(entity: EntityTarget<ObjectLiteral>, property: string): (value: unknown) => unknown {
    return columnHydrator(this.manager.connection, entity, property);
  }

  /**
   * The repository of a child entity without `brandId` whose rows belong to a brand-owned parent (an order's
   * address snapshots). It is NOT filtered: reach its rows only by parent ids read through this scope in the
   * same unit of work. Refuses a brand-owned entity (use `repo`). The architecture test lists its callers.
   */
  ownedThrough<E extends ObjectLiteral>(entity: EntityTarget<E>): Repository<E> {
    if (this.manager.connection.getMetadata(entity).findColumnWithPropertyName("brandId")) {
      throw new TenancyViolation("ownedThrough is for entities without brandId: use repo()");
    }
    return this.manager.getRepository(entity);
  }

  /**
   * A raw statement in this unit of work (lean write paths such as the order bulk writer): it must name brandId and
   * carry the scope's brand among its parameters. Returns the insert id, affected rows and selected rows.
   */
  async execute(statement: string, parameters: unknown[]): Promise<RawResult> {
    if (!/\bbrandId\b/.test(statement) || !parameters.includes(this.brandId)) throw new TenancyViolation("Scoped SQL must filter on the scope's brandId");
    return execute(this.manager, statement, parameters);
  }

  /** Like `execute`, for a child table without brandId (see `ownedThrough`): parent ids read through this scope only. */
  executeOnChildren(statement: string, parameters: unknown[]): Promise<RawResult> {
    return execute(this.manager, statement, parameters);
  }

  /**
   * On MySQL/MariaDB, a row lock on the scope's brand until the transaction ends (writers of one brand take
   * turns, e.g. order numbering). SQLite has a single writer already.
   */
  async lockBrand(): Promise<void> {
    if (!this.isMysql) return;
    await this.manager.query("SELECT id FROM brand WHERE id = ? FOR UPDATE", [this.brandId]);
  }

  /** The database type ("better-sqlite3", "mysql", "mariadb"), for dialect choices in raw SQL. */
  get dialect(): string {
    return this.manager.connection.options.type;
  }

  /** MySQL or MariaDB (row locks, `FOR UPDATE`, Date parameters), as opposed to SQLite's single writer. */
  get isMysql(): boolean {
    return this.dialect === "mysql" || this.dialect === "mariadb";
  }
}

/** What a raw statement gives back. */
export interface RawResult {
  insertId: number;
  affected: number;
  rows: Record<string, unknown>[];
}

async function execute(m: EntityManager, sql: string, params: unknown[]): Promise<RawResult> {
  const qr = m.queryRunner ?? m.connection.createQueryRunner();
  let r: { raw: unknown; affected?: number; records?: unknown[] };
  try {
    r = (await qr.query(sql, params, true)) as typeof r;
  } finally {
    if (!m.queryRunner) await qr.release();
  }
  const raw = r.raw as { insertId?: number } | number | bigint | unknown[];
  const insertId = typeof raw === "number" || typeof raw === "bigint" ? Number(raw) : Number((raw as { insertId?: number })?.insertId ?? 0);
  return { insertId, affected: r.affected ?? 0, rows: (r.records ?? (Array.isArray(raw) ? raw : [])) as Record<string, unknown>[] };
}
