import { InputProblems } from "../api/errors";
import { isCountryCode, isCurrencyCode } from "./codes";
import { isIsoDate } from "./dates";

/** Field rules shared by every mutation's validation. Each adds a problem instead of throwing. */
export function requiredText(p: InputProblems, field: string, value: string | null | undefined, max: number): void {
  if (value === undefined || value === null || value.trim() === "") p.add(field, "is required");
  else if (value.length > max) p.add(field, `must be at most ${max} characters`);
}

export function optionalText(p: InputProblems, field: string, value: string | null | undefined, max: number): void {
  if (value !== undefined && value !== null && value.length > max) p.add(field, `must be at most ${max} characters`);
}

export function optionalEmail(p: InputProblems, field: string, value: string | null | undefined): void {
  if (value === undefined || value === null || value === "") return;
  if (value.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) p.add(field, `"${value}" is not a valid email address`);
}

export function currencyCode(p: InputProblems, field: string, value: string | null | undefined, required = false): void {
  if (value === undefined || value === null) {
    if (required) p.add(field, "is required");
    return;
  }
  if (!isCurrencyCode(value)) p.add(field, `"${value}" is not an ISO 4217 currency code`);
}

export function countryCode(p: InputProblems, field: string, value: string | null | undefined, required = false): void {
  if (value === undefined || value === null) {
    if (required) p.add(field, "is required");
    return;
  }
  if (!isCountryCode(value)) p.add(field, `"${value}" is not an ISO 3166-1 alpha-2 country code`);
}

export function isoDate(p: InputProblems, field: string, value: string | null | undefined, required = false): void {
  if (value === undefined || value === null) {
    if (required) p.add(field, "is required");
    return;
  }
  if (!isIsoDate(value)) p.add(field, `"${value}" is not an ISO 8601 date (YYYY-MM-DD)`);
}

export function nonNegativeInt(p: InputProblems, field: string, value: number | null | undefined): void {
  if (value === undefined || value === null) return;
  if (!Number.isInteger(value) || value < 0) p.add(field, "must be a whole number of 0 or more");
}

/** Trimmed text or null for empty. */
export function clean(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const t = value.trim();
  return t === "" ? null : t;
}
