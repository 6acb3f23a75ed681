import { MigrationInterface, QueryRunner, TableIndex } from "typeorm";

/**
 * Indexes for the product page (issue 13): the page of products in id order within the brand, and each
 * product's size run in position order. Both let the database read only the rows of the page, in order,
 * instead of the whole brand followed by a sort.
 */
export class ProductPageIndexes1764600000000 implements MigrationInterface {
  name = "ProductPageIndexes1764600000000";

  public async up(qr: QueryRunner): Promise<void> {
    await qr.createIndex("product", new TableIndex({ name: "IDX_product_brand_id", columnNames: ["brandId", "id"] }));
    await qr.createIndex("variant", new TableIndex({ name: "IDX_variant_product_position", columnNames: ["productId", "position"] }));
  }

  public async down(qr: QueryRunner): Promise<void> {
    await qr.dropIndex("variant", "IDX_variant_product_position");
    await qr.dropIndex("product", "IDX_product_brand_id");
  }
}
