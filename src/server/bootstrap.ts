import "reflect-metadata";
import { DataSource } from "typeorm";
import type { Logger } from "pino";
import { Authenticator } from "../auth/authenticate";
import { buildAppSchema } from "../api/schema";
import { coreResolvers } from "../modules/resolvers";
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
import { PluginDefinition } from "../plugin/define-plugin";
import { PluginRegistry } from "../plugin/plugin-registry";
import { createJobPlatform } from "../jobs/job-services";
import type { QueueStrategy } from "../jobs/job-queue";
import type { AppPubSub } from "../pubsub/app-pubsub";
import type { HostServices } from "../plugin/host-services";
import { createPluginData } from "../plugin/plugin-data";
import { createHostServices } from "./host-services.adapter";
import { JobWorker } from "../jobs/job-worker";
import { Scheduler } from "../scheduler/scheduler";

export interface StartOptions {
  config: SelvedgeConfig;
  logger?: Logger;
  /** Counts SQL statements (tests and benchmarks). */
  queryCounter?: QueryCounter;
  media?: MediaStorage;
  /** Plugin definitions passed by code (tests), in addition to config.plugins. */
  plugins?: PluginDefinition[];
  /** The job queue strategy (default: BullMQ with REDIS_URL, else the database queue), e.g. `new InMemoryQueue()`. */
  queue?: QueueStrategy;
  /** The pub/sub strategy (default: Redis with REDIS_URL, else in memory). */
  pubSub?: AppPubSub;
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
  plugins: PluginRegistry;
  /** An installed plugin's host port (the `ctx.host` its operations get); throws for a plugin not installed. */
  hostOf(plugin: string): HostServices;
  /** The job worker and scheduler (absent in an API-only process). */
  worker?: JobWorker;
  scheduler?: Scheduler;
  stop(): Promise<void>;
}

/** Starts Selvedge: database + migrations, first-start bootstrap, then the API (unless worker-only). */
export async function startSelvedge(options: StartOptions): Promise<SelvedgeApp> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel, "selvedge", config.logFormat);
  const plugins = PluginRegistry.load(config.plugins, options.plugins);
  const ds = await openDatabase({
    databaseUrl: config.databaseUrl,
    queryCounter: options.queryCounter,
    entities: plugins.entities(),
    migrations: plugins.migrations(),
  });
  const media = options.media ?? new LocalDiskStorage(config.mediaDir);
  let baseUrl = config.publicUrl ?? `http://127.0.0.1:${config.port}`;
  const platform = createJobPlatform(config, plugins, logger, { queue: options.queue, pubSub: options.pubSub });
  const services = createAppServices(ds, config, { media, baseUrl: () => baseUrl, jobs: platform });
  const hosts = new Map<string, HostServices>(plugins.all().map((p) => [p.name, createHostServices(services, p)]));
  const hostOf = (name: string) => {
    const host = hosts.get(name);
    if (!host) throw new Error(`Plugin "${name}" is not installed`);
    return host;
  };
  const created = await firstStart(ds, services.identity, config);
  logger.info(
    { plugins: plugins.all().map((p) => ({ name: p.name, version: p.version })) },
    `plugins loaded: ${
      plugins
        .all()
        .map((p) => `${p.name}@${p.version}`)
        .join(", ") || "none"
    }`,
  );
  for (const p of plugins.all()) {
    await p.onBootstrap?.({
      host: hostOf(p.name),
      pluginData: createPluginData(ds, p.name, p.entities ?? []),
      logger: logger.child({ plugin: p.name }),
      role: config.role,
      redisUrl: config.redisUrl,
    });
  }

  let worker: JobWorker | undefined;
  let scheduler: Scheduler | undefined;
  if (config.role !== "api") {
    worker = new JobWorker(ds, { connectors: services.connectors, hostOf }, platform.events, platform.queue, config.jobs, logger);
    await worker.start();
    scheduler = new Scheduler(ds, services.jobs, logger);
    scheduler.start(config.jobs.schedulerTickMs);
  }

  let stopHttp = async () => {};
  let url: string | undefined;
  let port: number | undefined;
  if (config.role !== "worker") {
    const schema = await buildAppSchema({
      coreResolvers,
      pubSub: platform.pubSub.pubSub as never,
      extraResolvers: plugins.resolvers(),
      orphanedTypes: plugins.types(),
    });
    const contexts = new ContextFactory(ds, services, new Authenticator(ds), () => baseUrl, hosts);
    const http = await startHttpServer(
      {
        config,
        schema,
        contexts,
        media,
        logger,
        accessChanges: services.identity.accessChanges,
        renderExport: (rule, path) => services.images.renderStoredForExport(rule, path),
      },
      (u) => (baseUrl = u),
    );
    stopHttp = http.close;
    url = http.url;
    port = http.port;
  }

  return {
    config,
    ds,
    services,
    logger,
    url,
    port,
    firstStart: created,
    plugins,
    hostOf,
    worker,
    scheduler,
    stop: async () => {
      await stopHttp();
      await scheduler?.stop();
      await worker?.stop();
      await platform.close();
      for (const p of plugins.all()) await p.onShutdown?.();
      if (ds.isInitialized) await ds.destroy();
    },
  };
}
