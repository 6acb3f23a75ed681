import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { BoolColumn, CreatedAt, IntegerColumn, UpdatedAt, Varchar } from "./columns";

/** A style in one colourway (Zedonk's "product costing"). Sizes live on its variants. */
@Entity("product")
@Index("UQ_product_brand_style_colour", ["brandId", "styleNumber", "colourCode"], { unique: true })
@Index("IDX_product_brand_active", ["brandId", "active"])
export class Product {
  @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @IntegerColumn() brandId: number;
  @Varchar(50) styleNumber: string;
  @Varchar(30) colourCode: string;
  @Varchar(60) colourName: string;
  @Varchar(200) name: string;
  @Column({ type: "text", nullable: true }) description: string | null;
  @Varchar(100, { nullable: true }) category: string | null;
  @Varchar(255, { nullable: true }) composition: string | null;
  @Varchar(2, { nullable: true }) countryOfOrigin: string | null;
  @BoolColumn(true) active: boolean;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
