import { Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAt, IntegerColumn, Varchar } from "./columns";
import { Product } from "./product.entity";

/** Metadata of a stored product image. Position 1 is "Image 1". */
@Entity("product_image")
@Index("UQ_product_image_position", ["productId", "position"], { unique: true })
export class ProductImage {
  @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @IntegerColumn() brandId: number;
  @IntegerColumn() productId: number;
  @ManyToOne(() => Product, { onDelete: "CASCADE" })
  @JoinColumn({ name: "productId", foreignKeyConstraintName: "FK_product_image_product" })
  product?: Product;
  @IntegerColumn() position: number;
  @IntegerColumn() width: number;
  @IntegerColumn() height: number;
  @Varchar(50) contentType: string;
  @IntegerColumn() byteSize: number;
  @Varchar(255) storageKey: string;
  @Varchar(64) checksum: string;
  @CreatedAt() createdAt: Date;
}
