import { Column, Entity, Index } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { BoolColumn, CreatedAt, UpdatedAt, Varchar } from "./columns";
import { BrandOwnedEntity } from "./brand-owned.entity";

/** A style in one colourway (Zedonk's "product costing"). Sizes live on its variants. */
@ObjectType({ simpleResolvers: true, description: "A style in one colourway (a product costing); sizes live on its variants" })
@Entity("product")
@Index("UQ_product_brand_style_colour", ["brandId", "styleNumber", "colourCode"], { unique: true })
@Index("IDX_product_brand_active", ["brandId", "active"])
@Index("IDX_product_brand_id", ["brandId", "id"])
export class Product extends BrandOwnedEntity {
  @Field() @Varchar(50) styleNumber: string;
  @Field() @Varchar(30) colourCode: string;
  @Field() @Varchar(60) colourName: string;
  @Field() @Varchar(200) name: string;
  @Field(() => String, { nullable: true }) @Column({ type: "text", nullable: true }) description: string | null;
  @Field(() => String, { nullable: true }) @Varchar(100, { nullable: true }) category: string | null;
  @Field(() => String, { nullable: true }) @Varchar(255, { nullable: true }) composition: string | null;
  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2" }) @Varchar(2, { nullable: true }) countryOfOrigin: string | null;
  @Field() @BoolColumn(true) active: boolean;
  @Field() @CreatedAt() createdAt: Date;
  @Field() @UpdatedAt() updatedAt: Date;
}
