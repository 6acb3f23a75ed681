import { GraphQLSchema } from "graphql";
import { buildAppSchema } from "./schema";

/** The schema exactly as `npm start` serves it with its default plugins (what schema/schema.graphql records). */
export function buildFullSchema(): Promise<GraphQLSchema> {
  return buildAppSchema();
}
