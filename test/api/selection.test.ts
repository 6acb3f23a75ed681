import { FieldNode, OperationDefinitionNode, parse } from "graphql";
import { selectedAt } from "../../src/api/selection";

/** Unit test of the pure rule: which fields a document selects at a path below a field (fragments followed). */
function infoOf(source: string) {
  const doc = parse(source);
  const op = doc.definitions.find((d) => d.kind === "OperationDefinition") as OperationDefinitionNode;
  const fragments = Object.fromEntries(doc.definitions.filter((d) => d.kind === "FragmentDefinition").map((d) => [(d as any).name.value, d]));
  return { fieldNodes: [op.selectionSet.selections[0] as FieldNode], fragments };
}

describe("selectedAt", () => {
  it("gives the fields at a path, through inline and named fragments", () => {
    const info = infoOf(
      `{ products { totalCount edges { cursor node { id ...F ... on Product { createdAt } } } } } fragment F on Product { name description }`,
    );
    expect([...selectedAt(info, ["edges", "node"])].sort()).toEqual(["createdAt", "description", "id", "name"]);
    expect([...selectedAt(info, ["edges"])].sort()).toEqual(["cursor", "node"]);
    expect([...selectedAt(info, [])].sort()).toEqual(["edges", "totalCount"]);
  });

  it("merges the same field selected twice and answers nothing for a path that is not selected", () => {
    const info = infoOf(`{ products { edges { node { id } } edges { node { name } } } }`);
    expect([...selectedAt(info, ["edges", "node"])].sort()).toEqual(["id", "name"]);
    expect(selectedAt(info, ["pageInfo"]).size).toBe(0);
  });
});
