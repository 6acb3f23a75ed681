import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAt, IntegerColumn, NullableDateTime, UpdatedAt, Varchar, Order, LongText } from "../../../src/plugin";
import { payloadTransformer } from "../orders/payload-codec";

export type InboundOrderState = "STAGED" | "IMPORTED" | "HELD" | "DISMISSED";
export const INBOUND_ORDER_STATES: InboundOrderState[] = ["STAGED", "IMPORTED", "HELD", "DISMISSED"];

/**
 * One raw order as JOOR sent it, staged before it is imported (JOOR marks orders exported as it returns them, so
 * the raw payload is kept first). Unique per brand + connector + JOOR order id. The GraphQL type is
 * api/inbound-order.types.ts.
 */
@Entity("joor_inbound_order")
@Index("UQ_joor_inbound_order_key", ["brandId", "connector", "externalOrderId"], { unique: true })
@Index("IDX_joor_inbound_order_state", ["brandId", "state"])
export class JoorInboundOrder {
  @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @IntegerColumn() brandId: number;
  @Varchar(40) connector: string;
  @Varchar(64) externalOrderId: string;
  @Varchar(16) state: InboundOrderState;
  /** The raw JSON of the order as first pulled (stored compressed when large: orders/payload-codec.ts; read back as the JSON). */
  @LongText({ transformer: payloadTransformer }) payload: string;
  /** The raw JSON JOOR sent last, when it differs from `payload` (modified after import, or after a dismissal). */
  @LongText({ nullable: true, transformer: payloadTransformer }) latestPayload: string | null;
  /** JSON list of InboundReason while HELD (or the warnings of an import, e.g. a total mismatch). */
  @LongText({ nullable: true }) reasons: string | null;
  /** ",CODE,CODE," for filtering by reason. */
  @Varchar(400, { nullable: true }) reasonCodes: string | null;
  @Varchar(50, { nullable: true }) customerCode: string | null;
  @IntegerColumn({ nullable: true }) orderId: number | null;
  @ManyToOne(() => Order, { onDelete: "SET NULL" })
  @JoinColumn({ name: "orderId", foreignKeyConstraintName: "FK_joor_inbound_order_order" })
  order?: Order;
  @IntegerColumn({ default: 0 }) attempts: number;
  /** Bumped whenever the payload to import is replaced (a newer JOOR version): an import of an older one is void. */
  @IntegerColumn({ default: 0 }) version: number;
  @Column({ type: "datetime" }) pulledAt: Date;
  @NullableDateTime() importedAt: Date | null;
  @NullableDateTime() heldAt: Date | null;
  @NullableDateTime() dismissedAt: Date | null;
  @Varchar(500, { nullable: true }) dismissReason: string | null;
  /** JOOR's date_modified of a change reported after the import. */
  @NullableDateTime() platformModifiedAt: Date | null;
  /** JSON list of the changes JOOR reported after the import (order-changes.ts). */
  @LongText({ nullable: true }) changes: string | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
