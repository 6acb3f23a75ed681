import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";
import { datetime, varchar } from "./lib/columns";

/** Job.waitingUntil / waitingReason: a running job paused by its platform (e.g. out of API credits) until when, and why. */
export class JobWaiting1764590000000 implements MigrationInterface {
  name = "JobWaiting1764590000000";

  public async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn("job", new TableColumn(datetime("waitingUntil")));
    await qr.addColumn("job", new TableColumn(varchar("waitingReason", 200, true)));
  }

  public async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn("job", "waitingReason");
    await qr.dropColumn("job", "waitingUntil");
  }
}
