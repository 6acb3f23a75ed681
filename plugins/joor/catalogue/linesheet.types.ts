import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { PageInfo, Product, ConnectionType } from "../../../src/plugin";

@ObjectType("JoorLinesheet", { description: "A linesheet of the JOOR catalogue (a JOOR collection): name, season, delivery window and ordered products" })
export class JoorLinesheetView {
  @Field(() => ID) id: number;
  @Field() name: string;
  seasonId: number;
  @Field(() => String, { nullable: true, description: "Start ship (YYYY-MM-DD); none = immediate delivery" }) startShip: string | null;
  @Field(() => String, { nullable: true, description: "Complete ship (YYYY-MM-DD)" }) completeShip: string | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

export const JoorLinesheetConnection = ConnectionType(JoorLinesheetView, "JoorLinesheetConnection");

@ObjectType("JoorLinesheetProductEdge")
export class JoorLinesheetProductEdge {
  @Field() cursor: string;
  @Field(() => Int, { description: "Position on the linesheet (1 = first)" }) position: number;
  @Field(() => Product) node: Product;
}

@ObjectType("JoorLinesheetProductConnection", { description: "The linesheet's products in their order" })
export class JoorLinesheetProductConnection {
  @Field(() => [JoorLinesheetProductEdge]) edges: JoorLinesheetProductEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@InputType()
export class CreateJoorLinesheetInput {
  @Field({ description: "Unique in the brand, ≤ 100 characters" }) name: string;
  @Field(() => ID) seasonId: string;
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD; give both dates or neither" }) startShip?: string | null;
  @Field(() => String, { nullable: true }) completeShip?: string | null;
  @Field(() => [ID], { nullable: true, description: "Products, in order" }) productIds?: string[] | null;
}

@InputType()
export class UpdateJoorLinesheetInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => ID, { nullable: true }) seasonId?: string | null;
  @Field(() => String, { nullable: true, description: "null clears (with completeShip: immediate delivery)" }) startShip?: string | null;
  @Field(() => String, { nullable: true }) completeShip?: string | null;
}

@InputType({ description: "Which products to add in bulk (active products; all given conditions apply)" })
export class JoorLinesheetBulkAddInput {
  @Field(() => ID, { nullable: true, description: "Products visible in this season" }) seasonId?: string | null;
  @Field(() => String, { nullable: true, description: "Products of this category (exact)" }) category?: string | null;
}
