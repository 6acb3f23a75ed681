import { DEFAULT_HEAP_GROWING_PERCENT, heapGrowingPercent } from "../../src/server/heap-growth";

describe("SELVEDGE_HEAP_GROWING_PERCENT", () => {
  it("defaults to 20 % when unset or empty", () => {
    expect(heapGrowingPercent(undefined)).toBe(DEFAULT_HEAP_GROWING_PERCENT);
    expect(heapGrowingPercent(" ")).toBe(20);
  });
  it("takes a whole percent", () => {
    expect(heapGrowingPercent("35")).toBe(35);
  });
  it("0 or off leaves V8's own growing factor", () => {
    expect(heapGrowingPercent("0")).toBeNull();
    expect(heapGrowingPercent("OFF")).toBeNull();
  });
  it.each(["-5", "12.5", "lots", "5000"])("refuses %s with a clear error", (v) => {
    expect(() => heapGrowingPercent(v)).toThrow(/SELVEDGE_HEAP_GROWING_PERCENT must be a whole number of percent/);
  });
});
