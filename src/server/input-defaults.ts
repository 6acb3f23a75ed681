import { GraphQLInputType, GraphQLSchema, OperationDefinitionNode, getNullableType, isInputObjectType, isListType, typeFromAST } from "graphql";

/**
 * Fills the default values of input-object fields that the client's variables leave out, as graphql-js does
 * during variable coercion (graphql-jit does not). Scalars are left untouched (no double coercion).
 */
export function withInputDefaults(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...variables };
  for (const def of operation.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    const type = typeFromAST(schema, def.type as never) as GraphQLInputType | undefined;
    if (type && out[name] !== undefined && out[name] !== null) out[name] = fill(type, out[name]);
  }
  return out;
}

function fill(type: GraphQLInputType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  const inner = getNullableType(type);
  if (isListType(inner))
    return Array.isArray(value) ? value.map((v) => fill(inner.ofType as GraphQLInputType, v)) : fill(inner.ofType as GraphQLInputType, value);
  if (isInputObjectType(inner) && typeof value === "object" && !Array.isArray(value)) {
    const obj: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const field of Object.values(inner.getFields())) {
      if (obj[field.name] === undefined && field.defaultValue !== undefined) obj[field.name] = field.defaultValue;
      else if (obj[field.name] !== undefined) obj[field.name] = fill(field.type, obj[field.name]);
    }
    return obj;
  }
  return value;
}
