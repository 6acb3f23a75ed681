import { GraphQLSchema } from "graphql";
import { defaultPluginSpecs } from "../plugin/plugin-discovery";
import { PluginRegistry } from "../plugin/plugin-registry";
import { coreResolvers } from "../modules/resolvers";
import { buildAppSchema } from "../api/schema";

/**
 * The schema exactly as `npm start` serves it with its default plugins (what schema/schema.graphql records).
 * Here, not in src/api: it composes the core modules' resolvers with the plugins', as bootstrap.ts does.
 */
export function buildFullSchema(): Promise<GraphQLSchema> {
  const plugins = PluginRegistry.load(defaultPluginSpecs());
  return buildAppSchema({ coreResolvers, extraResolvers: plugins.resolvers(), orphanedTypes: plugins.types() });
}
