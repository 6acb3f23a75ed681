import { Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { BoolColumn, CreatedAt, Varchar } from "./columns";
import { RoleEnum } from "../api/enums";
import { Brand } from "./brand.entity";
import { BrandOwnedEntity } from "./brand-owned.entity";

export type Role = "ADMIN" | "EDITOR" | "VIEWER";

@ObjectType()
@Entity("user")
@Index("UQ_user_brand_email", ["brandId", "email"], { unique: true })
export class User extends BrandOwnedEntity {
  @ManyToOne(() => Brand, { onDelete: "CASCADE" })
  @JoinColumn({ name: "brandId", foreignKeyConstraintName: "FK_user_brand" })
  brand?: Brand;
  @Field() @Varchar(200) name: string;
  /** GraphQL field in identity.resolver.ts (UserFieldsResolver): only ADMINs and the user themself see it. */
  @Varchar(254) email: string;
  @Field(() => RoleEnum) @Varchar(16) role: Role;
  @Field() @BoolColumn(true) active: boolean;
  @Field() @CreatedAt() createdAt: Date;
}
