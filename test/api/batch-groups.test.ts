import { groupByKey, sortGroupsById } from "../../src/api/batch";

describe("batch groups", () => {
  it("groups rows in key order and sorts only the groups that are out of id order", () => {
    const rows = [
      { id: 5, k: 1 },
      { id: 2, k: 1 },
      { id: 3, k: 2 },
      { id: 4, k: 2 },
      { id: 9, k: 1 },
    ];
    const groups = sortGroupsById(groupByKey([2, 1, 3], rows, (r) => r.k));
    expect(groups.map((g) => g.map((r) => r.id))).toEqual([[3, 4], [2, 5, 9], []]);
    const inOrder = groups[0];
    expect(sortGroupsById([inOrder])[0]).toBe(inOrder);
  });
});
