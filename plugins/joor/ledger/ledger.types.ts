import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { ConnectionType, PageArgs } from "../../../src/plugin";
import { JOOR_RECORD_KINDS } from "./kinds";

/** GraphQL enum of the ledger's record kinds (ledger/kinds.ts). */
export const JoorRecordKindEnum = Object.fromEntries(Object.keys(JOOR_RECORD_KINDS).map((k) => [k, k])) as Record<keyof typeof JOOR_RECORD_KINDS, string>;
registerEnumType(JoorRecordKindEnum, { name: "JoorRecordKind", description: "What a sync-ledger row is about" });

export enum JoorSyncStatusEnum {
  ACCEPTED = "ACCEPTED",
  FAILED = "FAILED",
  REMOVED = "REMOVED",
}
registerEnumType(JoorSyncStatusEnum, { name: "JoorSyncStatus", description: "JOOR's last answer about a record" });

@ObjectType({ description: "What JOOR has of one Selvedge record: its JOOR id, when it was sent and what JOOR said" })
export class JoorSyncRecordView {
  @Field(() => ID) id: number;
  @Field(() => String) kind: string;
  @Field({ description: "The Selvedge key (e.g. the customer id)" }) key: string;
  @Field(() => String, { nullable: true, description: "Account code, style-colour, barcode…" }) label: string | null;
  @Field(() => String, { nullable: true }) joorId: string | null;
  @Field(() => GraphQLJSON, { nullable: true, description: "Further JOOR ids" }) joorIds: unknown;
  @Field(() => String, { nullable: true, description: "sha256 of the payload JOOR last accepted" }) payloadHash: string | null;
  @Field(() => Date, { nullable: true }) sentAt: Date | null;
  @Field(() => JoorSyncStatusEnum) status: string;
  @Field(() => String, { nullable: true, description: "JOOR's per-item error text when it refused" }) message: string | null;
  @Field() updatedAt: Date;
}

export const JoorSyncRecordConnection = ConnectionType(JoorSyncRecordView, "JoorSyncRecordConnection");

@InputType()
export class JoorSyncRecordFilter {
  @Field(() => JoorSyncStatusEnum, { nullable: true }) status?: string | null;
  @Field(() => String, { nullable: true, description: "Exact Selvedge key" }) key?: string | null;
  @Field(() => String, { nullable: true, description: "Exact JOOR id" }) joorId?: string | null;
  @Field(() => String, { nullable: true, description: "Label starts with" }) labelPrefix?: string | null;
}

@ArgsType()
export class JoorSyncRecordArgs extends PageArgs {
  @Field(() => JoorRecordKindEnum) kind: string;
  @Field(() => JoorSyncRecordFilter, { nullable: true }) filter?: JoorSyncRecordFilter | null;
}
