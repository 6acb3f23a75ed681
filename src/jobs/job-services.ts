import type { Logger } from "pino";
import { DataSource } from "typeorm";
import { SelvedgeConfig } from "../config/config";
import type { IdentityService } from "../modules/identity/identity.service";
import { ConnectorService } from "../plugin/connector.service";
import { PluginRegistry } from "../plugin/plugin-registry";
import { AppPubSub, createAppPubSub } from "../pubsub/app-pubsub";
import { JobEvents } from "./job-events";
import { ScheduleService } from "../scheduler/schedule.service";
import { QueueStrategy } from "./job-queue";
import { JobService } from "./job.service";
import { BullmqQueue } from "./queue/bullmq-queue";
import { DatabaseQueue } from "./queue/database-queue";

/** The process-wide parts of the job system, built once before the services (bootstrap.ts). */
export interface JobPlatform {
  plugins: PluginRegistry;
  pubSub: AppPubSub;
  events: JobEvents;
  queue: QueueStrategy;
  close(): Promise<void>;
}

/** Strategies passed in at start-up (StartOptions) instead of the ones the configuration chooses. */
export interface JobStrategies {
  queue?: QueueStrategy;
  pubSub?: AppPubSub;
}

/**
 * In memory pub/sub + database queue by default; Redis pub/sub + BullMQ when REDIS_URL is set; either replaced
 * by a strategy passed in (e.g. `new InMemoryQueue()`). A passed-in strategy is closed with the platform.
 */
export function createJobPlatform(config: SelvedgeConfig, plugins: PluginRegistry, logger: Logger, strategies: JobStrategies = {}): JobPlatform {
  const pubSub = strategies.pubSub ?? createAppPubSub({ redisUrl: config.redisUrl, prefix: config.jobs.redisPrefix });
  const queue: QueueStrategy =
    strategies.queue ?? (config.redisUrl ? new BullmqQueue(config.redisUrl, config.jobs.redisPrefix, logger) : new DatabaseQueue(config.jobs.pollMs, logger));
  return {
    plugins,
    pubSub,
    queue,
    events: new JobEvents(pubSub, config.jobs.refreshMs),
    close: async () => {
      await queue.close();
      await pubSub.close();
    },
  };
}

export interface JobServices {
  connectors: ConnectorService;
  jobs: JobService;
  schedules: ScheduleService;
}

export function createJobServices(ds: DataSource, config: SelvedgeConfig, identity: IdentityService, p: JobPlatform): JobServices {
  const connectors = new ConnectorService(ds, p.plugins, identity, config.secretKey);
  return { connectors, jobs: new JobService(ds, connectors, p.events, p.queue), schedules: new ScheduleService(ds, connectors) };
}
