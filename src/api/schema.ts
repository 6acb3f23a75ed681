import "reflect-metadata";
import { GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema, NonEmptyArray, PubSub } from "type-graphql";
import { authChecker } from "./auth-checker";
import { createPubSub } from "@graphql-yoga/subscription";

export interface SchemaOptions {
  /** The core's resolver classes (src/modules/resolvers.ts), passed by the composition root. */
  coreResolvers: readonly Function[];
  /** Resolver classes contributed by plugins. */
  extraResolvers?: Function[];
  /** Extra object types that no resolver returns directly (plugin types). */
  orphanedTypes?: Function[];
  pubSub?: PubSub;
}

/** Builds the executable schema from the core resolvers plus plugin resolvers. */
export function buildAppSchema(options: SchemaOptions): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...options.coreResolvers, ...(options.extraResolvers ?? [])] as NonEmptyArray<Function>,
    orphanedTypes: options.orphanedTypes,
    authChecker,
    validate: false,
    pubSub: options.pubSub ?? createPubSub(),
  });
}

/** The SDL checked in as schema/schema.graphql (sorted, so it diffs cleanly). */
export function printAppSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + "\n";
}
