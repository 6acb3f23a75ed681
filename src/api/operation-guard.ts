import {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLSchema,
  Kind,
  NoSchemaIntrospectionCustomRule,
  SelectionSetNode,
  ValidationRule,
  parse,
  specifiedRules,
  validate,
} from "graphql";
import { depthRule, estimateCost } from "./query-limits";
import { checkStringLimits } from "./string-limits";

/**
 * The limits every GraphQL operation passes before it runs, whatever the transport (HTTP or graphql-ws) and
 * whoever sends it: document size, token count, aliases, depth, estimated cost, introspection.
 */
export interface OperationLimits {
  maxQueryBytes: number;
  maxQueryTokens: number;
  maxQueryAliases: number;
  maxQueryDepth: number;
  maxQueryCost: number;
  introspection: boolean;
  /** Longest attachProductImage url (a data: URL holds the image). */
  maxImageUrl: number;
}

export function tooLarge(limits: OperationLimits, size: number): GraphQLError {
  return new GraphQLError(`The GraphQL document is too large: ${size} characters, the limit is ${limits.maxQueryBytes}`, {
    extensions: { code: "QUERY_TOO_LARGE", maxQueryBytes: limits.maxQueryBytes, http: { status: 413 } },
  });
}

/** The document size check, done before anything else (even before authentication). */
export function checkDocumentSize(query: unknown, limits: OperationLimits): GraphQLError | null {
  return typeof query === "string" && query.length > limits.maxQueryBytes ? tooLarge(limits, query.length) : null;
}

/** Parses with the token limit; a syntax error comes back as GRAPHQL_PARSE_FAILED. */
export function parseLimited(query: string, limits: OperationLimits): DocumentNode | GraphQLError {
  try {
    return parse(query, { maxTokens: limits.maxQueryTokens });
  } catch (error) {
    const e = error as GraphQLError;
    return new GraphQLError(e.message, {
      nodes: e.nodes,
      source: e.source,
      positions: e.positions,
      extensions: { code: "GRAPHQL_PARSE_FAILED", http: { status: 400 } },
    });
  }
}

/**
 * Counts aliased fields as they would be executed: a fragment counts each time it is spread. Runs before
 * validation, whose overlapping-fields rule is quadratic in the number of fields with the same response name.
 */
export function countAliases(document: DocumentNode, stopAt = Infinity): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const inFragment = (name: string): number => {
    if (memo.has(name)) return memo.get(name)!;
    const f = fragments.get(name);
    if (!f || visiting.has(name)) return 0; // unknown or cyclic: validation reports it
    visiting.add(name);
    const n = inSelections(f.selectionSet);
    visiting.delete(name);
    memo.set(name, n);
    return n;
  };
  const inSelections = (set: SelectionSetNode | undefined): number => {
    if (!set) return 0;
    let n = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) n += (sel.alias ? 1 : 0) + inSelections(sel.selectionSet);
      else if (sel.kind === Kind.INLINE_FRAGMENT) n += inSelections(sel.selectionSet);
      else n += inFragment(sel.name.value);
      if (n > stopAt) return n;
    }
    return n;
  };
  let total = 0;
  for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION) total += inSelections(d.selectionSet);
  return total;
}

export function checkAliases(document: DocumentNode, limits: OperationLimits): GraphQLError | null {
  const aliases = countAliases(document, limits.maxQueryAliases);
  if (aliases <= limits.maxQueryAliases) return null;
  return new GraphQLError(`The operation has too many aliased fields (more than ${limits.maxQueryAliases})`, {
    extensions: { code: "QUERY_TOO_COMPLEX", maxQueryAliases: limits.maxQueryAliases, http: { status: 400 } },
  });
}

/** Validation rules added to graphql-js's own, on every transport. */
export function extraValidationRules(limits: OperationLimits): ValidationRule[] {
  return [depthRule(limits.maxQueryDepth), ...(limits.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
}

export interface CheckedOperation {
  document: DocumentNode;
}

/**
 * Every check of a document that graphql-ws needs (Apollo does the same steps in its own pipeline over HTTP,
 * with the same rules): size, parse with the token limit, aliases, validation (depth, introspection), cost.
 */
export function checkOperation(
  schema: GraphQLSchema,
  request: { query: unknown; operationName?: string | null; variables?: Record<string, unknown> | null },
  limits: OperationLimits,
): CheckedOperation | readonly GraphQLError[] {
  if (typeof request.query !== "string") return [new GraphQLError("The operation has no query document", { extensions: { code: "BAD_REQUEST" } })];
  const size = checkDocumentSize(request.query, limits);
  if (size) return [size];
  const document = parseLimited(request.query, limits);
  if (document instanceof GraphQLError) return [document];
  const aliases = checkAliases(document, limits);
  if (aliases) return [aliases];
  const invalid = validate(schema, document, [...specifiedRules, ...extraValidationRules(limits)]);
  if (invalid.length) return invalid.map((e) => withCode(e, "GRAPHQL_VALIDATION_FAILED"));
  try {
    estimateCost(schema, document, request.operationName ?? undefined, request.variables ?? {}, limits.maxQueryCost);
  } catch (error) {
    return [error as GraphQLError];
  }
  const long = checkStringLimits(schema, document, request.variables ?? {}, limits);
  if (long) return [long];
  return { document };
}

function withCode(e: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(e.message, {
    nodes: e.nodes,
    source: e.source,
    positions: e.positions,
    originalError: e.originalError,
    extensions: { ...e.extensions, code },
  });
}
