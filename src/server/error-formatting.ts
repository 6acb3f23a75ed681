import { GraphQLError, GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import type { Logger } from "pino";

const PUBLIC_CODES = new Set([
  "BAD_USER_INPUT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "QUERY_TOO_COMPLEX",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "QUERY_TOO_LARGE",
]);

/** Known errors pass through; anything unexpected is logged and reported without internals. */
export function makeErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === "string" && PUBLIC_CODES.has(code)) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      if (code === "BAD_USER_INPUT" && extensions.field === undefined) {
        const field = variableErrorField(formatted.message);
        if (field) extensions.field = field;
      }
      return { ...formatted, extensions };
    }
    // Apollo's and graphql-js's own request errors (a persisted-query hash that does not match, a bad
    // request shape) carry no code and were not thrown by our code: they are the client's, keep their message.
    if (isRequestError(formatted, error)) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code: "BAD_REQUEST" } };
    }
    logger.error({ err: unwrapResolverError(error), path: formatted.path }, "unexpected error in GraphQL operation");
    return { message: "Internal server error", path: formatted.path, locations: formatted.locations, extensions: { code: "INTERNAL_SERVER_ERROR" } };
  };
}

function isRequestError(formatted: GraphQLFormattedError, error: unknown): boolean {
  return error instanceof GraphQLError && formatted.path === undefined && error.originalError == null && error.extensions?.code === undefined;
}

/** `Variable "$input" got invalid value 1.5 at "input.lines[0].quantity"; …` → "lines[0].quantity" (or the variable). */
export function variableErrorField(message: string): string | null {
  const match = /^Variable "\$(\w+)" got invalid value .*? at "([^"]+)"/s.exec(message);
  if (match) return match[2].startsWith(`${match[1]}.`) ? match[2].slice(match[1].length + 1) : match[2];
  const plain = /^Variable "\$(\w+)"/.exec(message);
  return plain ? plain[1] : null;
}
