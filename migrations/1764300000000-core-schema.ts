import { MigrationInterface, QueryRunner, Table } from "typeorm";
import { addressColumns, bool, createdAt, date, datetime, fk, id, index, int, money, simpleJson, text, unique, updatedAt, varchar } from "./lib/columns";

/** The core ERP schema: tenancy, catalogue, prices, stock, images, customers and orders. */
export class CoreSchema1764300000000 implements MigrationInterface {
  name = "CoreSchema1764300000000";

  public async up(qr: QueryRunner): Promise<void> {
    const tables: Table[] = [
      new Table({
        name: "brand",
        columns: [id(), varchar("name", 200), varchar("slug", 64), simpleJson(qr, "modules"), createdAt(qr)],
        indices: [unique("UQ_brand_slug", ["slug"])],
      }),
      new Table({
        name: "user",
        columns: [id(), int("brandId"), varchar("name", 200), varchar("email", 254), varchar("role", 16), bool("active", true), createdAt(qr)],
        indices: [unique("UQ_user_brand_email", ["brandId", "email"])],
        foreignKeys: [fk("FK_user_brand", "brandId", "brand")],
      }),
      new Table({
        name: "api_token",
        columns: [
          id(),
          int("brandId"),
          int("userId"),
          varchar("name", 100),
          varchar("tokenHash", 64),
          varchar("prefix", 16),
          createdAt(qr),
          datetime("lastUsedAt"),
          datetime("revokedAt"),
        ],
        indices: [index("IDX_api_token_brand", ["brandId"]), unique("UQ_api_token_hash", ["tokenHash"])],
        foreignKeys: [fk("FK_api_token_user", "userId", "user")],
      }),
      new Table({
        name: "season",
        columns: [id(), int("brandId"), varchar("name", 100), varchar("code", 32, true), date("startDate"), bool("active", true), createdAt(qr)],
        indices: [unique("UQ_season_brand_name", ["brandId", "name"])],
      }),
      new Table({
        name: "customer",
        columns: [
          id(),
          int("brandId"),
          varchar("name", 200),
          varchar("accountCode", 50, true),
          varchar("status", 16),
          varchar("email", 254, true),
          varchar("phone", 50, true),
          varchar("currency", 3, true),
          createdAt(qr),
          updatedAt(qr),
        ],
        indices: [unique("UQ_customer_brand_account_code", ["brandId", "accountCode"]), index("IDX_customer_brand_status", ["brandId", "status"])],
      }),
      new Table({
        name: "address",
        columns: [...addressColumns(), bool("isDefault", false), id(), int("brandId"), int("customerId")],
        indices: [index("IDX_address_customer", ["customerId"])],
        foreignKeys: [fk("FK_address_customer", "customerId", "customer")],
      }),
      new Table({
        name: "product",
        columns: [
          id(),
          int("brandId"),
          varchar("styleNumber", 50),
          varchar("colourCode", 30),
          varchar("colourName", 60),
          varchar("name", 200),
          text("description"),
          varchar("category", 100, true),
          varchar("composition", 255, true),
          varchar("countryOfOrigin", 2, true),
          bool("active", true),
          createdAt(qr),
          updatedAt(qr),
        ],
        indices: [unique("UQ_product_brand_style_colour", ["brandId", "styleNumber", "colourCode"]), index("IDX_product_brand_active", ["brandId", "active"])],
      }),
      new Table({
        name: "variant",
        columns: [id(), int("brandId"), int("productId"), varchar("size", 30), int("position"), varchar("barcode", 14, true), bool("active", true)],
        indices: [unique("UQ_variant_brand_barcode", ["brandId", "barcode"]), unique("UQ_variant_product_size", ["productId", "size"])],
        foreignKeys: [fk("FK_variant_product", "productId", "product")],
      }),
      new Table({
        name: "product_season",
        columns: [id(), int("brandId"), int("productId"), int("seasonId")],
        indices: [unique("UQ_product_season", ["productId", "seasonId"]), index("IDX_product_season_brand_season", ["brandId", "seasonId"])],
        foreignKeys: [fk("FK_product_season_product", "productId", "product"), fk("FK_product_season_season", "seasonId", "season")],
      }),
      new Table({
        name: "season_price",
        columns: [id(), int("brandId"), int("productId"), int("seasonId"), varchar("currency", 3), money("wholesale"), money("retail", true), updatedAt(qr)],
        indices: [unique("UQ_season_price", ["productId", "seasonId", "currency"])],
        foreignKeys: [fk("FK_season_price_product", "productId", "product"), fk("FK_season_price_season", "seasonId", "season")],
      }),
      new Table({
        name: "stock_level",
        columns: [id(), int("brandId"), int("variantId"), int("seasonId"), int("availableToSell", false, 0), int("projected", false, 0), updatedAt(qr)],
        indices: [unique("UQ_stock_level", ["variantId", "seasonId"]), index("IDX_stock_level_brand_season", ["brandId", "seasonId"])],
        foreignKeys: [fk("FK_stock_level_variant", "variantId", "variant"), fk("FK_stock_level_season", "seasonId", "season")],
      }),
      new Table({
        name: "production_docket_line",
        columns: [id(), int("brandId"), int("productId"), int("seasonId"), date("lineStartDate"), int("quantity", false, 0)],
        indices: [unique("UQ_production_docket_line", ["productId", "seasonId"])],
        foreignKeys: [fk("FK_docket_line_product", "productId", "product"), fk("FK_docket_line_season", "seasonId", "season")],
      }),
      new Table({
        name: "product_image",
        columns: [
          id(),
          int("brandId"),
          int("productId"),
          int("position"),
          int("width"),
          int("height"),
          varchar("contentType", 50),
          int("byteSize"),
          varchar("storageKey", 255),
          varchar("checksum", 64),
          createdAt(qr),
        ],
        indices: [unique("UQ_product_image_position", ["productId", "position"])],
        foreignKeys: [fk("FK_product_image_product", "productId", "product")],
      }),
      new Table({
        name: "sales_order",
        columns: [
          id(),
          int("brandId"),
          varchar("number", 40),
          varchar("source", 20),
          varchar("externalId", 64, true),
          varchar("poNumber", 64, true),
          int("customerId"),
          int("seasonId", true),
          int("ownerId", true),
          bool("approved", false),
          bool("locked", false),
          bool("closed", false),
          varchar("currency", 3),
          date("shipStart", true),
          date("shipEnd", true),
          text("notes"),
          createdAt(qr),
          updatedAt(qr),
        ],
        indices: [
          unique("UQ_sales_order_brand_number", ["brandId", "number"]),
          unique("UQ_sales_order_brand_source_external", ["brandId", "source", "externalId"]),
          index("IDX_sales_order_customer", ["customerId"]),
        ],
        foreignKeys: [
          fk("FK_sales_order_customer", "customerId", "customer", "RESTRICT"),
          fk("FK_sales_order_season", "seasonId", "season", "SET NULL"),
          fk("FK_sales_order_owner", "ownerId", "user", "SET NULL"),
        ],
      }),
      new Table({
        name: "order_line",
        columns: [id(), int("brandId"), int("orderId"), int("variantId"), int("quantity"), money("unitPrice")],
        indices: [index("IDX_order_line_order", ["orderId"]), index("IDX_order_line_variant", ["variantId"])],
        foreignKeys: [fk("FK_order_line_order", "orderId", "sales_order"), fk("FK_order_line_variant", "variantId", "variant", "RESTRICT")],
      }),
      new Table({
        name: "order_address",
        columns: [...addressColumns(), id(), int("orderId")],
        indices: [unique("UQ_order_address_type", ["orderId", "type"])],
        foreignKeys: [fk("FK_order_address_order", "orderId", "sales_order")],
      }),
    ];
    for (const table of tables) await qr.createTable(table, true, true, true);
  }

  public async down(qr: QueryRunner): Promise<void> {
    for (const name of [
      "order_address",
      "order_line",
      "sales_order",
      "product_image",
      "production_docket_line",
      "stock_level",
      "season_price",
      "product_season",
      "variant",
      "product",
      "address",
      "customer",
      "season",
      "api_token",
      "user",
      "brand",
    ]) {
      await qr.dropTable(name, true);
    }
  }
}
