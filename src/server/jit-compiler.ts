import { DocumentNode, ExecutionArgs, ExecutionResult, GraphQLError, GraphQLSchema, OperationDefinitionNode, execute, getOperationAST } from "graphql";
import { CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import { withInputDefaults } from "./input-defaults";

const MAX_COMPILED = 500;

/**
 * graphql-jit compilation shared by both transports (Apollo over HTTP, graphql-ws): each operation is compiled
 * once to plain JavaScript and kept in a bounded cache (oldest entry dropped first). graphql-jit differs from
 * graphql-js in two details that are handled here and in the schema: input-object defaults of variables are
 * filled in (withInputDefaults), and union `resolveType` must be synchronous (README pitfall 8).
 */
export class JitCompiler {
  private readonly compiled = new Map<string, CompiledQuery>();

  constructor(private readonly schema: GraphQLSchema) {}

  /** The compiled operation, or the errors graphql-jit found while compiling (client errors). */
  compile(key: string, document: DocumentNode, operationName: string | null | undefined): CompiledQuery | { errors: GraphQLError[] } {
    const cacheKey = `${key}\u0000${operationName ?? ""}`;
    const hit = this.compiled.get(cacheKey);
    if (hit) return hit;
    const result = compileQuery(this.schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
    if (!isCompiledQuery(result)) return { errors: asClientErrors(result.errors) };
    if (this.compiled.size >= MAX_COMPILED) this.compiled.delete(this.compiled.keys().next().value!);
    this.compiled.set(cacheKey, result);
    return result;
  }

  variables(operation: OperationDefinitionNode, variables: Record<string, unknown> | null | undefined): Record<string, unknown> {
    return withInputDefaults(this.schema, operation, variables ?? {});
  }

  /**
   * `execute` for graphql-ws (queries and mutations sent over the socket): the same compiled code as over
   * HTTP. Subscriptions stay on graphql-js's `subscribe`: graphql-jit 0.8.9 hands a subscription field's
   * `subscribe` the operation's variables instead of the field's arguments (`jobFeed(connector: "x")` would
   * lose its filter). A document without its source text (no cache key) also falls back to graphql-js.
   */
  wsExecute(): (args: ExecutionArgs) => Promise<ExecutionResult> | ExecutionResult {
    return (args) => {
      const body = args.document.loc?.source.body;
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      if (body === undefined || !operation) return execute(args);
      const query = this.compile(body, args.document, args.operationName);
      if (!isCompiledQuery(query)) return query;
      return clientErrorsFirst(query.query(args.rootValue, args.contextValue, this.variables(operation, args.variableValues as Record<string, unknown>)));
    };
  }
}

/** Errors raised before any field ran (variable coercion) are the client's. */
export function clientErrorsFirst<T extends ExecutionResult>(result: T | Promise<T>): T | Promise<T> {
  const fix = (r: T): T => (r.errors && r.data === undefined ? { ...r, errors: asClientErrors(r.errors) } : r);
  return result instanceof Promise ? result.then(fix) : fix(result);
}

export function asClientErrors(errors: readonly GraphQLError[] | undefined): GraphQLError[] {
  return (errors ?? []).map((e) =>
    e.extensions?.code
      ? e
      : new GraphQLError(e.message, { nodes: e.nodes, path: e.path, originalError: e.originalError, extensions: { ...e.extensions, code: "BAD_USER_INPUT" } }),
  );
}
