import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { IntegerColumn, MONEY } from "./columns";
import { Order } from "./order.entity";
import { Variant } from "./variant.entity";

@Entity("order_line")
@Index("IDX_order_line_order", ["orderId"])
@Index("IDX_order_line_variant", ["variantId"])
export class OrderLine {
  @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @IntegerColumn() brandId: number;
  @IntegerColumn() orderId: number;
  @ManyToOne(() => Order, { onDelete: "CASCADE" })
  @JoinColumn({ name: "orderId", foreignKeyConstraintName: "FK_order_line_order" })
  order?: Order;
  @IntegerColumn() variantId: number;
  @ManyToOne(() => Variant, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "variantId", foreignKeyConstraintName: "FK_order_line_variant" })
  variant?: Variant;
  @IntegerColumn() quantity: number;
  @Column(MONEY) unitPrice: string;
}
