/**
 * Image export size for platforms with a fixed aspect ratio (e.g. 660×900, at most 1320×1800).
 *
 * A ratio such as 660:900 reduces to 11:15, so every size with exactly that ratio is 11n × 15n pixels: the
 * "multiples" of the ratio. The export size is the largest multiple that fits inside the source (so the
 * picture is never enlarged beyond its own resolution), capped at the maximum (n = 120 → 1320×1800);
 * a source smaller than the minimum (n = 60 → 660×900) is brought up to the ratio's own size.
 *
 * The picture is then letterboxed onto that canvas on white (see ImageService.renderForExport): a
 * product shot is never cropped, so sleeves, hems and shoes stay in view; line sheets are white.
 *
 * The core defines no rule of its own: a plugin declares the sizes its platform wants (`exportSizes` in
 * definePlugin) and passes the rule to `catalogue.renderForExport` / `catalogue.exportUrl`.
 */
export interface ExportSizeRule {
  ratioWidth: number;
  ratioHeight: number;
  maxWidth: number;
  maxHeight: number;
  /** Largest file the platform accepts (the JPEG quality is lowered until the rendition fits). */
  maxBytes?: number;
}

/** A URL name of an export size (`/media/export/<name>/…`): lower-case letters, digits, `x` and dashes. */
export const EXPORT_SIZE_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Whether two rules describe the same rendition. */
export function sameExportRule(a: ExportSizeRule, b: ExportSizeRule): boolean {
  return (
    a.ratioWidth === b.ratioWidth && a.ratioHeight === b.ratioHeight && a.maxWidth === b.maxWidth && a.maxHeight === b.maxHeight && a.maxBytes === b.maxBytes
  );
}

/** The URL name under which `rule` is served, from the sizes the installed plugins declared. */
export function exportRuleName(sizes: Readonly<Record<string, ExportSizeRule>>, rule: ExportSizeRule): string {
  const name = Object.keys(sizes).find((k) => sizes[k] === rule) ?? Object.keys(sizes).find((k) => sameExportRule(sizes[k], rule));
  if (!name) throw new Error("This export size rule is not served: declare it in the plugin's exportSizes");
  return name;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export function exportSize(sourceWidth: number, sourceHeight: number, rule: ExportSizeRule): { width: number; height: number } {
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
