import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { InboundOrderState } from "../entities/joor-inbound-order.entity";

export enum JoorInboundOrderStateEnum {
  STAGED = "STAGED",
  IMPORTED = "IMPORTED",
  HELD = "HELD",
  DISMISSED = "DISMISSED",
}
registerEnumType(JoorInboundOrderStateEnum, {
  name: "JoorInboundOrderState",
  description: "STAGED: pulled, not yet imported; IMPORTED; HELD: cannot be imported as it is (see reasons); DISMISSED by a person",
});

@ObjectType({ description: "Why an inbound JOOR order is held (or a warning on an imported one)" })
export class JoorInboundOrderReason {
  @Field({
    description:
      "UNKNOWN_CUSTOMER, INACTIVE_CUSTOMER, UNKNOWN_BARCODE, BAD_QUANTITY, MISSING_FIELD, INVALID_FIELD, FIELD_TOO_LONG, UNKNOWN_CURRENCY, TOTAL_MISMATCH, …",
  })
  code: string;
  @Field() message: string;
  @Field(() => String, { nullable: true, description: "The JOOR field at fault, e.g. customer_code or line_items[2].item_upc" })
  field: string | null;
  @Field(() => Int, { nullable: true, description: "1-based position of the JOOR line at fault" })
  line: number | null;
}

@ObjectType("JoorInboundOrder", { description: "An order pulled from JOOR, staged before import (raw payload kept)" })
export class JoorInboundOrderType {
  @Field(() => ID) id: number;
  @Field({ description: "JOOR's order id" }) joorOrderId: string;
  @Field(() => JoorInboundOrderStateEnum) state: InboundOrderState;
  @Field(() => String, { nullable: true, description: "JOOR's customer code as sent" }) customerCode: string | null;
  @Field({ description: "The raw JSON of the order as JOOR first sent it" }) payload: string;
  @Field(() => String, { nullable: true, description: "JOOR's latest JSON when it changed after the import or a dismissal" })
  latestPayload: string | null;
  @Field(() => [JoorInboundOrderReason], { description: "Every reason it is held (or warnings of the import)" }) reasons: JoorInboundOrderReason[];
  @Field(() => [String], { description: "Changes JOOR reported after the import (not applied)" }) changes: string[];
  @Field(() => Int) attempts: number;
  @Field() pulledAt: Date;
  @Field(() => Date, { nullable: true }) importedAt: Date | null;
  @Field(() => Date, { nullable: true }) heldAt: Date | null;
  @Field(() => Date, { nullable: true }) dismissedAt: Date | null;
  @Field(() => String, { nullable: true }) dismissReason: string | null;
  @Field(() => Date, { nullable: true }) platformModifiedAt: Date | null;
  /** Not exposed directly: the `order` field resolves it. */
  orderId: number | null;
}

@InputType()
export class JoorInboundOrderFilter {
  @Field(() => [JoorInboundOrderStateEnum], { nullable: true }) states?: JoorInboundOrderStateEnum[];
  @Field(() => String, { nullable: true, description: "Only orders with this reason code" }) reason?: string;
  @Field(() => String, { nullable: true }) joorOrderId?: string;
  @Field(() => String, { nullable: true }) customerCode?: string;
}

@ObjectType({ description: "What a retry of held orders did" })
export class JoorInboundRetryResult {
  @Field(() => Int) tried: number;
  @Field(() => Int) imported: number;
  @Field(() => Int) held: number;
  @Field(() => Int) alreadyPresent: number;
}
