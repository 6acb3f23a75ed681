import { Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { CreatedAt, IntegerColumn, Varchar } from "./columns";
import { Product } from "./product.entity";
import { BrandOwnedEntity } from "./brand-owned.entity";

/** Metadata of a stored product image. Position 1 is "Image 1". */
@ObjectType({ simpleResolvers: true, description: 'A stored product image; position 1 is "Image 1"' })
@Entity("product_image")
@Index("UQ_product_image_position", ["productId", "position"], { unique: true })
export class ProductImage extends BrandOwnedEntity {
  @IntegerColumn() productId: number;
  @ManyToOne(() => Product, { onDelete: "CASCADE" })
  @JoinColumn({ name: "productId", foreignKeyConstraintName: "FK_product_image_product" })
  product?: Product;
  @Field(() => Int) @IntegerColumn() position: number;
  @Field(() => Int) @IntegerColumn() width: number;
  @Field(() => Int) @IntegerColumn() height: number;
  @Field() @Varchar(50) contentType: string;
  @Field(() => Int) @IntegerColumn() byteSize: number;
  @Varchar(255) storageKey: string;
  @Field({ description: "SHA-256 of the file" }) @Varchar(64) checksum: string;
  @Field() @CreatedAt() createdAt: Date;
}
