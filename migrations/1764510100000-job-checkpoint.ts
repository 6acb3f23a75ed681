import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

/** The resume point of a job (`ctx.saveCheckpoint`): survives attempts, carries the counters at that moment. */
export class JobCheckpoint1764510100000 implements MigrationInterface {
  name = "JobCheckpoint1764510100000";

  public async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn("job", new TableColumn({ name: "checkpointJson", type: "text", isNullable: true }));
  }

  public async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn("job", "checkpointJson");
  }
}
