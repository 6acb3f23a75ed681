import { ConnectorSettings } from "../../plugin/connector-settings.entity";
import { Job } from "./job.entity";
import { JobIssue } from "./job-issue.entity";
import { JobLog } from "./job-log.entity";
import { JobSchedule } from "./job-schedule.entity";
import { SyncState } from "./sync-state.entity";

export { ConnectorSettings, Job, JobIssue, JobLog, JobSchedule, SyncState };

/** The plugin host's tables (migration 1764400000000-jobs). */
export const jobEntities = [Job, JobLog, JobIssue, SyncState, ConnectorSettings, JobSchedule];
