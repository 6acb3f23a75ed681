import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { IntegerColumn, UpdatedAt, Varchar } from "../../entities/columns";

/** A connector's persisted sync state for one brand (cursors, hashes): what makes re-runs incremental. */
@Entity("sync_state")
@Index("UQ_sync_state_key", ["brandId", "connector", "key"], { unique: true })
export class SyncState {
  @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @IntegerColumn() brandId: number;
  @Varchar(64) connector: string;
  @Varchar(191) key: string;
  /** JSON. */
  @Column({ type: "text" }) value: string;
  @UpdatedAt() updatedAt: Date;
}
