import { Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { IntegerColumn, MONEY } from "./columns";
import { Order } from "./order.entity";
import { Variant } from "./variant.entity";
import { BrandOwnedEntity } from "./brand-owned.entity";

@ObjectType({ description: "One SKU on a sales order" })
@Entity("order_line")
@Index("IDX_order_line_order", ["orderId"])
@Index("IDX_order_line_variant", ["variantId"])
export class OrderLine extends BrandOwnedEntity {
  @IntegerColumn() orderId: number;
  @ManyToOne(() => Order, { onDelete: "CASCADE" })
  @JoinColumn({ name: "orderId", foreignKeyConstraintName: "FK_order_line_order" })
  order?: Order;
  @IntegerColumn() variantId: number;
  @ManyToOne(() => Variant, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "variantId", foreignKeyConstraintName: "FK_order_line_variant" })
  variant?: Variant;
  @Field(() => Int) @IntegerColumn() quantity: number;
  /** Stored with 4 decimals; the GraphQL field (order-line.resolver.ts) shows it in the order's currency. */
  @Column(MONEY) unitPrice: string;
  /** Discount amount on the whole line (4 decimals), taken off quantity × unitPrice; null = none. */
  @Column({ ...MONEY, nullable: true }) discount: string | null;
  /** Not stored: the order's currency, set when lines are loaded through their order (for formatting money). */
  currency?: string;
}
