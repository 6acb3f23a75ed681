import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { BoolColumn, CreatedAt, DateOnly, IntegerColumn, UpdatedAt, Varchar } from "./columns";
import { Customer } from "./customer.entity";
import { Season } from "./season.entity";
import { User } from "./user.entity";

/** A sales order. Orders from a platform carry its order id in externalId, unique per brand and source. */
@Entity("sales_order")
@Index("UQ_sales_order_brand_number", ["brandId", "number"], { unique: true })
@Index("UQ_sales_order_brand_source_external", ["brandId", "source", "externalId"], { unique: true })
@Index("IDX_sales_order_customer", ["customerId"])
export class Order {
  @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @IntegerColumn() brandId: number;
  @Varchar(40) number: string;
  @Varchar(20) source: string;
  @Varchar(64, { nullable: true }) externalId: string | null;
  @Varchar(64, { nullable: true }) poNumber: string | null;
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
  @BoolColumn(false) approved: boolean;
  @BoolColumn(false) locked: boolean;
  @BoolColumn(false) closed: boolean;
  @Varchar(3) currency: string;
  @DateOnly({ nullable: true }) shipStart: string | null;
  @DateOnly({ nullable: true }) shipEnd: string | null;
  @Column({ type: "text", nullable: true }) notes: string | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
