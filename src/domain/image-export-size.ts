/**
 * Image export size for platforms with a fixed aspect ratio (JOOR: 660×900, at most 1320×1800).
 *
 * The ratio 660:900 reduces to 11:15, so every size with exactly that ratio is 11n × 15n pixels: the
 * "multiples" of the ratio. The export size is the largest multiple that fits inside the source (so the
 * picture is never enlarged beyond its own resolution), capped at the maximum (n = 120 → 1320×1800);
 * a source smaller than the minimum (n = 60 → 660×900) is brought up to 660×900.
 *
 * The picture is then letterboxed onto that canvas on white (see ImageService.renderForExport): a
 * product shot is never cropped, so sleeves, hems and shoes stay in view; line sheets are white.
 */
export interface ExportSizeRule {
  ratioWidth: number;
  ratioHeight: number;
  maxWidth: number;
  maxHeight: number;
  /** Largest file the platform accepts (the JPEG quality is lowered until the rendition fits). */
  maxBytes?: number;
}

export const JOOR_IMAGE_RULE: ExportSizeRule = { ratioWidth: 660, ratioHeight: 900, maxWidth: 1320, maxHeight: 1800, maxBytes: 4 * 1024 * 1024 };

/**
 * The export renditions Selvedge serves at `/media/export/<name>/<storage key>` (for platforms that fetch
 * images by URL). A closed list, so a URL cannot ask the server for arbitrary sizes.
 */
export const EXPORT_SIZE_RULES: Readonly<Record<string, ExportSizeRule>> = { "660x900": JOOR_IMAGE_RULE };

export function exportRuleName(rule: ExportSizeRule): string {
  const name = Object.keys(EXPORT_SIZE_RULES).find((k) => EXPORT_SIZE_RULES[k] === rule);
  if (!name) throw new Error("This export size rule has no URL name (EXPORT_SIZE_RULES)");
  return name;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export function exportSize(sourceWidth: number, sourceHeight: number, rule: ExportSizeRule = JOOR_IMAGE_RULE): { width: number; height: number } {
  if (!(sourceWidth > 0 && sourceHeight > 0)) throw new Error("Image dimensions must be positive");
  const g = gcd(rule.ratioWidth, rule.ratioHeight);
  const unitW = rule.ratioWidth / g;
  const unitH = rule.ratioHeight / g;
  const minN = g;
  const maxN = Math.max(minN, Math.floor(Math.min(rule.maxWidth / unitW, rule.maxHeight / unitH)));
  const fitting = Math.floor(Math.min(sourceWidth / unitW, sourceHeight / unitH));
  const n = Math.min(maxN, Math.max(minN, fitting));
  return { width: unitW * n, height: unitH * n };
}
