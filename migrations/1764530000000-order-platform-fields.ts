import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";
import { datetime, money } from "./lib/columns";

/**
 * Orders from platforms: when the platform says the order changed after it was imported (platformModifiedAt),
 * an order-level discount and shipping total, and a discount amount per line — so an imported order's total
 * equals the platform's. All nullable: null means none.
 */
export class OrderPlatformFields1764530000000 implements MigrationInterface {
  name = "OrderPlatformFields1764530000000";

  public async up(qr: QueryRunner): Promise<void> {
    await qr.addColumns("sales_order", [
      new TableColumn(datetime("platformModifiedAt")),
      new TableColumn(money("discount", true)),
      new TableColumn(money("shippingTotal", true)),
    ]);
    await qr.addColumn("order_line", new TableColumn(money("discount", true)));
  }

  public async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn("order_line", "discount");
    for (const name of ["shippingTotal", "discount", "platformModifiedAt"]) await qr.dropColumn("sales_order", name);
  }
}
