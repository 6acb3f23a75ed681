import { Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAt, IntegerColumn, UpdatedAt, Varchar } from "./columns";

export type CustomerStatus = "ACTIVE" | "INACTIVE";

/** A wholesale customer (a JOOR "connection"). The account code is the key shared with platforms. */
@Entity("customer")
@Index("UQ_customer_brand_account_code", ["brandId", "accountCode"], { unique: true })
@Index("IDX_customer_brand_status", ["brandId", "status"])
export class Customer {
  @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @IntegerColumn() brandId: number;
  @Varchar(200) name: string;
  @Varchar(50, { nullable: true }) accountCode: string | null;
  @Varchar(16) status: CustomerStatus;
  @Varchar(254, { nullable: true }) email: string | null;
  @Varchar(50, { nullable: true }) phone: string | null;
  @Varchar(3, { nullable: true }) currency: string | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
