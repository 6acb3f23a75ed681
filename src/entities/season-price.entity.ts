import { Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { IntegerColumn, MONEY, UpdatedAt, Varchar } from "./columns";
import { formatMoney } from "../domain/money";
import { Product } from "./product.entity";
import { Season } from "./season.entity";
import { BrandOwnedEntity } from "./brand-owned.entity";

/** Wholesale and retail price of a product in a season, in one currency. Money is a decimal string. */
@ObjectType({ simpleResolvers: true, description: "Wholesale and retail price of a product in a season, in one currency (decimal strings)" })
@Entity("season_price")
@Index("UQ_season_price", ["productId", "seasonId", "currency"], { unique: true })
export class SeasonPrice extends BrandOwnedEntity {
  @IntegerColumn() productId: number;
  @ManyToOne(() => Product, { onDelete: "CASCADE" })
  @JoinColumn({ name: "productId", foreignKeyConstraintName: "FK_season_price_product" })
  product?: Product;
  @IntegerColumn() seasonId: number;
  @ManyToOne(() => Season, { onDelete: "CASCADE" })
  @JoinColumn({ name: "seasonId", foreignKeyConstraintName: "FK_season_price_season" })
  season?: Season;
  @Field({ description: "ISO 4217" }) @Varchar(3) currency: string;
  @Column(MONEY) wholesale: string;
  @Column({ ...MONEY, nullable: true }) retail: string | null;
  @Field() @UpdatedAt() updatedAt: Date;

  /** Not stored: the amounts in minor units, set once per row by the page loader (formatAmounts). */
  private shownWholesale?: string;
  private shownRetail?: string | null;

  /** Formats both amounts once (the product page's loader calls it per row, not per field). */
  formatAmounts(): void {
    this.shownWholesale = formatMoney(this.wholesale, this.currency);
    this.shownRetail = this.retail === null || this.retail === undefined ? null : formatMoney(this.retail, this.currency);
  }

  /** Wholesale price in the currency's minor units ("12.50" EUR, "1200" JPY). */
  @Field(() => String, { name: "wholesale", description: "Decimal string in the currency's minor units" })
  wholesaleAmount(): string {
    return this.shownWholesale ?? formatMoney(this.wholesale, this.currency);
  }

  @Field(() => String, { name: "retail", nullable: true, description: "Decimal string in the currency's minor units" })
  retailAmount(): string | null {
    if (this.shownRetail !== undefined) return this.shownRetail;
    return this.retail === null || this.retail === undefined ? null : formatMoney(this.retail, this.currency);
  }
}
