import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { IntegerColumn, NullableDateTime, UpdatedAt, Varchar } from "../../../src/plugin";

/** What JOOR last said about a record: ACCEPTED (payloadHash is what it accepted), FAILED (message says why), REMOVED. */
export type JoorSyncStatus = "ACCEPTED" | "FAILED" | "REMOVED";

/**
 * The sync ledger: one row per brand + connector + record kind + Selvedge key (a customer id, a product id,
 * a variant id, a linesheet id, a season id …). It keeps the JOOR id(s), the hash of the last payload JOOR
 * accepted, when it was sent, and JOOR's last answer. Every outbound operation reads it to send only what
 * changed and writes it after JOOR answered. Kinds in use: see `JoorRecordKind` (ledger/kinds.ts).
 */
@Entity("joor_sync_record")
@Index("UQ_joor_sync_record_key", ["brandId", "connector", "kind", "recordKey"], { unique: true })
@Index("IDX_joor_sync_record_joor_id", ["brandId", "kind", "joorId"])
export class JoorSyncRecord {
  @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @IntegerColumn() brandId: number;
  @Varchar(32) connector: string;
  @Varchar(32) kind: string;
  /** The Selvedge key (e.g. the customer id as a string). */
  @Varchar(191) recordKey: string;
  /** A human label (account code, style-colour, barcode …) for the ledger view. */
  @Varchar(255, { nullable: true }) label: string | null;
  /** JOOR's id of the record (connection id, product id, SKU id, collection id, season id …). */
  @Varchar(191, { nullable: true }) joorId: string | null;
  /** Further JOOR ids when one Selvedge record maps to several (JSON object). */
  @Column({ type: "text", nullable: true }) joorIdsJson: string | null;
  /** sha256 of the last payload JOOR accepted (null until it accepted one). */
  @Varchar(64, { nullable: true }) payloadHash: string | null;
  /** When the payload was last sent to JOOR (accepted or not). */
  @NullableDateTime() sentAt: Date | null;
  @Varchar(16) status: JoorSyncStatus;
  /** JOOR's last answer: its per-item error text, or null when it accepted. */
  @Column({ type: "text", nullable: true }) message: string | null;
  @UpdatedAt() updatedAt: Date;
}
