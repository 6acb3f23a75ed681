import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

/** Frozen copies (a migration imports nothing from src/): the columns and collation as of this migration. */
const CASE_SENSITIVE_COLUMNS: readonly { table: string; column: string }[] = [{ table: "variant", column: "size" }];
const MYSQL_BINARY_COLLATION = "utf8mb4_bin";

/** Sizes compare case-sensitively on MySQL/MariaDB too (SQLite already does): a binary collation. */
export class CaseSensitiveSizes1764500000000 implements MigrationInterface {
  name = "CaseSensitiveSizes1764500000000";

  public async up(qr: QueryRunner): Promise<void> {
    await this.setCollation(qr, MYSQL_BINARY_COLLATION);
  }

  public async down(qr: QueryRunner): Promise<void> {
    await this.setCollation(qr, undefined);
  }

  private async setCollation(qr: QueryRunner, collation: string | undefined): Promise<void> {
    const type = qr.connection.driver.options.type;
    if (type !== "mysql" && type !== "mariadb") return;
    for (const { table, column } of CASE_SENSITIVE_COLUMNS) {
      const current = (await qr.getTable(table))!.findColumnByName(column)!;
      const next = new TableColumn({ ...current, collation, charset: collation ? "utf8mb4" : undefined });
      await qr.changeColumn(table, current, next);
    }
  }
}
