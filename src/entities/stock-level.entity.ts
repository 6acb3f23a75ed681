import { Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { IntegerColumn, UpdatedAt } from "./columns";
import { Variant } from "./variant.entity";
import { Season } from "./season.entity";
import { BrandOwnedEntity } from "./brand-owned.entity";

/** Stock of one variant in one season: available to sell now, and projected (future) stock. */
@ObjectType({ simpleResolvers: true, description: "Stock of a variant in a season: available to sell now, and projected (future) stock" })
@Entity("stock_level")
@Index("UQ_stock_level", ["variantId", "seasonId"], { unique: true })
@Index("IDX_stock_level_brand_season", ["brandId", "seasonId"])
export class StockLevel extends BrandOwnedEntity {
  @IntegerColumn() variantId: number;
  @ManyToOne(() => Variant, { onDelete: "CASCADE" })
  @JoinColumn({ name: "variantId", foreignKeyConstraintName: "FK_stock_level_variant" })
  variant?: Variant;
  @IntegerColumn() seasonId: number;
  @ManyToOne(() => Season, { onDelete: "CASCADE" })
  @JoinColumn({ name: "seasonId", foreignKeyConstraintName: "FK_stock_level_season" })
  season?: Season;
  @Field(() => Int) @IntegerColumn({ default: 0 }) availableToSell: number;
  @Field(() => Int) @IntegerColumn({ default: 0 }) projected: number;
  @Field() @UpdatedAt() updatedAt: Date;
  /** Not stored: the product line start date of the season's production docket, filled when loaded (StockService). */
  @Field(() => String, { nullable: true, description: "When projected stock is available: the product line start date of the season's production docket" })
  availableFrom?: string | null;
}
