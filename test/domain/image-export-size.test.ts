import { exportSize, JOOR_IMAGE_RULE } from "../../src/domain/image-export-size";

describe("Image export: normalised to the 660x900 ratio, at most 1320x1800 pixels", () => {
  const ratio = (s: { width: number; height: number }) => s.width / s.height;

  it.each([
    [660, 900, 660, 900],
    [1320, 1800, 1320, 1800],
    [4000, 4000, 1320, 1800],
    [300, 200, 660, 900],
    [1000, 1000, 1001, 1365],
    [800, 900, 803, 1095],
    [660, 2000, 1320, 1800],
  ])("a %ix%i source becomes %ix%i", (w, h, ew, eh) => {
    const size = exportSize(w, h);
    expect(size).toEqual({ width: ew, height: eh });
    expect(ratio(size)).toBeCloseTo(660 / 900, 10);
  });

  it("never exceeds 1320x1800 and never goes below 660x900", () => {
    for (let w = 100; w <= 5000; w += 370) {
      for (let h = 100; h <= 5000; h += 410) {
        const { width, height } = exportSize(w, h, JOOR_IMAGE_RULE);
        expect(width).toBeGreaterThanOrEqual(660);
        expect(height).toBeGreaterThanOrEqual(900);
        expect(width).toBeLessThanOrEqual(1320);
        expect(height).toBeLessThanOrEqual(1800);
        expect(width * 900).toBe(height * 660);
      }
    }
  });

  it("holds the whole source without shrinking it when it fits the maximum", () => {
    const { width, height } = exportSize(1200, 1000);
    expect(width).toBeGreaterThanOrEqual(1200);
    expect(height).toBeGreaterThanOrEqual(1000);
  });

  it("rejects empty dimensions", () => {
    expect(() => exportSize(0, 10)).toThrow(/positive/);
  });
});
