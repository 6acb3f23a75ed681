import { Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { IntegerColumn, Varchar } from "../../../src/entities/columns";

/** The shared JOOR credit budget without Redis: one row per JOOR account (client/credit-budget.ts). */
@Entity("joor_credit_window")
@Index("UQ_joor_credit_window_account", ["accountKey"], { unique: true })
export class JoorCreditWindow {
  @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  /** The JOOR account (v4 URL + account id). */
  @Varchar(191) accountKey: string;
  /** Start of the current window, epoch milliseconds (as text: wider than a 32-bit integer). */
  @Varchar(20) windowStartMs: string;
  /** Credits spent in the current window. */
  @IntegerColumn() used: number;
}
