/** The plugin SDK: what a plugin imports (docs/plugins-and-jobs.md). */
export {
  definePlugin, isTransient, TransientError,
  type JobLogger, type OperationContext, type OperationDefinition, type OperationResult, type PluginDefinition,
  type PluginHostContext, type ProgressReporter, type RecordIssue, type SyncStateStore,
} from "./define-plugin";
export { setting, type SettingCheckHost, type SettingField, type SettingsDeclaration, type SettingsValues } from "./settings";
export {
  HOST_API_VERSION,
  type CatalogueReader, type CustomerPort, type ExportRendition, type HostServices, type OrderPort, type OwnSettings, type OwnSyncState,
  type SeasonReader, type UserReader,
} from "./host-services";
export type { PluginData } from "./plugin-data";
export { dataOf, hostOf } from "./request";
export type { RequestContext } from "../api/context";
export { BrandScope, ScopedRepository, TenancyViolation } from "../db/brand-scope";
export { JobAbortedError } from "../jobs/job-context";
export { HOST_VERSION } from "./plugin-loader";
