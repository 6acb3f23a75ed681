import v8 from "node:v8";

/**
 * How much V8 lets the old generation grow past the live heap before its next full collection, in percent
 * (`SELVEDGE_HEAP_GROWING_PERCENT`, default 20; `0` or `off` keeps V8's own choice).
 *
 * Why: V8's own factor goes up to 4 × the live heap when collections are cheap. A worker with ~80 MB live
 * that streams a 100,000-variant export (every chunk lives across a platform round trip, so it is promoted) let
 * its heap fill with 300+ MB of garbage before a full collection: 680 MB peak RSS instead of ~380 MB
 * (README, Performance, P3). A fixed 20 % keeps the heap near its live size for ≈ 8 % more CPU (more frequent, incremental full collections). Unlike a
 * `--max-old-space-size` cap it sets no ceiling: a process that really needs more heap still gets it.
 * V8 reads this flag at every full collection, so setting it at start-up (before the heavy work) takes effect.
 */
export const DEFAULT_HEAP_GROWING_PERCENT = 20;

export function heapGrowingPercent(value: string | undefined): number | null {
  if (value === undefined || value.trim() === "") return DEFAULT_HEAP_GROWING_PERCENT;
  const v = value.trim().toLowerCase();
  if (v === "off" || v === "0") return null;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw new Error(`SELVEDGE_HEAP_GROWING_PERCENT must be a whole number of percent between 1 and 1000, or 0/off for V8's default (got '${value}')`);
  }
  return n;
}

/** Applies SELVEDGE_HEAP_GROWING_PERCENT to this process's V8 (see above); answers the percent set, or null. */
export function applyHeapGrowth(env: NodeJS.ProcessEnv = process.env): number | null {
  const percent = heapGrowingPercent(env.SELVEDGE_HEAP_GROWING_PERCENT);
  if (percent !== null) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  return percent;
}
