import { MigrationInterface, QueryRunner, Table } from "typeorm";
import { migrationColumns } from "../../../src/plugin";

const { createdAt, date, datetime, fk, id, index, int, text, unique, updatedAt, varchar } = migrationColumns;

/** The JOOR plugin's own tables: the sync ledger, the catalogue (linesheets) and the shared credit window. */
export class JoorCore1765000000000 implements MigrationInterface {
  name = "JoorCore1765000000000";

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: "joor_sync_record",
        columns: [
          id(),
          int("brandId"),
          varchar("connector", 32),
          varchar("kind", 32),
          varchar("recordKey", 191),
          varchar("label", 255, true),
          varchar("joorId", 191, true),
          text("joorIdsJson"),
          varchar("payloadHash", 64, true),
          datetime("sentAt"),
          varchar("status", 16),
          text("message"),
          updatedAt(qr),
        ],
        indices: [
          unique("UQ_joor_sync_record_key", ["brandId", "connector", "kind", "recordKey"]),
          index("IDX_joor_sync_record_joor_id", ["brandId", "kind", "joorId"]),
        ],
      }),
      true,
    );
    await qr.createTable(
      new Table({
        name: "joor_linesheet",
        columns: [
          id(),
          int("brandId"),
          varchar("name", 100),
          int("seasonId"),
          date("startShip", true),
          date("completeShip", true),
          createdAt(qr),
          updatedAt(qr),
        ],
        indices: [unique("UQ_joor_linesheet_brand_name", ["brandId", "name"])],
      }),
      true,
    );
    await qr.createTable(
      new Table({
        name: "joor_linesheet_product",
        columns: [id(), int("brandId"), int("linesheetId"), int("productId"), int("position")],
        indices: [
          unique("UQ_joor_linesheet_product", ["linesheetId", "productId"]),
          index("IDX_joor_linesheet_product_product", ["brandId", "productId"]),
          index("IDX_joor_linesheet_product_position", ["linesheetId", "position"]),
        ],
        foreignKeys: [
          fk("FK_joor_linesheet_product_linesheet", "linesheetId", "joor_linesheet"),
          fk("FK_joor_linesheet_product_product", "productId", "product"),
        ],
      }),
      true,
    );
    await qr.createTable(
      new Table({
        name: "joor_credit_window",
        columns: [id(), varchar("accountKey", 191), text("spendsJson"), varchar("blockedUntilMs", 20, true)],
        indices: [unique("UQ_joor_credit_window_account", ["accountKey"])],
      }),
      true,
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of ["joor_credit_window", "joor_linesheet_product", "joor_linesheet", "joor_sync_record"]) await qr.dropTable(t, true);
  }
}
