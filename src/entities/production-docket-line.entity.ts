import { Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { DateOnly, IntegerColumn } from "./columns";
import { Product } from "./product.entity";
import { Season } from "./season.entity";
import { BrandOwnedEntity } from "./brand-owned.entity";

/** A production docket line: when a product's production line starts in a season (the date future stock is available). */
@ObjectType({ description: "A production docket line: when the product's production line starts in a season" })
@Entity("production_docket_line")
@Index("UQ_production_docket_line", ["productId", "seasonId"], { unique: true })
export class ProductionDocketLine extends BrandOwnedEntity {
  @IntegerColumn() productId: number;
  @ManyToOne(() => Product, { onDelete: "CASCADE" })
  @JoinColumn({ name: "productId", foreignKeyConstraintName: "FK_docket_line_product" })
  product?: Product;
  @IntegerColumn() seasonId: number;
  @ManyToOne(() => Season, { onDelete: "CASCADE" })
  @JoinColumn({ name: "seasonId", foreignKeyConstraintName: "FK_docket_line_season" })
  season?: Season;
  @Field({ description: "Product line start date (ISO 8601): when future stock becomes available" }) @DateOnly() lineStartDate: string;
  @Field(() => Int) @IntegerColumn({ default: 0 }) quantity: number;
}
