import { Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { IntegerColumn } from "./columns";
import { AddressFields } from "./address-fields";
import { Order } from "./order.entity";

/** A snapshot of an address on an order, so later edits to the customer do not rewrite history. */
@ObjectType({ implements: AddressFields, description: "An address snapshot kept on an order (later customer edits do not change it)" })
@Entity("order_address")
@Index("UQ_order_address_type", ["orderId", "type"], { unique: true })
export class OrderAddress extends AddressFields {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @IntegerColumn() orderId: number;
  @ManyToOne(() => Order, { onDelete: "CASCADE" })
  @JoinColumn({ name: "orderId", foreignKeyConstraintName: "FK_order_address_order" })
  order?: Order;
}
