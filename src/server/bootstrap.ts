import "reflect-metadata";
import { DataSource } from "typeorm";
import type { Logger } from "pino";
import { Authenticator } from "../auth/authenticate";
import { buildAppSchema } from "../api/schema";
import { SelvedgeConfig } from "../config/config";
import { openDatabase } from "../db/data-source";
import { QueryCounter } from "../db/database-options";
import { createLogger } from "../logging/logger";
import { LocalDiskStorage } from "../media/local-disk-storage";
import { MediaStorage } from "../media/media-storage";
import { AppServices, createAppServices } from "../services/app-services";
import { ContextFactory } from "./context-factory";
import { FirstStartResult, firstStart } from "./first-start";
import { startHttpServer } from "./http-server";

export interface StartOptions {
  config: SelvedgeConfig;
  logger?: Logger;
  /** Counts SQL statements (tests and benchmarks). */
  queryCounter?: QueryCounter;
  media?: MediaStorage;
}

export interface SelvedgeApp {
  config: SelvedgeConfig;
  ds: DataSource;
  services: AppServices;
  logger: Logger;
  /** Base URL of the HTTP API (undefined for a worker-only process). */
  url?: string;
  port?: number;
  firstStart: FirstStartResult | null;
  stop(): Promise<void>;
}

/** Starts Selvedge: database + migrations, first-start bootstrap, then the API (unless worker-only). */
export async function startSelvedge(options: StartOptions): Promise<SelvedgeApp> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const ds = await openDatabase({ databaseUrl: config.databaseUrl, queryCounter: options.queryCounter });
  const media = options.media ?? new LocalDiskStorage(config.mediaDir);
  let baseUrl = config.publicUrl ?? `http://127.0.0.1:${config.port}`;
  const services = createAppServices(ds, config, { media, baseUrl: () => baseUrl });
  const created = await firstStart(ds, services.identity, config);

  let stopHttp = async () => {};
  let url: string | undefined;
  let port: number | undefined;
  if (config.role !== "worker") {
    const schema = await buildAppSchema();
    const contexts = new ContextFactory(ds, services, new Authenticator(ds), () => baseUrl);
    const http = await startHttpServer({ config, schema, contexts, media, logger }, (u) => (baseUrl = u));
    stopHttp = http.close;
    url = http.url;
    port = http.port;
  }

  return {
    config, ds, services, logger, url, port, firstStart: created,
    stop: async () => {
      await stopHttp();
      if (ds.isInitialized) await ds.destroy();
    },
  };
}
