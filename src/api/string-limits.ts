import {
  DocumentNode,
  GraphQLError,
  GraphQLInputType,
  GraphQLSchema,
  Kind,
  TypeInfo,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
} from "graphql";

/**
 * The longest string any input may carry, checked on every operation before a resolver (and so the
 * database) sees it — a backstop under each service's own rules, which are often tighter (a name 200, an
 * account code 50). Documented in README ("Input limits").
 */
export const DEFAULT_MAX_STRING = 1_000;
/** Inputs named like this may be longer (free text) or must be shorter (search text). */
export const MAX_STRING_BY_NAME: Readonly<Record<string, number>> = { description: 10_000, notes: 10_000, search: 200 };
/** Each string inside a JSON value (connector setting values). */
export const MAX_JSON_STRING = 10_000;

export interface StringLimitOptions {
  /** Longest `url` argument of attachProductImage (a data: URL carries the whole image, base64). */
  maxImageUrl: number;
}

export function maxImageUrlLength(maxImageBytes: number): number {
  return Math.ceil(maxImageBytes / 3) * 4 + 256;
}

/** Walks every argument of the operation with its coerced shape; the first string over its limit is refused. */
export function checkStringLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  options: StringLimitOptions,
): GraphQLError | null {
  const typeInfo = new TypeInfo(schema);
  let problem: GraphQLError | null = null;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        if (problem) return false;
        const arg = typeInfo.getArgument();
        const field = typeInfo.getFieldDef();
        if (!arg || !field) return false;
        const value = node.value.kind === Kind.VARIABLE ? variables[node.value.name.value] : valueFromASTUntyped(node.value, variables);
        const limit = field.name === "attachProductImage" && arg.name === "url" ? options.maxImageUrl : undefined;
        // Paths as in the rest of the API: fields of `input` without the prefix, other arguments with their name.
        const inner = isInputObjectType(getNamedType(arg.type)) && arg.name === "input";
        problem = walk(arg.type, value, inner ? "" : arg.name, arg.name, limit);
        return false;
      },
    }),
  );
  return problem;
}

function walk(type: GraphQLInputType, value: unknown, path: string, name: string, override?: number): GraphQLError | null {
  if (value === null || value === undefined) return null;
  const t = getNullableType(type);
  if (isListType(t)) {
    if (!Array.isArray(value)) return walk(t.ofType, value, path, name, override);
    for (let i = 0; i < value.length; i++) {
      const e = walk(t.ofType, value[i], `${path}[${i}]`, name, override);
      if (e) return e;
    }
    return null;
  }
  if (isInputObjectType(t)) {
    if (typeof value !== "object") return null;
    const fields = t.getFields();
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const f = Object.hasOwn(fields, key) ? fields[key] : undefined;
      if (!f) continue; // unknown fields are refused by coercion
      const e = walk(f.type, v, path ? `${path}.${key}` : key, key);
      if (e) return e;
    }
    return null;
  }
  if (isScalarType(t)) {
    if (t.name === "String" || t.name === "ID") {
      const max = override ?? MAX_STRING_BY_NAME[name] ?? DEFAULT_MAX_STRING;
      return typeof value === "string" && value.length > max ? tooLong(path, max) : null;
    }
    if (t.name === "JSON" || t.name === "JSONObject") return walkJson(value, path, 0);
  }
  return null;
}

function walkJson(value: unknown, path: string, depth: number): GraphQLError | null {
  if (typeof value === "string") return value.length > MAX_JSON_STRING ? tooLong(path, MAX_JSON_STRING) : null;
  if (depth > 20 || value === null || typeof value !== "object") return null;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const e = walkJson(v, Array.isArray(value) ? `${path}[${k}]` : `${path}.${k}`, depth + 1);
    if (e) return e;
  }
  return null;
}

function tooLong(field: string, max: number): GraphQLError {
  return new GraphQLError(`${field}: must be at most ${max} characters`, {
    extensions: { code: "BAD_USER_INPUT", field, maxLength: max, http: { status: 400 } },
  });
}

/** Apollo plugin: the same check over HTTP, after Apollo resolved the operation and before it runs. */
export function stringLimitsPlugin(schema: GraphQLSchema, options: StringLimitOptions): import("@apollo/server").ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const problem = checkStringLimits(schema, document, request.variables ?? {}, options);
          if (problem) throw problem;
        },
      };
    },
  };
}
