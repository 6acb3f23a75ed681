import { MigrationInterface, QueryRunner, Table } from "typeorm";
import { bool, createdAt, datetime, id, index, int, text, unique, updatedAt, varchar } from "./lib/columns";

/** Plugin host tables: jobs with their logs and per-record issues, sync state, connector settings, schedules. */
export class Jobs1764400000000 implements MigrationInterface {
  name = "Jobs1764400000000";

  public async up(qr: QueryRunner): Promise<void> {
    const tables: Table[] = [
      new Table({
        name: "job",
        columns: [
          id(),
          int("brandId"),
          varchar("connector", 64),
          varchar("operation", 64),
          varchar("state", 16),
          bool("dryRun", false),
          bool("full", false),
          int("processed", false, 0),
          int("total", true),
          int("failed", false, 0),
          int("attempts", false, 0),
          int("maxAttempts", false, 3),
          datetime("runAfter"),
          bool("cancelRequested", false),
          varchar("activeKey", 160, true),
          varchar("workerId", 64, true),
          datetime("heartbeatAt"),
          text("error"),
          text("summaryJson"),
          int("createdById", true),
          int("scheduleId", true),
          int("retryOfId", true),
          createdAt(qr),
          datetime("startedAt"),
          datetime("finishedAt"),
          updatedAt(qr),
        ],
        indices: [
          index("IDX_job_state_run_after", ["state", "runAfter"]),
          index("IDX_job_brand_connector", ["brandId", "connector"]),
          unique("UQ_job_active_key", ["activeKey"]),
        ],
      }),
      new Table({
        name: "job_log",
        columns: [id(), int("jobId"), varchar("level", 8), text("message", false), text("dataJson"), createdAt(qr)],
        indices: [index("IDX_job_log_job", ["jobId"])],
      }),
      new Table({
        name: "job_issue",
        columns: [id(), int("jobId"), varchar("entity", 64), varchar("key", 255), varchar("code", 64), text("message", false), createdAt(qr)],
        indices: [index("IDX_job_issue_job", ["jobId"])],
      }),
      new Table({
        name: "sync_state",
        columns: [id(), int("brandId"), varchar("connector", 64), varchar("key", 191), text("value", false), updatedAt(qr)],
        indices: [unique("UQ_sync_state_key", ["brandId", "connector", "key"])],
      }),
      new Table({
        name: "connector_settings",
        columns: [id(), int("brandId"), varchar("connector", 64), text("valuesJson", false), updatedAt(qr)],
        indices: [unique("UQ_connector_settings", ["brandId", "connector"])],
      }),
      new Table({
        name: "job_schedule",
        columns: [
          id(),
          int("brandId"),
          varchar("connector", 64),
          varchar("operation", 64),
          int("intervalMinutes"),
          bool("enabled", true),
          bool("full", false),
          datetime("nextRunAt", false),
          datetime("lastRunAt"),
          int("lastJobId", true),
          int("version", false, 0),
          createdAt(qr),
          updatedAt(qr),
        ],
        indices: [unique("UQ_job_schedule", ["brandId", "connector", "operation"]), index("IDX_job_schedule_due", ["enabled", "nextRunAt"])],
      }),
    ];
    for (const table of tables) await qr.createTable(table, true, true, true);
  }

  public async down(qr: QueryRunner): Promise<void> {
    for (const name of ["job_schedule", "connector_settings", "sync_state", "job_issue", "job_log", "job"]) await qr.dropTable(name, true);
  }
}
