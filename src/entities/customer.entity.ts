import { BeforeInsert, BeforeUpdate, Entity, Index } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { CustomerStatusEnum } from "../api/enums";
import { CreatedAt, UpdatedAt, Varchar } from "./columns";
import { BrandOwnedEntity } from "./brand-owned.entity";

export type CustomerStatus = "ACTIVE" | "INACTIVE";

/** A wholesale customer (a "connection" on the platforms). The account code is the key shared with platforms. */
@ObjectType({ description: "A wholesale customer; accountCode is the key shared with platforms (JOOR customer code)" })
@Entity("customer")
@Index("UQ_customer_brand_account_code", ["brandId", "accountCode"], { unique: true })
@Index("IDX_customer_brand_status", ["brandId", "status"])
@Index("UQ_customer_brand_account_code_key", ["brandId", "accountCodeKey"], { unique: true })
export class Customer extends BrandOwnedEntity {
  @Field() @Varchar(200) name: string;
  @Field(() => String, { nullable: true }) @Varchar(50, { nullable: true }) accountCode: string | null;
  /** The account code as it is matched: trimmed and lower-cased (unique per brand; see accountCodeKey()). */
  @Varchar(50, { nullable: true }) accountCodeKey: string | null;
  @Field(() => CustomerStatusEnum) @Varchar(16) status: CustomerStatus;
  @Field(() => String, { nullable: true }) @Varchar(254, { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true }) @Varchar(50, { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true, description: "ISO 4217" }) @Varchar(3, { nullable: true }) currency: string | null;
  @Field() @CreatedAt() createdAt: Date;
  @Field() @UpdatedAt() updatedAt: Date;

  /** Whoever saves a customer through the repository (service, seed, fixtures) keeps the key in step. */
  @BeforeInsert()
  @BeforeUpdate()
  keepAccountCodeKey(): void {
    if (this.accountCode !== undefined) this.accountCodeKey = accountCodeKey(this.accountCode);
  }
}

/**
 * The rule account codes are matched by, on every database: trimmed, and ignoring case (codes are ASCII
 * letters, digits, spaces and - _ . /, so lower-casing is the same everywhere). Stored as entered.
 */
export function accountCodeKey(code: string | null | undefined): string | null {
  const t = code?.trim();
  return t ? t.toLowerCase() : null;
}
