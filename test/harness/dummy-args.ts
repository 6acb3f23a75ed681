import {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from "graphql";

/** A well-typed value for an input type: enough to pass GraphQL validation and reach the resolver's guards. */
export function dummyValue(type: GraphQLInputType): unknown {
  if (!isNonNullType(type)) return null;
  const inner = getNullableType(type);
  if (isListType(inner)) return [dummyValue(inner.ofType as GraphQLInputType)].filter((v) => v !== null);
  if (isEnumType(inner)) return inner.getValues()[0].value;
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(inner.getFields())) {
      const v = dummyValue(f.type);
      if (v !== null) out[f.name] = v;
    }
    return out;
  }
  if (isScalarType(inner)) {
    switch (inner.name) {
      case "Int":
        return 1;
      case "Float":
        return 1.5;
      case "Boolean":
        return true;
      case "ID":
        return "1";
      case "DateTimeISO":
        return new Date().toISOString();
      default:
        return "x";
    }
  }
  return null;
}

/** `mutation($a: T!) { field(a: $a) { __typename } }` with dummy variables for the required arguments. */
export function operationFor(kind: "query" | "mutation", field: GraphQLField<unknown, unknown>): { query: string; variables: Record<string, unknown> } {
  const required = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type));
  const decl = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(", ");
  const pass = required.map((a) => `${a.name}: $${a.name}`).join(", ");
  const named = getNullableType(field.type);
  const leaf =
    isScalarType(named) ||
    isEnumType(named) ||
    (isListType(named) && (isScalarType(getNullableType(named.ofType)) || isEnumType(getNullableType(named.ofType))));
  const selection = leaf ? "" : " { __typename }";
  const query = `${kind}${decl ? `(${decl})` : ""} { ${field.name}${pass ? `(${pass})` : ""}${selection} }`;
  return { query, variables: Object.fromEntries(required.map((a) => [a.name, dummyValue(a.type)])) };
}
