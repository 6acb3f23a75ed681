import { GraphQLFieldResolver, GraphQLScalarType, GraphQLSchema, isObjectType } from "graphql";
import { ContainerType, getMetadataStorage } from "type-graphql";

/**
 * Resolver instances, one per class, shared by type-graphql (buildSchema's `container`) and the direct
 * resolvers below. type-graphql's default container looks the class up in an array on every call.
 */
export function resolverContainer(): ContainerType {
  const instances = new Map<Function, unknown>();
  return {
    get(cls: Function) {
      let instance = instances.get(cls);
      if (instance === undefined) instances.set(cls, (instance = new (cls as new () => unknown)()));
      return instance;
    },
  };
}

/** The parts of type-graphql's parameter and field-resolver metadata read here (filled in by buildSchema). */
interface ParamMeta {
  kind: string;
  index: number;
  name?: string;
  propertyName?: string;
  getType?: () => unknown;
  validateSettings?: unknown;
  validateFn?: unknown;
}
interface FieldResolverMeta {
  /** "external": a method of a resolver class; "internal": a method or getter of the object type's class. */
  kind: "internal" | "external";
  target: Function;
  methodName: string;
  schemaName: string;
  params?: ParamMeta[];
  roles?: unknown[];
  middlewares?: unknown[];
  getObjectType?: () => Function;
}

type Extract = (root: unknown, args: Record<string, unknown>, ctx: unknown, info: unknown) => unknown;

const SIMPLE_TYPES: unknown[] = [String, Number, Boolean];

/**
 * Calls plain `@FieldResolver` methods directly instead of through type-graphql's per-call wrapper (container
 * lookup, middleware dispatch, a sort and a map of the parameter list, and a promise per `@Arg` because
 * argument validation is async). On a page of 100 products that wrapper ran ~1,500 times and made a fifth of
 * the request's garbage. Only resolvers the wrapper would add nothing to are replaced: no `@Authorized` roles,
 * no middlewares (the schema is built without global middlewares and with `validate: false`), parameters that
 * are `@Root()`, `@Ctx()`, `@Info()` or `@Arg()` of a scalar type without validation options. A `@Root()` value
 * that is not already an instance of its declared class (type-graphql would convert it) goes through the
 * original resolver. Methods of the object type itself without parameters (`wholesaleAmount()` of SeasonPrice)
 * are called directly on a root of that class. Every other field keeps type-graphql's resolver. Returns the
 * number of fields replaced.
 */
export function useDirectFieldResolvers(schema: GraphQLSchema, resolverClasses: readonly Function[], container: ContainerType): number {
  const storage = getMetadataStorage() as unknown as {
    fieldResolvers: FieldResolverMeta[];
    objectTypes: { target: Function; name: string }[];
  };
  const classes = new Set(resolverClasses);
  let replaced = 0;
  for (const def of storage.fieldResolvers) {
    if (!def.getObjectType || !def.params) continue;
    if (def.kind === "external" ? !classes.has(def.target) : !storage.objectTypes.some((t) => t.target === def.target)) continue;
    if (def.roles || (def.middlewares?.length ?? 0) > 0) continue;
    const typeName = storage.objectTypes.find((t) => t.target === def.getObjectType!())?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    if (!isObjectType(type)) continue;
    const field = type.getFields()[def.schemaName];
    if (!field?.resolve) continue;
    const direct = def.kind === "external" ? directResolver(def, container, field.resolve) : directTypeMethod(def, field.resolve);
    if (!direct) continue;
    field.resolve = direct;
    replaced++;
  }
  return replaced;
}

function directResolver(
  def: FieldResolverMeta,
  container: ContainerType,
  original: GraphQLFieldResolver<unknown, unknown>,
): GraphQLFieldResolver<unknown, unknown> | undefined {
  const params = [...def.params!].sort((a, b) => a.index - b.index);
  if (params.some((p, i) => p.index !== i)) return undefined;
  let rootClass: Function | undefined;
  const extract: Extract[] = [];
  for (const p of params) {
    if (p.kind === "root" && !p.propertyName) {
      const declared = p.getType?.();
      if (typeof declared === "function" && !SIMPLE_TYPES.includes(declared) && declared !== Object) rootClass = declared;
      extract.push((root) => root);
    } else if (p.kind === "context" && !p.propertyName) extract.push((_r, _a, ctx) => ctx);
    else if (p.kind === "info") extract.push((_r, _a, _c, info) => info);
    else if (p.kind === "arg" && p.name && p.validateSettings === undefined && p.validateFn === undefined && isScalarArg(p.getType?.())) {
      const name = p.name;
      extract.push((_r, args) => args[name]);
    } else return undefined;
  }
  const instance = container.get(def.target, undefined as never) as Record<string, (...a: unknown[]) => unknown>;
  const method = instance[def.methodName];
  if (typeof method !== "function") return undefined;
  const rootOk = (root: unknown) => rootClass === undefined || root == null || root instanceof rootClass;
  switch (extract.length) {
    // The common shapes without an intermediate array.
    case 2: {
      const [a, b] = extract;
      return (root, args, ctx, info) =>
        rootOk(root) ? method.call(instance, a(root, args, ctx, info), b(root, args, ctx, info)) : original(root, args, ctx, info);
    }
    case 3: {
      const [a, b, c] = extract;
      return (root, args, ctx, info) =>
        rootOk(root) ? method.call(instance, a(root, args, ctx, info), b(root, args, ctx, info), c(root, args, ctx, info)) : original(root, args, ctx, info);
    }
    default:
      return (root, args, ctx, info) =>
        rootOk(root)
          ? method.apply(
              instance,
              extract.map((e) => e(root, args, ctx, info)),
            )
          : original(root, args, ctx, info);
  }
}

/**
 * A field resolver that is a method (or getter) of the object type's class itself: type-graphql converts the
 * root to the class and calls the method; a root already of that class and a method without parameters are
 * called directly.
 */
function directTypeMethod(def: FieldResolverMeta, original: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> | undefined {
  if (def.params!.length > 0) return undefined;
  const cls = def.target;
  const name = def.methodName;
  return (root, args, ctx, info) => {
    if (!(root instanceof cls)) return original(root, args, ctx, info);
    const member = (root as Record<string, unknown>)[name];
    return typeof member === "function" ? member.call(root) : member;
  };
}

function isScalarArg(type: unknown): boolean {
  return type instanceof GraphQLScalarType || SIMPLE_TYPES.includes(type);
}
