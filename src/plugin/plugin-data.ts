import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from "typeorm";

/**
 * The named, plugin-level data handle: for a plugin's own entities that belong to no brand (e.g. JOOR's
 * `joor_credit_window`, one row per JOOR account, shared by every brand connected to that account). It reaches
 * only the entities the plugin declared and that have no `brandId`; brand-owned rows go through `ctx.data`.
 * Given to `onBootstrap` as `host.pluginData`.
 */
export interface PluginData {
  /** The repository of one of the plugin's own brand-less entities; throws for any other entity. */
  repo<E extends ObjectLiteral>(entity: EntityTarget<E>): Repository<E>;
  /** Runs `work` in one transaction; `tx` reaches the same entities. */
  transaction<T>(work: (tx: PluginData) => Promise<T>): Promise<T>;
  /** The database type ("better-sqlite3", "mysql", "mariadb"), e.g. to choose a row lock. */
  readonly dialect: string;
}

class PluginDataHandle implements PluginData {
  constructor(
    private readonly manager: EntityManager,
    private readonly allowed: ReadonlySet<Function>,
    private readonly pluginName: string,
  ) {}

  repo<E extends ObjectLiteral>(entity: EntityTarget<E>): Repository<E> {
    if (typeof entity !== "function" || !this.allowed.has(entity)) {
      throw new Error(
        `Plugin "${this.pluginName}": pluginData reaches only its own brand-less entities, not ${String((entity as { name?: string }).name ?? entity)}`,
      );
    }
    return this.manager.getRepository(entity);
  }

  transaction<T>(work: (tx: PluginData) => Promise<T>): Promise<T> {
    return this.manager.transaction((m) => work(new PluginDataHandle(m, this.allowed, this.pluginName)));
  }

  get dialect(): string {
    return this.manager.connection.options.type;
  }
}

/** Built at the composition root for one plugin: its declared entities without a `brandId` column. */
export function createPluginData(ds: DataSource, pluginName: string, entities: readonly Function[]): PluginData {
  const brandless = entities.filter((e) => !ds.getMetadata(e).findColumnWithPropertyName("brandId"));
  return new PluginDataHandle(ds.manager, new Set(brandless), pluginName);
}
