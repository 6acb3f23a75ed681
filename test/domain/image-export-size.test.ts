import { exportRuleName, exportSize, type ExportSizeRule } from "../../src/domain/image-export-size";

/** A portrait rule (what a platform such as JOOR declares; the core has none of its own). */
const PORTRAIT: ExportSizeRule = { ratioWidth: 660, ratioHeight: 900, maxWidth: 1320, maxHeight: 1800 };

describe("Image export: normalised to the 660x900 ratio, at most 1320x1800 pixels", () => {
  it.each([
    [660, 900, 660, 900], // exactly the minimum
    [1320, 1800, 1320, 1800], // exactly the maximum
    [4000, 4000, 1320, 1800], // large square: capped
    [3000, 6000, 1320, 1800], // large portrait: capped
    [300, 200, 660, 900], // smaller than 660x900: brought up to the minimum
    [500, 2000, 660, 900], // too narrow for the minimum
    [1000, 1000, 726, 990], // largest 11n x 15n inside 1000x1000 (n = 66)
    [800, 900, 660, 900], // n = 60 is the largest that fits
    [1000, 1200, 880, 1200], // height-bound: n = 80
    [1319, 1799, 1309, 1785], // just under the maximum: n = 119
    [3000, 1000, 726, 990], // wide landscape: height-bound
  ])("a %ix%i source becomes %ix%i", (w, h, ew, eh) => {
    expect(exportSize(w, h, PORTRAIT)).toEqual({ width: ew, height: eh });
  });

  it("always has exactly the 660:900 ratio, within 660x900..1320x1800, and never enlarges a source that holds 660x900", () => {
    for (let w = 100; w <= 5000; w += 137) {
      for (let h = 100; h <= 5000; h += 151) {
        const { width, height } = exportSize(w, h, PORTRAIT);
        expect(width * 900).toBe(height * 660);
        expect(width).toBeGreaterThanOrEqual(660);
        expect(width).toBeLessThanOrEqual(1320);
        expect(height).toBeLessThanOrEqual(1800);
        if (w >= 660 && h >= 900) {
          expect(width).toBeLessThanOrEqual(w);
          expect(height).toBeLessThanOrEqual(h);
          // the largest such size: one step up would no longer fit the source or the maximum
          expect(width + 11 > Math.min(w, 1320) || height + 15 > Math.min(h, 1800)).toBe(true);
        } else {
          expect({ width, height }).toEqual({ width: 660, height: 900 });
        }
      }
    }
  });

  it("follows another rule's ratio and cap", () => {
    expect(exportSize(5000, 5000, { ratioWidth: 1000, ratioHeight: 1000, maxWidth: 2000, maxHeight: 2000 })).toEqual({ width: 2000, height: 2000 });
    expect(exportSize(1500, 1200, { ratioWidth: 1000, ratioHeight: 1000, maxWidth: 2000, maxHeight: 2000 })).toEqual({ width: 1200, height: 1200 });
    expect(exportSize(700, 900, { ratioWidth: 1000, ratioHeight: 1000, maxWidth: 2000, maxHeight: 2000 })).toEqual({ width: 1000, height: 1000 });
  });

  it("rejects empty dimensions", () => {
    expect(() => exportSize(0, 10, PORTRAIT)).toThrow(/positive/);
    expect(() => exportSize(10, Number.NaN, PORTRAIT)).toThrow(/positive/);
  });

  it("names a rule by the sizes the plugins declared: the same object, else an equal rule; an undeclared rule is refused", () => {
    const sizes = { "660x900": PORTRAIT, square: { ratioWidth: 1, ratioHeight: 1, maxWidth: 2000, maxHeight: 2000 } };
    expect(exportRuleName(sizes, PORTRAIT)).toBe("660x900");
    expect(exportRuleName(sizes, { ...sizes.square })).toBe("square");
    expect(() => exportRuleName(sizes, { ...PORTRAIT, maxBytes: 1 })).toThrow(/not served/);
    expect(() => exportRuleName({}, PORTRAIT)).toThrow(/exportSizes/);
  });
});
