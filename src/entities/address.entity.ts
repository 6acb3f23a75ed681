import { Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { BoolColumn, IntegerColumn } from "./columns";
import { AddressFields } from "./address-fields";
import { Customer } from "./customer.entity";

/** A customer address: DELIVERY (1), ACCOUNTS (2) or STORE (3). */
@ObjectType({ implements: AddressFields, description: "A customer address: DELIVERY (1), ACCOUNTS (2) or STORE (3)" })
@Entity("address")
@Index("IDX_address_customer", ["customerId"])
export class Address extends AddressFields {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @IntegerColumn() brandId: number;
  @IntegerColumn() customerId: number;
  @ManyToOne(() => Customer, { onDelete: "CASCADE" })
  @JoinColumn({ name: "customerId", foreignKeyConstraintName: "FK_address_customer" })
  customer?: Customer;
  @Field() @BoolColumn(false) isDefault: boolean;
}
