import { badInput } from "./errors";

/** GraphQL IDs are strings of positive integers. */
export function parseId(value: string | number, field = "id"): number {
  const n = typeof value === "number" ? value : /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw badInput(field, `"${value}" is not a valid id`);
  return n;
}
