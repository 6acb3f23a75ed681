import { MigrationInterface, QueryRunner, Table } from "typeorm";
import { migrationColumns } from "../../../src/plugin";

const { createdAt, datetime, fk, id, index, int, longText, unique, updatedAt, varchar } = migrationColumns;

/** The staging table of inbound JOOR orders (entities/joor-inbound-order.entity.ts). */
export class JoorInboundOrders1765100000000 implements MigrationInterface {
  name = "JoorInboundOrders1765100000000";

  public async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: "joor_inbound_order",
        columns: [
          id(),
          int("brandId"),
          varchar("connector", 40),
          varchar("externalOrderId", 64),
          varchar("state", 16),
          longText(qr, "payload", false),
          longText(qr, "latestPayload"),
          longText(qr, "reasons"),
          varchar("reasonCodes", 400, true),
          varchar("customerCode", 50, true),
          int("orderId", true),
          int("attempts", false, 0),
          int("version", false, 0),
          datetime("pulledAt", false),
          datetime("importedAt"),
          datetime("heldAt"),
          datetime("dismissedAt"),
          varchar("dismissReason", 500, true),
          datetime("platformModifiedAt"),
          longText(qr, "changes"),
          createdAt(qr),
          updatedAt(qr),
        ],
        indices: [
          unique("UQ_joor_inbound_order_key", ["brandId", "connector", "externalOrderId"]),
          index("IDX_joor_inbound_order_state", ["brandId", "state"]),
        ],
        foreignKeys: [fk("FK_joor_inbound_order_order", "orderId", "sales_order", "SET NULL")],
      }),
      true,
      true,
      true,
    );
  }

  public async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable("joor_inbound_order", true);
  }
}
