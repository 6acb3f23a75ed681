import { z } from "zod";
import { defaultPluginSpecs } from "../plugin/plugin-discovery";

/** Typed configuration read from the environment (CONTRACT §1). Every value has a default. */
export interface SelvedgeConfig {
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl?: string;
  secretKey: string;
  bootstrapToken?: string;
  bootstrapBrand: { name: string; slug: string };
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** "auto": pretty coloured lines when stdout is a terminal, JSON otherwise. */
  logFormat: "auto" | "pretty" | "json";
  mediaDir: string;
  publicUrl?: string;
  maxQueryDepth: number;
  maxQueryCost: number;
  maxImageBytes: number;
  /** "all" = API + worker (npm start), "api" = API only, "worker" = worker only. */
  role: "all" | "api" | "worker";
  /** Execute GraphQL operations with graphql-jit (compiled, faster) instead of graphql-js. */
  graphqlJit: boolean;
  plugins: string[];
  /** Jobs, queue and scheduler tuning (docs/plugins-and-jobs.md). */
  jobs: JobsConfig;
}

export interface JobsConfig {
  /** Key prefix for BullMQ queues and pub/sub channels in Redis (one Redis can serve several deployments). */
  redisPrefix: string;
  /** How often an idle worker looks for due jobs in the database (DB queue) and for stale jobs. */
  pollMs: number;
  /** Jobs one worker process runs at the same time. */
  concurrency: number;
  /** A running job writes its progress and a heartbeat this often, and reads cancellation requests. */
  heartbeatMs: number;
  /** A RUNNING job whose heartbeat is older than this is considered orphaned (its process died) and is recovered. */
  staleAfterMs: number;
  /** How often workers look for due schedules. */
  schedulerTickMs: number;
  /** Minimum time between two progress events of one job (about 10 a second). */
  progressIntervalMs: number;
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().min(1).default("sqlite:./data/selvedge.sqlite"),
  REDIS_URL: z.string().url().optional(),
  SELVEDGE_SECRET_KEY: z.string().optional(),
  SELVEDGE_BOOTSTRAP_TOKEN: z.string().min(16, "SELVEDGE_BOOTSTRAP_TOKEN must be at least 16 characters").optional(),
  SELVEDGE_BOOTSTRAP_BRAND: z.string().default("Demo Brand"),
  SELVEDGE_BOOTSTRAP_SLUG: z.string().regex(/^[a-z0-9-]+$/).default("demo"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_FORMAT: z.enum(["auto", "pretty", "json"]).default("auto"),
  SELVEDGE_MEDIA_DIR: z.string().default("./data/media"),
  SELVEDGE_PUBLIC_URL: z.string().url().optional(),
  SELVEDGE_MAX_QUERY_DEPTH: z.coerce.number().int().positive().default(12),
  SELVEDGE_MAX_QUERY_COST: z.coerce.number().int().positive().default(250_000),
  SELVEDGE_MAX_IMAGE_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  SELVEDGE_ROLE: z.enum(["all", "api", "worker"]).default("all"),
  SELVEDGE_GRAPHQL_JIT: z.enum(["on", "off"]).default("off"),
  SELVEDGE_PLUGINS: z.string().optional(),
  SELVEDGE_REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]+$/).default("selvedge"),
  SELVEDGE_JOB_POLL_MS: z.coerce.number().int().min(10).default(1000),
  SELVEDGE_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  SELVEDGE_JOB_HEARTBEAT_MS: z.coerce.number().int().min(50).default(1000),
  SELVEDGE_JOB_STALE_AFTER_MS: z.coerce.number().int().min(200).default(60000),
  SELVEDGE_SCHEDULER_TICK_MS: z.coerce.number().int().min(50).default(15000),
  SELVEDGE_PROGRESS_INTERVAL_MS: z.coerce.number().int().min(0).default(100),
});

/** A development-only key; production deployments must set SELVEDGE_SECRET_KEY. */
export const DEV_SECRET_KEY = "selvedge-development-secret-key-change-me";

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<SelvedgeConfig> = {}): SelvedgeConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    secretKey: e.SELVEDGE_SECRET_KEY ?? DEV_SECRET_KEY,
    bootstrapToken: e.SELVEDGE_BOOTSTRAP_TOKEN,
    bootstrapBrand: { name: e.SELVEDGE_BOOTSTRAP_BRAND, slug: e.SELVEDGE_BOOTSTRAP_SLUG },
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    mediaDir: e.SELVEDGE_MEDIA_DIR,
    publicUrl: e.SELVEDGE_PUBLIC_URL,
    maxQueryDepth: e.SELVEDGE_MAX_QUERY_DEPTH,
    maxQueryCost: e.SELVEDGE_MAX_QUERY_COST,
    maxImageBytes: e.SELVEDGE_MAX_IMAGE_BYTES,
    role: e.SELVEDGE_ROLE,
    graphqlJit: e.SELVEDGE_GRAPHQL_JIT === "on",
    // Unset: every plugin folder under plugins/ (plugin-discovery.ts); set: exactly the listed ones ("" or "none" = none).
    plugins: e.SELVEDGE_PLUGINS === undefined ? defaultPluginSpecs() : e.SELVEDGE_PLUGINS.split(",").map((s) => s.trim()).filter((s) => s && s !== "none"),
    jobs: {
      redisPrefix: e.SELVEDGE_REDIS_PREFIX,
      pollMs: e.SELVEDGE_JOB_POLL_MS,
      concurrency: e.SELVEDGE_JOB_CONCURRENCY,
      heartbeatMs: e.SELVEDGE_JOB_HEARTBEAT_MS,
      staleAfterMs: e.SELVEDGE_JOB_STALE_AFTER_MS,
      schedulerTickMs: e.SELVEDGE_SCHEDULER_TICK_MS,
      progressIntervalMs: e.SELVEDGE_PROGRESS_INTERVAL_MS,
    },
    ...overrides,
  };
}
