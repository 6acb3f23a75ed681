import { Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { CreatedAt, IntegerColumn, NullableDateTime, Varchar } from "./columns";
import { User } from "./user.entity";
import { BrandOwnedEntity } from "./brand-owned.entity";

/** A bearer token. Only its SHA-256 hash is stored; the token itself is shown once. */
@ObjectType({ description: "A bearer token (its secret is shown only once, when created)" })
@Entity("api_token")
@Index("IDX_api_token_brand", ["brandId"])
export class ApiToken extends BrandOwnedEntity {
  @IntegerColumn() userId: number;
  @ManyToOne(() => User, { onDelete: "CASCADE" })
  @JoinColumn({ name: "userId", foreignKeyConstraintName: "FK_api_token_user" })
  user?: User;
  @Field() @Varchar(100) name: string;
  @Index("UQ_api_token_hash", { unique: true })
  @Varchar(64)
  tokenHash: string;
  /** The first characters of the token, to recognise it in listings. */
  @Field() @Varchar(16) prefix: string;
  @Field() @CreatedAt() createdAt: Date;
  @Field(() => Date, { nullable: true }) @NullableDateTime() lastUsedAt: Date | null;
  @Field(() => Date, { nullable: true }) @NullableDateTime() revokedAt: Date | null;
}
