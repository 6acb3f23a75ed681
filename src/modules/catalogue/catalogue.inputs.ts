import { Field, ID, InputType, Int } from "type-graphql";

@InputType({ description: "One size of a new product, in size-run order" })
export class SizeInput {
  @Field({ description: "Size label, case-sensitive" }) size: string;
  @Field(() => String, { nullable: true, description: "EAN-13 or UPC-A with a valid GS1 check digit" }) barcode?: string | null;
}

@InputType()
export class CreateProductInput {
  @Field() styleNumber: string;
  @Field() colourCode: string;
  @Field() colourName: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) category?: string | null;
  @Field(() => String, { nullable: true }) composition?: string | null;
  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2" }) countryOfOrigin?: string | null;
  @Field({ nullable: true, defaultValue: true }) active?: boolean;
  @Field(() => [SizeInput], { defaultValue: [] }) sizes: SizeInput[];
}

@InputType()
export class UpdateProductInput {
  @Field(() => ID) id: string;
  @Field({ nullable: true }) styleNumber?: string;
  @Field({ nullable: true }) colourCode?: string;
  @Field({ nullable: true }) colourName?: string;
  @Field({ nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) category?: string | null;
  @Field(() => String, { nullable: true }) composition?: string | null;
  @Field(() => String, { nullable: true }) countryOfOrigin?: string | null;
  @Field({ nullable: true }) active?: boolean;
}

@InputType()
export class ProductFilter {
  @Field({ nullable: true, description: "Matches name or style number (contains, case-insensitive)" }) search?: string;
  @Field({ nullable: true }) styleNumber?: string;
  @Field({ nullable: true }) active?: boolean;
  @Field(() => ID, { nullable: true, description: "Only products visible in this season" }) seasonId?: string;
  @Field({ nullable: true }) category?: string;
}

@InputType()
export class UpdateVariantInput {
  @Field(() => ID) id: string;
  @Field({ nullable: true }) size?: string;
  @Field(() => String, { nullable: true, description: "null removes the barcode" }) barcode?: string | null;
  @Field(() => Int, { nullable: true }) position?: number;
}

@InputType()
export class SetProductPriceInput {
  @Field(() => ID) productId: string;
  @Field(() => ID) seasonId: string;
  @Field({ description: "ISO 4217" }) currency: string;
  @Field({ description: 'Decimal string, e.g. "49.50"' }) wholesale: string;
  @Field(() => String, { nullable: true, description: "Decimal string" }) retail?: string | null;
}

@InputType()
export class SetStockLevelInput {
  @Field(() => ID) variantId: string;
  @Field(() => ID) seasonId: string;
  @Field(() => Int, { description: "Available to sell now" }) availableToSell: number;
  @Field(() => Int, { defaultValue: 0, description: "Projected (future) available to sell" }) projected: number;
}

@InputType()
export class SetProductionDocketLineInput {
  @Field(() => ID) productId: string;
  @Field(() => ID) seasonId: string;
  @Field({ description: "Product line start date (ISO 8601)" }) lineStartDate: string;
  @Field(() => Int, { defaultValue: 0 }) quantity: number;
}
