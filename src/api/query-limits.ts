import { ApolloServerPlugin } from "@apollo/server";
import { DocumentNode, GraphQLError, GraphQLSchema, ValidationRule, getNullableType, isListType } from "graphql";
import depthLimit from "graphql-depth-limit";
import { ComplexityEstimator, getComplexity, simpleEstimator } from "graphql-query-complexity";

/** Lists cost their page size times their children: `products(first: 100) { variants {…} }` ≈ 100 × children. */
const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args.first === "number" ? args.first : undefined;
  return first === undefined ? undefined : 1 + first * Math.max(childComplexity, 1);
};

/**
 * Nested lists without a page size (variants of a product) are assumed to hold about 10 items.
 * A connection's `edges` are already counted by its page size.
 */
const listEstimator: ComplexityEstimator = ({ field, childComplexity }) =>
  field.name !== "edges" && isListType(getNullableType(field.type)) ? 1 + 10 * Math.max(childComplexity, 1) : undefined;

export function depthRule(maxDepth: number): ValidationRule {
  return depthLimit(maxDepth) as ValidationRule;
}

/**
 * Estimates an operation's cost and throws QUERY_TOO_COMPLEX (HTTP 400) above the limit. Variables that do not
 * fit their types are the client's error: BAD_USER_INPUT with HTTP 400, like execution would report them.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
  maxCost: number,
): number {
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      operationName,
      variables,
      estimators: [pageSizeEstimator, listEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    throw new GraphQLError(error instanceof Error ? error.message : String(error), { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
  }
  if (cost > maxCost) {
    throw new GraphQLError(`Query is too expensive: cost ${cost} exceeds the limit of ${maxCost}. Ask for smaller pages or fewer nested lists.`, {
      extensions: { code: "QUERY_TOO_COMPLEX", cost, maxCost, http: { status: 400 } },
    });
  }
  return cost;
}

const ACCEPTED_KEPT = 500;
const MAX_KEYED_VARIABLES = 1024;

/**
 * Refuses operations whose estimated cost exceeds the limit, before anything runs (Apollo, over HTTP). The cost
 * depends only on the document, the operation and the variables, so operations already accepted with the same
 * (small) variables are remembered (bounded, oldest dropped first) and not estimated again on every request.
 */
export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  const accepted = new Set<string>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, queryHash }) {
          const variables = request.variables ?? {};
          const json = JSON.stringify(variables);
          const key = json.length <= MAX_KEYED_VARIABLES ? `${queryHash}\u0000${request.operationName ?? ""}\u0000${json}` : undefined;
          if (key !== undefined && accepted.has(key)) return;
          estimateCost(schema, document, request.operationName ?? undefined, variables, maxCost);
          if (key === undefined) return;
          if (accepted.size >= ACCEPTED_KEPT) accepted.delete(accepted.values().next().value!);
          accepted.add(key);
        },
      };
    },
  };
}
