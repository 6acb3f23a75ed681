/**
 * Validation helpers. Request items are checked with zod (already a project dependency): strict
 * objects reject unknown fields like JOOR's bulk endpoints do, and its issue paths give the
 * per-item, per-field errors the sandbox returns.
 */
import { z } from "zod";

export interface FieldIssue {
  field: string;
  message: string;
}

/** One entry of a v4 `errors[]` array. */
export interface ItemError {
  status: string;
  message: string;
  details: Record<string, unknown>;
}

export function zodIssues(err: z.ZodError): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const i of err.issues) {
    const base = i.path.map(String).join(".");
    if (i.code === "unrecognized_keys") {
      for (const k of i.keys) out.push({ field: base ? `${base}.${k}` : k, message: "unknown field (not part of the schema)" });
    } else {
      out.push({ field: base || "(item)", message: i.message });
    }
  }
  return out;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

export function parseWith<T>(schema: z.ZodType<T>, input: unknown): Parsed<T> {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: zodIssues(r.error) };
}

export function issuesText(issues: FieldIssue[]): string {
  return issues.map((i) => `${i.field}: ${i.message}`).join("; ");
}

export function validationError(index: number, issues: FieldIssue[], extra: Record<string, unknown> = {}): ItemError {
  return { status: "VALIDATION_ERROR", message: issuesText(issues), details: { index, ...extra, issues } };
}

export function itemError(status: string, index: number, message: string, extra: Record<string, unknown> = {}): ItemError {
  return { status, message, details: { index, ...extra } };
}

/** JOOR money: a string with exactly two decimals ("100.00"). Numbers are rejected. */
export const money = z
  .string({ error: 'must be a string with two decimals, e.g. "100.00"' })
  .regex(/^\d{1,12}\.\d{2}$/, 'must be a non-negative amount with exactly two decimals, e.g. "100.00"');

export const isoDate = z.iso.date({ error: "must be a date YYYY-MM-DD" });

export const str = (max: number) => z.string().max(max, `at most ${max} characters`);
/** Required, non-blank string. Values are never trimmed or re-cased: JOOR treats them verbatim. */
export const reqStr = (max: number) =>
  z
    .string({ error: "is required (string)" })
    .max(max, `at most ${max} characters`)
    .refine((s) => s.trim().length > 0, "must not be blank");

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

export function countryName(code: string): string {
  return regionNames.of(code) ?? code;
}

/** ICU region codes that are not countries (unknown, pseudo-locales, groupings). */
const NOT_COUNTRIES = new Set(["ZZ", "XA", "XB", "EU", "EZ", "UN", "QO"]);

/** ISO 3166-1 alpha-2 country code, checked against ICU's region list (XK/Kosovo accepted). */
export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code, e.g. "GB"')
  .refine((c) => {
    try {
      return !NOT_COUNTRIES.has(c) && regionNames.of(c) !== undefined;
    } catch {
      return false;
    }
  }, "unknown ISO 3166-1 alpha-2 country code");

export const email = z.email({ error: "must be an e-mail address" }).max(254);

/** Parse "12.34" into integer cents. */
export function toCents(v: string): number {
  const [i, f = "0"] = v.split(".");
  return Number(i) * 100 + Number(f.padEnd(2, "0").slice(0, 2));
}

export function fromCents(c: number): string {
  const sign = c < 0 ? "-" : "";
  const a = Math.abs(Math.round(c));
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, "0")}`;
}

/** GS1 check digit for a numeric string without its check digit. */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const d = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10;
}
