import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

/** Job priority: a job recovered from a dead worker or handed back by a stopping one is claimed first. */
export class JobPriority1764510200000 implements MigrationInterface {
  name = "JobPriority1764510200000";

  public async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn("job", new TableColumn({ name: "priority", type: "integer", isNullable: false, default: 0 }));
  }

  public async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn("job", "priority");
  }
}
