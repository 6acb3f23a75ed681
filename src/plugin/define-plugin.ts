import type { MigrationInterface } from "typeorm";
import type { Logger } from "pino";
import type { BrandScope } from "../db/brand-scope";
import type { ExportSizeRule } from "../domain/image-export-size";
import type { HostServices } from "./host-services";
import type { PluginData } from "./plugin-data";
import type { SettingsDeclaration, SettingsValues } from "./settings";

/** Where a job's log lines go (stored as job_log rows, paged in the API). */
export interface JobLogger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/** A per-record problem: it is stored, counted in `failed`, and does not stop the job. */
export interface RecordIssue {
  /** What kind of record, e.g. "order", "product". */
  entity: string;
  /** Which record, e.g. the platform's order id or a style number. */
  key: string;
  /** A stable machine code, e.g. "UNKNOWN_BARCODE". */
  code: string;
  message: string;
}

/** Persisted per brand + connector: cursors, hashes of what was last sent, anything that makes re-runs incremental. */
export interface SyncStateStore {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every entry whose key starts with the prefix. */
  list<T = unknown>(prefix?: string): Promise<{ key: string; value: T }[]>;
}

export interface ProgressReporter {
  /** The number of records the job expects to process (progress = (processed + failed) / total). */
  setTotal(total: number): void;
  /** Records processed successfully since the last call (default 1). */
  advance(count?: number): void;
  /** Names the step a multi-phase job is in (shown as Job.phase); the counters go on over all steps. */
  setPhase(name: string | null): void;
  /**
   * Says the job is paused by its platform until `until` (e.g. waiting for API credits after a 429), shown as
   * Job.waitingUntil / waitingReason; `null` when it goes on. Cleared when the job settles.
   */
  setWaiting(until: Date | null, reason?: string): void;
}

/** What an operation's handler receives. */
export interface OperationContext<S extends SettingsDeclaration = SettingsDeclaration> {
  jobId: number;
  brand: { id: number; slug: string; name: string };
  connector: string;
  operation: string;
  /** Compute and report, but change nothing (neither here nor on the platform). */
  dryRun: boolean;
  /** Ignore the incremental state and do everything again. */
  full: boolean;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  settings: SettingsValues<S>;
  logger: JobLogger;
  progress: ProgressReporter;
  reportIssue(issue: RecordIssue): Promise<void>;
  state: SyncStateStore;
  /**
   * For cutting waits short: pass it to `fetch`, timers and drivers. Aborted at once when the job is cancelled
   * (or taken over by another worker); on a graceful shutdown only after `SELVEDGE_JOB_SHUTDOWN_GRACE_MS`, so that
   * a write in flight can finish and the handler can stop at its next safe point instead.
   */
  signal: AbortSignal;
  /**
   * The safe point between records: throws when the job is cancelled or the process is stopping (the job is
   * then handed back and resumed from the last checkpoint). Call it before starting the next record or batch.
   */
  throwIfCancelled(): void;
  /**
   * What an earlier attempt of this same job last passed to `saveCheckpoint` (undefined on a job's first attempt
   * or when nothing was saved). It survives attempts even with `full`, unlike `ctx.state`, which `full` ignores:
   * `const start = ctx.checkpoint ?? (ctx.full ? 0 : await ctx.state.get("cursor"))`.
   */
  readonly checkpoint: unknown;
  /** True when this attempt continues from a checkpoint (progress counters then continue from it too). */
  readonly resumed: boolean;
  /**
   * Records where the job stands (any JSON value, up to 60,000 characters), together with its `processed`,
   * `failed` and `total`. A later attempt of the same job (after a graceful stop, a crash or a transient failure)
   * gets it as `ctx.checkpoint`, with the counters as they were then; issues reported after it are dropped,
   * because their records are done again. Save it after the records it covers are written. Also in dry runs.
   */
  saveCheckpoint(value: unknown): Promise<void>;
  /**
   * The job's brand as a scoped data handle (src/db/brand-scope.ts): `ctx.data.repo(MyEntity)` reads and writes
   * the plugin's own brand-owned entities with the brand merged in; `ctx.data.transaction(tx => …)` is one unit of
   * work that host calls join when given `tx`.
   */
  data: BrandScope;
  /** The host's port for plugins (src/plugin/host-services.ts): catalogue, customers, orders, users, own settings. */
  host: HostServices;
}

/** What a handler may return: a summary shown on the job (counts, ids, …). */
export type OperationResult = Record<string, unknown> | void;

export interface OperationDefinition<S extends SettingsDeclaration = SettingsDeclaration> {
  description?: string;
  /** Attempts in all for transient failures (TransientError), default 3. */
  attempts?: number;
  /** First retry delay in ms, doubled for each further attempt (default 2000). */
  backoffMs?: number;
  /** A schedule created for the brand when it enables the connector (if it has none for this operation yet). */
  defaultSchedule?: { intervalMinutes: number };
  run(ctx: OperationContext<S>): Promise<OperationResult>;
}

export interface PluginHostContext {
  /** The same port the plugin's operations get as `ctx.host` (one object per plugin and process). */
  host: HostServices;
  /** The plugin's own brand-less entities (plugin-data.ts); brand-owned ones go through `ctx.data`. */
  pluginData: PluginData;
  logger: Logger;
  role: "all" | "api" | "worker";
  /** REDIS_URL of this process (unset: no Redis), for plugins that share state across processes. */
  redisUrl?: string;
}

export interface PluginDefinition<S extends SettingsDeclaration = SettingsDeclaration> {
  /** Unique, lower-case (a-z, 0-9, dash): the connector name in the API and in SELVEDGE_PLUGINS. */
  name: string;
  version: string;
  /** Semver range of Selvedge versions this plugin works with, e.g. "^0.1.0". Checked at start-up. */
  hostVersions: string;
  description?: string;
  /** Brand module that gates it (Brand.modules); defaults to the plugin name. */
  module?: string;
  /** Per-brand settings (stored encrypted where secret). */
  settings?: S;
  /** Named jobs this connector can run through startSync or a schedule. */
  operations?: Record<string, OperationDefinition<S>>;
  /** type-graphql resolver classes the plugin adds to the schema. */
  resolvers?: Function[];
  /** Extra type-graphql types that no resolver returns directly. */
  types?: Function[];
  /** TypeORM entities the plugin adds, and the migrations that create their tables. */
  entities?: Function[];
  migrations?: (new () => MigrationInterface)[];
  /**
   * Image renditions the host serves for this plugin's platform at `/media/export/<name>/…` (a closed list, so
   * a URL cannot ask for arbitrary sizes), e.g. `{ "660x900": { ratioWidth: 660, ratioHeight: 900, … } }`.
   * Pass the same rule to `ctx.host.catalogue.exportUrl` / `renderForExport`.
   */
  exportSizes?: Record<string, ExportSizeRule>;
  /** Called once the database and services are up (every process). */
  onBootstrap?(host: PluginHostContext): Promise<void> | void;
  /** Called when the process stops. */
  onShutdown?(): Promise<void> | void;
}

const PLUGIN_MARK = Symbol.for("selvedge.plugin");

/** Declares a plugin; the type parameter ties the operations' `ctx.settings` to the settings declaration. */
export function definePlugin<S extends SettingsDeclaration = Record<string, never>>(definition: PluginDefinition<S>): PluginDefinition<S> {
  Object.defineProperty(definition, PLUGIN_MARK, { value: true, enumerable: false });
  return definition;
}

export function isPluginDefinition(value: unknown): value is PluginDefinition {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[PLUGIN_MARK] === true;
}

/** Throw this from an operation for a failure worth retrying (timeouts, 429, 5xx): the job is retried with backoff. */
export class TransientError extends Error {
  readonly transient = true;
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "TransientError";
  }
}

export function isTransient(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { transient?: unknown }).transient === true;
}
