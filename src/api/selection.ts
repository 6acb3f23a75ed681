import { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";

/**
 * Which fields a query selects below the current field, so loaders read only the columns (and joins) the page
 * needs. Computed once per field of a document (cached on the AST node; compiled queries reuse their nodes).
 * Fragments are followed without checking type conditions: the answer is a superset, never too small.
 */
const cache = new WeakMap<FieldNode, ReadonlySet<string>>();

export function selectedFields(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">): ReadonlySet<string> {
  const key = info.fieldNodes[0];
  let fields = cache.get(key);
  if (!fields) {
    const out = new Set<string>();
    for (const node of info.fieldNodes) collect(node.selectionSet, info.fragments, out, new Set());
    cache.set(key, (fields = out));
  }
  return fields;
}

/** The fields selected under `child` of the current field (e.g. `prices` of `seasons`). */
export function selectedSubfields(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">, child: string): ReadonlySet<string> {
  let byChild = subCache.get(info.fieldNodes[0]);
  if (!byChild) subCache.set(info.fieldNodes[0], (byChild = new Map()));
  let fields = byChild.get(child);
  if (!fields) {
    const nodes: FieldNode[] = [];
    for (const node of info.fieldNodes) findFields(node.selectionSet, child, info.fragments, nodes, new Set());
    fields = nodes.length ? selectedFields({ fieldNodes: nodes, fragments: info.fragments }) : new Set<string>();
    byChild.set(child, fields);
  }
  return fields;
}
const subCache = new WeakMap<FieldNode, Map<string, ReadonlySet<string>>>();

/** The fields selected at a path below the current field (e.g. `["edges", "node"]` of a connection). */
export function selectedAt(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">, path: readonly string[]): ReadonlySet<string> {
  const key = path.join(".");
  let byPath = pathCache.get(info.fieldNodes[0]);
  if (!byPath) pathCache.set(info.fieldNodes[0], (byPath = new Map()));
  let fields = byPath.get(key);
  if (!fields) {
    let nodes: readonly FieldNode[] = info.fieldNodes;
    for (const name of path) {
      const next: FieldNode[] = [];
      for (const node of nodes) findFields(node.selectionSet, name, info.fragments, next, new Set());
      nodes = next;
    }
    const out = new Set<string>();
    for (const node of nodes) collect(node.selectionSet, info.fragments, out, new Set());
    byPath.set(key, (fields = out));
  }
  return fields;
}
const pathCache = new WeakMap<FieldNode, Map<string, ReadonlySet<string>>>();

function collect(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, out: Set<string>, seen: Set<string>): void {
  for (const s of set?.selections ?? []) {
    if (s.kind === "Field") out.add(s.name.value);
    else if (s.kind === "InlineFragment") collect(s.selectionSet, fragments, out, seen);
    else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      collect(fragments[s.name.value]?.selectionSet, fragments, out, seen);
    }
  }
}

function findFields(
  set: SelectionSetNode | undefined,
  name: string,
  fragments: Record<string, FragmentDefinitionNode>,
  out: FieldNode[],
  seen: Set<string>,
): void {
  for (const s of set?.selections ?? []) {
    if (s.kind === "Field") {
      if (s.name.value === name) out.push(s);
    } else if (s.kind === "InlineFragment") findFields(s.selectionSet, name, fragments, out, seen);
    else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      findFields(fragments[s.name.value]?.selectionSet, name, fragments, out, seen);
    }
  }
}
