import { z } from "zod";
import { isValidAllowEntry } from "../net/address-policy";
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
  /** Longest GraphQL document accepted (characters), for every caller and transport. */
  maxQueryBytes: number;
  /** Most aliased fields in one operation (fragments counted where they are spread). */
  maxQueryAliases: number;
  /** Most lexical tokens in one document (graphql-js parser limit). */
  maxQueryTokens: number;
  /** Whether schema introspection (__schema, __type) is answered. Off by default in production. */
  introspection: boolean;
  /** How long an open graphql-ws connection may go without re-checking its token (ms). */
  authRecheckMs: number;
  /**
   * Addresses (IPs or CIDR ranges) that image URLs may reach although they are loopback, private,
   * link-local or otherwise not public. Empty by default: only public addresses are fetched.
   */
  imageFetchAllow: string[];
  /** Origins allowed to call the API from a browser (CORS). Empty = CORS off (no CORS headers sent). */
  corsOrigins: string[];
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
  /**
   * Graceful stop: how long a running handler has to reach its next safe point (`throwIfCancelled()`) before its
   * `ctx.signal` is aborted. A write already sent finishes instead of being cut and sent again on resume.
   */
  shutdownGraceMs: number;
  /** Without Redis, a `jobUpdated` subscriber re-reads the job when no event came for this long (jobs run by another process). */
  refreshMs: number;
  /** Finished jobs (with their logs and issues) older than this many days are deleted; 0 keeps them forever. */
  retentionDays: number;
  /** How often a worker deletes expired jobs. */
  pruneIntervalMs: number;
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().min(1).default("sqlite:./data/selvedge.sqlite"),
  REDIS_URL: z.string().url().optional(),
  SELVEDGE_SECRET_KEY: z.string().optional(),
  SELVEDGE_BOOTSTRAP_TOKEN: z.string().min(16, "SELVEDGE_BOOTSTRAP_TOKEN must be at least 16 characters").optional(),
  SELVEDGE_BOOTSTRAP_BRAND: z.string().default("Demo Brand"),
  SELVEDGE_BOOTSTRAP_SLUG: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default("demo"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_FORMAT: z.enum(["auto", "pretty", "json"]).default("auto"),
  SELVEDGE_MEDIA_DIR: z.string().default("./data/media"),
  SELVEDGE_PUBLIC_URL: z.string().url().optional(),
  SELVEDGE_MAX_QUERY_DEPTH: z.coerce.number().int().positive().default(12),
  SELVEDGE_MAX_QUERY_COST: z.coerce.number().int().positive().default(250_000),
  SELVEDGE_MAX_IMAGE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  SELVEDGE_MAX_QUERY_BYTES: z.coerce.number().int().positive().default(100_000),
  SELVEDGE_MAX_QUERY_ALIASES: z.coerce.number().int().min(0).default(200),
  SELVEDGE_MAX_QUERY_TOKENS: z.coerce.number().int().positive().default(20_000),
  SELVEDGE_INTROSPECTION: z.enum(["on", "off"]).optional(),
  SELVEDGE_AUTH_RECHECK_MS: z.coerce.number().int().min(0).default(5000),
  SELVEDGE_IMAGE_FETCH_ALLOW: z
    .string()
    .default("")
    .refine((v) => list(v).every(isValidAllowEntry), "must be a comma-separated list of IP addresses or CIDR ranges (127.0.0.1, 10.0.0.0/8, ::1)"),
  SELVEDGE_CORS_ORIGINS: z.string().default(""),
  NODE_ENV: z.string().optional(),
  SELVEDGE_ROLE: z.enum(["all", "api", "worker"]).default("all"),
  SELVEDGE_GRAPHQL_JIT: z.enum(["on", "off"]).default("on"),
  SELVEDGE_PLUGINS: z.string().optional(),
  SELVEDGE_REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]+$/)
    .default("selvedge"),
  SELVEDGE_JOB_POLL_MS: z.coerce.number().int().min(10).default(1000),
  SELVEDGE_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  SELVEDGE_JOB_HEARTBEAT_MS: z.coerce.number().int().min(50).default(1000),
  SELVEDGE_JOB_STALE_AFTER_MS: z.coerce.number().int().min(200).default(60000),
  SELVEDGE_SCHEDULER_TICK_MS: z.coerce.number().int().min(50).default(15000),
  SELVEDGE_PROGRESS_INTERVAL_MS: z.coerce.number().int().min(0).default(100),
  SELVEDGE_JOB_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  SELVEDGE_JOB_REFRESH_MS: z.coerce.number().int().min(50).default(2000),
  SELVEDGE_JOB_RETENTION_DAYS: z.coerce.number().min(0).default(90),
  SELVEDGE_JOB_PRUNE_INTERVAL_MS: z.coerce.number().int().min(50).default(3_600_000),
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
    maxQueryBytes: e.SELVEDGE_MAX_QUERY_BYTES,
    maxQueryAliases: e.SELVEDGE_MAX_QUERY_ALIASES,
    maxQueryTokens: e.SELVEDGE_MAX_QUERY_TOKENS,
    introspection: e.SELVEDGE_INTROSPECTION ? e.SELVEDGE_INTROSPECTION === "on" : e.NODE_ENV !== "production",
    authRecheckMs: e.SELVEDGE_AUTH_RECHECK_MS,
    imageFetchAllow: list(e.SELVEDGE_IMAGE_FETCH_ALLOW),
    corsOrigins: list(e.SELVEDGE_CORS_ORIGINS),
    role: e.SELVEDGE_ROLE,
    graphqlJit: e.SELVEDGE_GRAPHQL_JIT === "on",
    // Unset: every plugin folder under plugins/ (plugin-discovery.ts); set: exactly the listed ones ("" or "none" = none).
    plugins: e.SELVEDGE_PLUGINS === undefined ? defaultPluginSpecs() : list(e.SELVEDGE_PLUGINS).filter((s) => s !== "none"),
    jobs: {
      redisPrefix: e.SELVEDGE_REDIS_PREFIX,
      pollMs: e.SELVEDGE_JOB_POLL_MS,
      concurrency: e.SELVEDGE_JOB_CONCURRENCY,
      heartbeatMs: e.SELVEDGE_JOB_HEARTBEAT_MS,
      staleAfterMs: e.SELVEDGE_JOB_STALE_AFTER_MS,
      schedulerTickMs: e.SELVEDGE_SCHEDULER_TICK_MS,
      progressIntervalMs: e.SELVEDGE_PROGRESS_INTERVAL_MS,
      shutdownGraceMs: e.SELVEDGE_JOB_SHUTDOWN_GRACE_MS,
      refreshMs: e.SELVEDGE_JOB_REFRESH_MS,
      retentionDays: e.SELVEDGE_JOB_RETENTION_DAYS,
      pruneIntervalMs: e.SELVEDGE_JOB_PRUNE_INTERVAL_MS,
    },
    ...overrides,
  };
}

function list(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}
