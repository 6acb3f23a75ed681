/**
 * Image export size for platforms with a fixed aspect ratio (JOOR: 660×900, at most 1320×1800).
 * The ratio 660:900 reduces to 11:15, so every allowed size is 11n × 15n pixels; n runs from the
 * minimum (660×900 → n = 60) to the maximum (1320×1800 → n = 120). The chosen n is the smallest one whose
 * canvas holds the whole source without shrinking it, capped at the maximum: the source is never cropped
 * (it is letterboxed on white), never shrunk below its own resolution unless it exceeds the maximum, and
 * small sources are enlarged to the minimum size.
 */
export interface ExportSizeRule {
  ratioWidth: number;
  ratioHeight: number;
  maxWidth: number;
  maxHeight: number;
}

export const JOOR_IMAGE_RULE: ExportSizeRule = { ratioWidth: 660, ratioHeight: 900, maxWidth: 1320, maxHeight: 1800 };

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export function exportSize(sourceWidth: number, sourceHeight: number, rule: ExportSizeRule = JOOR_IMAGE_RULE): { width: number; height: number } {
  if (!(sourceWidth > 0 && sourceHeight > 0)) throw new Error("Image dimensions must be positive");
  const g = gcd(rule.ratioWidth, rule.ratioHeight);
  const unitW = rule.ratioWidth / g;
  const unitH = rule.ratioHeight / g;
  const minN = rule.ratioWidth / unitW;
  const maxN = Math.floor(Math.min(rule.maxWidth / unitW, rule.maxHeight / unitH));
  const needed = Math.ceil(Math.max(sourceWidth / unitW, sourceHeight / unitH));
  const n = Math.min(maxN, Math.max(minN, needed));
  return { width: unitW * n, height: unitH * n };
}
