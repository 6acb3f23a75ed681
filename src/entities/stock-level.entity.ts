import { Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { IntegerColumn, UpdatedAt } from "./columns";
import { Variant } from "./variant.entity";
import { Season } from "./season.entity";

/** Stock of one variant in one season: available to sell now, and projected (future) stock. */
@Entity("stock_level")
@Index("UQ_stock_level", ["variantId", "seasonId"], { unique: true })
@Index("IDX_stock_level_brand_season", ["brandId", "seasonId"])
export class StockLevel {
  @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @IntegerColumn() brandId: number;
  @IntegerColumn() variantId: number;
  @ManyToOne(() => Variant, { onDelete: "CASCADE" })
  @JoinColumn({ name: "variantId", foreignKeyConstraintName: "FK_stock_level_variant" })
  variant?: Variant;
  @IntegerColumn() seasonId: number;
  @ManyToOne(() => Season, { onDelete: "CASCADE" })
  @JoinColumn({ name: "seasonId", foreignKeyConstraintName: "FK_stock_level_season" })
  season?: Season;
  @IntegerColumn({ default: 0 }) availableToSell: number;
  @IntegerColumn({ default: 0 }) projected: number;
  @UpdatedAt() updatedAt: Date;
}
