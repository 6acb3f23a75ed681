import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";
import { CASE_SENSITIVE_COLUMNS, MYSQL_BINARY_COLLATION } from "../src/db/case-sensitive-columns";

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
