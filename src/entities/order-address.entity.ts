import { Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { IntegerColumn } from "./columns";
import { AddressFields } from "./address-fields";
import { Order } from "./order.entity";

/** A snapshot of an address on an order, so later edits to the customer do not rewrite history. */
@Entity("order_address")
@Index("UQ_order_address_type", ["orderId", "type"], { unique: true })
export class OrderAddress extends AddressFields {
  @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @IntegerColumn() orderId: number;
  @ManyToOne(() => Order, { onDelete: "CASCADE" })
  @JoinColumn({ name: "orderId", foreignKeyConstraintName: "FK_order_address_order" })
  order?: Order;
}
