import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { Season, User } from "../../../src/plugin";

export enum JoorEnvironmentEnum {
  SANDBOX = "SANDBOX",
  PRODUCTION = "PRODUCTION",
}
registerEnumType(JoorEnvironmentEnum, { name: "JoorEnvironment", description: "Which JOOR environment (fixes the default URLs)" });

export enum JoorConnectionModeEnum {
  NEW_SYSTEM = "NEW_SYSTEM",
  EXISTING_SYSTEM = "EXISTING_SYSTEM",
}
registerEnumType(JoorConnectionModeEnum, {
  name: "JoorConnectionMode",
  description: "NEW_SYSTEM: Selvedge exports everything with barcodes and account codes; EXISTING_SYSTEM: match account codes and barcodes first",
});

@ObjectType({ description: "The JOOR price type used for one currency" })
export class JoorPriceTypeMapping {
  @Field({ description: "ISO 4217" }) currency: string;
  @Field({ description: "JOOR price type name, e.g. EUR-1" }) priceType: string;
}

@InputType()
export class JoorPriceTypeMappingInput {
  @Field() currency: string;
  @Field() priceType: string;
}

@ObjectType({ description: "The brand's JOOR connector settings (secrets are write-only: only whether they are set)" })
export class JoorSettings {
  @Field(() => Season, { nullable: true, description: "Where orders whose season name matches no Selvedge season go" }) importOrderSeason: Season | null;
  @Field({ description: "Imported orders are APPROVED" }) importOrderApproved: boolean;
  @Field(() => User, { nullable: true, description: "Owner of imported orders" }) orderOwner: User | null;
  @Field({ description: "Also export projected (future) available-to-sell stock" }) includeFutureAts: boolean;
  @Field(() => [Season], { description: "Seasons prices are exported from" }) priceSeasons: Season[];
  @Field(() => [Season], { description: "Seasons available-to-sell stock is exported from" }) atsSeasons: Season[];
  @Field(() => JoorEnvironmentEnum) environment: JoorEnvironmentEnum;
  @Field({ description: "Effective token URL (the environment's, or the override)" }) authUrl: string;
  @Field({ description: "Effective v2 base URL" }) v2Url: string;
  @Field({ description: "Effective v4 base URL" }) v4Url: string;
  @Field({ description: "Whether a URL override is set (else the environment's URLs apply)" }) urlsOverridden: boolean;
  @Field(() => String, { nullable: true }) accountId: string | null;
  @Field(() => String, { nullable: true }) clientId: string | null;
  @Field() clientSecretSet: boolean;
  @Field(() => String, { nullable: true }) username: string | null;
  @Field() passwordSet: boolean;
  @Field() v2ApiTokenSet: boolean;
  @Field() immediateWarehouse: string;
  @Field(() => String, { nullable: true }) futureWarehouse: string | null;
  @Field(() => [JoorPriceTypeMapping]) priceTypes: JoorPriceTypeMapping[];
  @Field(() => JoorConnectionModeEnum) connectionMode: JoorConnectionModeEnum;
  @Field({ description: "Every required setting is set (operations can run)" }) complete: boolean;
  @Field(() => [String], { description: "Required settings still missing or invalid" }) missing: string[];
}

@InputType({ description: "Fields to change; an absent field stays, null clears it (back to its default)" })
export class JoorSettingsInput {
  @Field(() => ID, { nullable: true }) importOrderSeasonId?: string | null;
  @Field(() => Boolean, { nullable: true }) importOrderApproved?: boolean | null;
  @Field(() => ID, { nullable: true }) orderOwnerId?: string | null;
  @Field(() => Boolean, { nullable: true }) includeFutureAts?: boolean | null;
  @Field(() => [ID], { nullable: true }) priceSeasonIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) atsSeasonIds?: string[] | null;
  @Field(() => JoorEnvironmentEnum, { nullable: true }) environment?: JoorEnvironmentEnum | null;
  @Field(() => String, { nullable: true, description: "Override of the token URL (null: the environment's)" }) authUrl?: string | null;
  @Field(() => String, { nullable: true }) v2Url?: string | null;
  @Field(() => String, { nullable: true }) v4Url?: string | null;
  @Field(() => String, { nullable: true }) accountId?: string | null;
  @Field(() => String, { nullable: true }) clientId?: string | null;
  @Field(() => String, { nullable: true, description: "Write-only" }) clientSecret?: string | null;
  @Field(() => String, { nullable: true }) username?: string | null;
  @Field(() => String, { nullable: true, description: "Write-only" }) password?: string | null;
  @Field(() => String, { nullable: true, description: "Write-only" }) v2ApiToken?: string | null;
  @Field(() => String, { nullable: true }) immediateWarehouse?: string | null;
  @Field(() => String, { nullable: true }) futureWarehouse?: string | null;
  @Field(() => [JoorPriceTypeMappingInput], { nullable: true }) priceTypes?: JoorPriceTypeMappingInput[] | null;
  @Field(() => JoorConnectionModeEnum, { nullable: true }) connectionMode?: JoorConnectionModeEnum | null;
}

@ObjectType({ description: "One check of testJoorConnection" })
export class JoorConnectionCheck {
  @Field({ description: "credentials, v2Token, priceTypes, currencies, warehouses, settings" }) name: string;
  @Field() ok: boolean;
  @Field({ description: "What was found, in words a brand user understands" }) message: string;
}

@ObjectType({ description: "The result of testJoorConnection" })
export class JoorConnectionTest {
  @Field() ok: boolean;
  @Field({ description: "A one-line summary" }) message: string;
  @Field(() => [JoorConnectionCheck]) checks: JoorConnectionCheck[];
}
