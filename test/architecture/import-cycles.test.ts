import path from "node:path";
import { cycles, importGraph } from "./cycles";

/**
 * No import cycle in the core (src/): the one that ran plugin ↔ jobs ↔ scheduler ↔ services is gone since the
 * plugin SDK imports only its port (src/plugin/host-services.ts), and this keeps it gone. Type-only imports count
 * too, except between TypeORM entities, whose two-sided relations name each other's class.
 */
const SRC = path.resolve(__dirname, "../../src");
const rel = (c: string[]) => c.map((f) => path.relative(SRC, f));

describe("import cycles in src/", () => {
  it("reads the core's import graph", () => {
    const graph = importGraph(SRC);
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get(path.join(SRC, "server/bootstrap.ts"))).toContain(path.join(SRC, "plugin/plugin-registry.ts"));
  });

  it("has no runtime cycle", () => {
    expect(cycles(importGraph(SRC, true)).map(rel)).toEqual([]);
  });

  it("has no cycle at all outside the entities' relations", () => {
    const found = cycles(importGraph(SRC))
      .map(rel)
      .filter((c) => !c.every((f) => f.startsWith(`entities${path.sep}`)));
    expect(found).toEqual([]);
  });

  it("finds a cycle when there is one", () => {
    const a = path.join(SRC, "a.ts");
    const b = path.join(SRC, "b.ts");
    const c = path.join(SRC, "c.ts");
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, [a]],
        ]),
      ),
    ).toEqual([[a, b, c]]);
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, []],
          [c, [c]],
        ]),
      ),
    ).toEqual([[c]]);
  });
});
