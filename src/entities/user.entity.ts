import { Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { BoolColumn, CreatedAt, IntegerColumn, Varchar } from "./columns";
import { Brand } from "./brand.entity";

export type Role = "ADMIN" | "EDITOR" | "VIEWER";

@Entity("user")
@Index("UQ_user_brand_email", ["brandId", "email"], { unique: true })
export class User {
  @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @IntegerColumn() brandId: number;
  @ManyToOne(() => Brand, { onDelete: "CASCADE" })
  @JoinColumn({ name: "brandId", foreignKeyConstraintName: "FK_user_brand" })
  brand?: Brand;
  @Varchar(200) name: string;
  @Varchar(254) email: string;
  @Varchar(16) role: Role;
  @BoolColumn(true) active: boolean;
  @CreatedAt() createdAt: Date;
}
