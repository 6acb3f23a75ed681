import { Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { BoolColumn, IntegerColumn, Varchar } from "./columns";
import { Product } from "./product.entity";
import type { StockLevel } from "./stock-level.entity";
import { BrandOwnedEntity } from "./brand-owned.entity";

/** A SKU: one size of a product, with its GS1 barcode (EAN-13 or UPC-A). */
@ObjectType({ simpleResolvers: true, description: "A SKU: one size of a product, with its GS1 barcode" })
@Entity("variant")
@Index("UQ_variant_brand_barcode", ["brandId", "barcode"], { unique: true })
@Index("UQ_variant_product_size", ["productId", "size"], { unique: true })
@Index("IDX_variant_product_position", ["productId", "position"])
export class Variant extends BrandOwnedEntity {
  @IntegerColumn() productId: number;
  @ManyToOne(() => Product, { onDelete: "CASCADE" })
  @JoinColumn({ name: "productId", foreignKeyConstraintName: "FK_variant_product" })
  product?: Product;
  /** Size label, case-sensitive ("S", "M", "38", "One Size"). */
  @Field({ description: "Size label, case-sensitive" }) @Varchar(30) size: string;
  /** Position of the size in the product's size run (0-based). */
  @Field(() => Int, { description: "Position in the product's size run (0-based)" }) @IntegerColumn() position: number;
  @Field(() => String, { nullable: true, description: "EAN-13 or UPC-A" }) @Varchar(14, { nullable: true }) barcode: string | null;
  @Field() @BoolColumn(true) active: boolean;
  /** Not stored: stock levels read together with the variant by the product page (catalogue.loaders.ts). */
  prefetchedStock?: { read: object; levels: StockLevel[] };
}
