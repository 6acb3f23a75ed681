import { z } from "zod";

/**
 * Readers for the values of JOOR's v2 order JSON as it really comes: numbers as strings, lists as "" or null,
 * empty strings for missing values. Each reader is a zod schema; `read` reports a failure instead of throwing.
 */

/** Text: strings and numbers as trimmed strings; null/undefined → "". Objects and lists are not text. */
export const text = z
  .union([z.string(), z.number(), z.boolean(), z.null(), z.undefined()])
  .transform((v) => (v === null || v === undefined ? "" : String(v).trim()));

/** A whole number, also as a string ("12", "12.0"); "" or null → null. */
export const integer = z.union([z.number(), z.string().trim(), z.null(), z.undefined()]).transform((v, ctx) => {
  if (v === null || v === undefined || v === "") return null;
  const n = typeof v === "number" ? v : /^[-+]?\d+(\.0+)?$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) {
    ctx.addIssue({ code: "custom", message: `"${String(v).slice(0, 40)}" is not a whole number` });
    return z.NEVER;
  }
  return n;
});

/** A decimal amount, also as a string; kept as an exact decimal string (never a float); "" or null → null. */
export const decimal = z.union([z.number(), z.string().trim(), z.null(), z.undefined()]).transform((v, ctx) => {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") {
    if (!Number.isFinite(v) || Math.abs(v) >= 1e15) {
      ctx.addIssue({ code: "custom", message: `${v} is not an amount` });
      return z.NEVER;
    }
    return String(Number(v.toFixed(4)));
  }
  const t = v.replace(/^\+/, "");
  if (!/^-?\d{1,15}(\.\d+)?$/.test(t)) {
    ctx.addIssue({ code: "custom", message: `"${v.slice(0, 40)}" is not an amount` });
    return z.NEVER;
  }
  return t;
});

/** A list; "" and null (JOOR's empty list) → []. */
export const list = z.union([z.array(z.unknown()), z.literal(""), z.null(), z.undefined()]).transform((v) => (Array.isArray(v) ? v : []));

/** A date as YYYY-MM-DD from "YYYY-MM-DD", "YYYY-MM-DDThh:mm…", "MM/DD/YYYY" or "MM-DD-YYYY"; "" → null. */
export const date = text.transform((v, ctx) => {
  if (v === "") return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(v);
  let ymd = m ? [m[1], m[2], m[3]] : null;
  if (!ymd) {
    m = /^(\d{2})[/-](\d{2})[/-](\d{4})$/.exec(v);
    if (m) ymd = [m[3], m[1], m[2]];
  }
  const iso = ymd ? `${ymd[0]}-${ymd[1]}-${ymd[2]}` : "";
  const d = new Date(`${iso}T00:00:00Z`);
  if (!ymd || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
    ctx.addIssue({ code: "custom", message: `"${v.slice(0, 40)}" is not a date` });
    return z.NEVER;
  }
  return iso;
});

/** A point in time (ISO 8601); "" → null. */
export const timestamp = text.transform((v, ctx) => {
  if (v === "") return null;
  const t = Date.parse(v);
  if (Number.isNaN(t)) {
    ctx.addIssue({ code: "custom", message: `"${v.slice(0, 40)}" is not a date-time` });
    return z.NEVER;
  }
  return new Date(t);
});

export type ReadResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Reads a value with its schema. The common shapes (a plain string or number) of the text, integer and decimal
 * readers take a shortcut that gives the same result as the schema; everything else goes through zod.
 */
export function read<T>(schema: z.ZodType<T, unknown>, value: unknown): ReadResult<T> {
  const fast = shortcut(schema, value);
  if (fast !== undefined) return { ok: true, value: fast as T };
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const message = issue.code === "invalid_union" || issue.code === "invalid_type" ? `has the wrong type (${describe(value)})` : issue.message;
  return { ok: false, message };
}

function shortcut(schema: unknown, v: unknown): unknown {
  if (schema === text) {
    if (typeof v === "string") return v.trim();
    if (typeof v === "number") return String(v);
    if (v === null || v === undefined) return "";
    return undefined;
  }
  if (schema === integer) {
    if (typeof v === "number" && Number.isSafeInteger(v)) return v;
    if (typeof v === "string" && /^\s*[-+]?\d{1,15}\s*$/.test(v)) return Number(v.trim());
    if (v === null || v === undefined || v === "") return null;
    return undefined;
  }
  if (schema === decimal) {
    if (typeof v === "string") {
      const t = v.trim();
      if (t === "") return null;
      if (/^-?\d{1,15}(\.\d+)?$/.test(t)) return t;
      return undefined;
    }
    if (v === null || v === undefined) return null;
    return undefined;
  }
  return undefined;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : typeof value;
}
