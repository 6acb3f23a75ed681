import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { IntegerColumn, UpdatedAt, Varchar } from "../entities/columns";

/** A brand's settings of one connector: JSON, with secret fields encrypted (AES-256-GCM). */
@Entity("connector_settings")
@Index("UQ_connector_settings", ["brandId", "connector"], { unique: true })
export class ConnectorSettings {
  @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @IntegerColumn() brandId: number;
  @Varchar(64) connector: string;
  @Column({ type: "text" }) valuesJson: string;
  @UpdatedAt() updatedAt: Date;
}
