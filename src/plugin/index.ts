/** The plugin SDK: what a plugin imports (docs/plugins-and-jobs.md). */
export {
  definePlugin, isTransient, TransientError,
  type JobLogger, type OperationContext, type OperationDefinition, type OperationResult, type PluginDefinition,
  type PluginHostContext, type ProgressReporter, type RecordIssue, type SyncStateStore,
} from "./define-plugin";
export { setting, type SettingCheckHost, type SettingField, type SettingsDeclaration, type SettingsValues } from "./settings";
export { JobAbortedError } from "../jobs/job-context";
export { HOST_VERSION } from "./plugin-loader";
