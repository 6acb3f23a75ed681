import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

const COLUMNS = ["runAfter", "heartbeatAt", "startedAt", "finishedAt"];

/**
 * Job times with sub-second precision: MySQL/MariaDB `datetime` keeps whole seconds, which made the stale
 * check fire up to a second early and blurred the order of starts. `datetime(6)` (SQLite keeps milliseconds
 * anyway; its column is rebuilt so that it matches the entity).
 */
export class JobPreciseTimes1764510000000 implements MigrationInterface {
  name = "JobPreciseTimes1764510000000";

  public async up(qr: QueryRunner): Promise<void> {
    await this.setPrecision(qr, 6);
  }

  public async down(qr: QueryRunner): Promise<void> {
    await this.setPrecision(qr, undefined);
  }

  private async setPrecision(qr: QueryRunner, precision: number | undefined): Promise<void> {
    const table = await qr.getTable("job");
    if (!table) throw new Error("job table missing");
    await qr.changeColumns(
      table,
      COLUMNS.map((name) => {
        const oldColumn = table.findColumnByName(name)!;
        const newColumn = new TableColumn({ name, type: "datetime", isNullable: true, ...(precision ? { precision } : {}) });
        return { oldColumn, newColumn };
      }),
    );
  }
}
