import { Entity, Index, PrimaryGeneratedColumn, Column } from "typeorm";
import { CreatedAt, Varchar } from "./columns";

/** A tenant. Every other record belongs to exactly one brand. */
@Entity("brand")
export class Brand {
  @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @Varchar(200) name: string;
  @Index("UQ_brand_slug", { unique: true })
  @Varchar(64)
  slug: string;
  /** Optional add-ons the brand has enabled ("inventory", "joor", …). */
  @Column({ type: "simple-json" }) modules: string[];
  @CreatedAt() createdAt: Date;
}
