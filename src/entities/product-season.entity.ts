import { Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { IntegerColumn } from "./columns";
import { Product } from "./product.entity";
import { Season } from "./season.entity";
import { BrandOwnedEntity } from "./brand-owned.entity";

/** A product is visible in a season when this row exists. */
@Entity("product_season")
@Index("UQ_product_season", ["productId", "seasonId"], { unique: true })
@Index("IDX_product_season_brand_season", ["brandId", "seasonId"])
export class ProductSeason extends BrandOwnedEntity {
  @IntegerColumn() productId: number;
  @ManyToOne(() => Product, { onDelete: "CASCADE" })
  @JoinColumn({ name: "productId", foreignKeyConstraintName: "FK_product_season_product" })
  product?: Product;
  @IntegerColumn() seasonId: number;
  @ManyToOne(() => Season, { onDelete: "CASCADE" })
  @JoinColumn({ name: "seasonId", foreignKeyConstraintName: "FK_product_season_season" })
  season?: Season;
}
