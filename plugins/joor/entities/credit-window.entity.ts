import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Varchar } from "../../../src/plugin";

/** The shared JOOR credit budget without Redis: one row per JOOR account (client/credit-budget.ts). */
@Entity("joor_credit_window")
@Index("UQ_joor_credit_window_account", ["accountKey"], { unique: true })
export class JoorCreditWindow {
  @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  /** The JOOR account (v4 host + account id). */
  @Varchar(191) accountKey: string;
  /** Credits spent within the last window: JSON [[epoch ms, credits], …], oldest first. */
  @Column({ type: "text", nullable: true }) spendsJson: string | null;
  /** After a 429: no credits until then (epoch ms, as text: wider than a 32-bit integer). */
  @Varchar(20, { nullable: true }) blockedUntilMs: string | null;
}
