import fs from "node:fs";
import path from "node:path";
import { importsOf, resolveLocal, tsFiles } from "./imports";

/** The import graph of the .ts files under `root` (relative imports only; type-only ones too unless `runtimeOnly`). */
export function importGraph(root: string, runtimeOnly = false): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of tsFiles(root)) {
    const edges = importsOf(file, fs.readFileSync(file, "utf8"))
      .filter((r) => !runtimeOnly || !r.typeOnly)
      .map((r) => resolveLocal(file, r.specifier))
      .filter((f): f is string => !!f && f.startsWith(root + path.sep) && fs.existsSync(f));
    graph.set(file, [...new Set(edges)]);
  }
  return graph;
}

/** The strongly connected components with more than one file (or a file importing itself): each one is a cycle. */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const strong = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) strong(v);
  return out;
}
