import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";
import { varchar } from "./lib/columns";

/** Job.phase: the step a multi-phase job is in (e.g. a connector's export-all: customers, products, …). */
export class JobPhase1764535000000 implements MigrationInterface {
  name = "JobPhase1764535000000";

  public async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn("job", new TableColumn(varchar("phase", 64, true)));
  }

  public async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn("job", "phase");
  }
}
