import "reflect-metadata";
import { DataSource, MigrationInterface } from "typeorm";
import { coreEntities } from "../entities";
import { coreMigrations } from "../../migrations";
import { serializeSqliteTransactions } from "./serialized-sqlite-transactions";
import { applyCaseSensitiveCollations } from "./case-sensitive-columns";
import { applyLongTextColumns } from "./long-text-columns";
import { databaseOptionsFromUrl, detectMysqlFlavour, QueryCounter } from "./database-options";

export interface CreateDataSourceOptions {
  databaseUrl: string;
  /** Extra entities and migrations contributed by plugins. */
  entities?: Function[];
  migrations?: (new () => MigrationInterface)[];
  queryCounter?: QueryCounter;
  /** Set by createDataSource for mysql:// URLs (MariaDB and MySQL report column defaults differently). */
  mysqlFlavour?: "mysql" | "mariadb";
}

/** Builds the DataSource (never `synchronize`): the schema comes from migrations only. */
export async function createDataSource(options: CreateDataSourceOptions): Promise<DataSource> {
  const isSqlite = options.databaseUrl.startsWith("sqlite:");
  const flavour = isSqlite ? undefined : (options.mysqlFlavour ?? (await detectMysqlFlavour(options.databaseUrl)));
  const ds = new DataSource({
    ...databaseOptionsFromUrl(options.databaseUrl, flavour),
    entities: [...coreEntities, ...(options.entities ?? [])],
    migrations: [...coreMigrations, ...(options.migrations ?? [])],
    migrationsRun: false,
    migrationsTransactionMode: "each",
    synchronize: false,
    logging: options.queryCounter ? ["query"] : false,
    logger: options.queryCounter,
  } as ConstructorParameters<typeof DataSource>[0]);
  serializeSqliteTransactions(ds);
  const initialize = ds.initialize.bind(ds);
  ds.initialize = async () => {
    await initialize();
    applyCaseSensitiveCollations(ds);
    applyLongTextColumns(ds);
    return ds;
  };
  return ds;
}

/** Initialises the connection and applies pending migrations. */
export async function openDatabase(options: CreateDataSourceOptions): Promise<DataSource> {
  const ds = await createDataSource(options);
  await ds.initialize();
  await ds.runMigrations({ transaction: "each" });
  return ds;
}
