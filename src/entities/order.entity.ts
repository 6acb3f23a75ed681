import { Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { BoolColumn, CreatedAt, DateOnly, IntegerColumn, MONEY, NullableDateTime, UpdatedAt, Varchar } from "./columns";
import { Customer } from "./customer.entity";
import { Season } from "./season.entity";
import { User } from "./user.entity";
import { BrandOwnedEntity } from "./brand-owned.entity";

/** A sales order. Orders from a platform carry its order id in externalId, unique per brand and source. */
@ObjectType({ description: "A sales order; status is a set of flags (approved, locked, closed) as in Zedonk" })
@Entity("sales_order")
@Index("UQ_sales_order_brand_number", ["brandId", "number"], { unique: true })
@Index("UQ_sales_order_brand_source_external", ["brandId", "source", "externalId"], { unique: true })
@Index("IDX_sales_order_customer", ["customerId"])
export class Order extends BrandOwnedEntity {
  @Field({ description: "Order number, unique per brand (generated as SO-000001… unless given)" }) @Varchar(40) number: string;
  @Field({ description: "Where the order came from: MANUAL, JOOR, … (plugins add sources)" }) @Varchar(20) source: string;
  @Field(() => String, { nullable: true, description: "The platform's order id (unique per brand and source)" })
  @Varchar(64, { nullable: true })
  externalId: string | null;
  @Field(() => String, { nullable: true }) @Varchar(64, { nullable: true }) poNumber: string | null;
  @IntegerColumn() customerId: number;
  @ManyToOne(() => Customer, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "customerId", foreignKeyConstraintName: "FK_sales_order_customer" })
  customer?: Customer;
  @IntegerColumn({ nullable: true }) seasonId: number | null;
  @ManyToOne(() => Season, { onDelete: "SET NULL" })
  @JoinColumn({ name: "seasonId", foreignKeyConstraintName: "FK_sales_order_season" })
  season?: Season;
  @IntegerColumn({ nullable: true }) ownerId: number | null;
  @ManyToOne(() => User, { onDelete: "SET NULL" })
  @JoinColumn({ name: "ownerId", foreignKeyConstraintName: "FK_sales_order_owner" })
  owner?: User;
  @Field({ description: "Approved orders count as sold in inventory" }) @BoolColumn(false) approved: boolean;
  @Field({ description: "A locked order cannot be edited" }) @BoolColumn(false) locked: boolean;
  @Field({ description: "Force-closed: final, cannot be edited" }) @BoolColumn(false) closed: boolean;
  @Field({ description: "ISO 4217" }) @Varchar(3) currency: string;
  @Field(() => String, { nullable: true, description: "ISO 8601 date" }) @DateOnly({ nullable: true }) shipStart: string | null;
  @Field(() => String, { nullable: true, description: "ISO 8601 date" }) @DateOnly({ nullable: true }) shipEnd: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: "text", nullable: true }) notes: string | null;
  /** Order-level discount amount (stored with 4 decimals; shown in the currency by the resolver); null = none. */
  @Column({ ...MONEY, nullable: true }) discount: string | null;
  /** Shipping charged on the order (4 decimals); null = none. */
  @Column({ ...MONEY, nullable: true }) shippingTotal: string | null;
  @Field(() => Date, {
    nullable: true,
    description: "When the platform reported a change to the order after it was imported (not applied: a person decides)",
  })
  @NullableDateTime()
  platformModifiedAt: Date | null;
  @Field() @CreatedAt() createdAt: Date;
  @Field() @UpdatedAt() updatedAt: Date;
}
