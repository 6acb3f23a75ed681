import { Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAt, DateOnly, IntegerColumn, UpdatedAt, Varchar } from "../../../src/plugin";

/** A linesheet of the JOOR catalogue (a JOOR collection): a name, a season and a delivery window. */
@Entity("joor_linesheet")
@Index("UQ_joor_linesheet_brand_name", ["brandId", "name"], { unique: true })
export class JoorLinesheet {
  @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @IntegerColumn() brandId: number;
  @Varchar(100) name: string;
  @IntegerColumn() seasonId: number;
  /** Start ship (YYYY-MM-DD); null with completeShip null = IMMEDIATE delivery. */
  @DateOnly({ nullable: true }) startShip: string | null;
  @DateOnly({ nullable: true }) completeShip: string | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
