import { currencyDigits } from "./codes";

/**
 * Money as exact decimals: amounts are parsed into bigint units of 1/10,000 (the database's scale) and
 * formatted back as strings, so no float ever touches a price.
 */
const SCALE = 4;
const FACTOR = 10n ** BigInt(SCALE);

export function isDecimalString(value: string): boolean {
  return /^-?\d{1,15}(\.\d{1,4})?$/.test(value);
}

export function parseMoney(value: string | number): bigint {
  const text = typeof value === "number" ? value.toFixed(SCALE) : value.trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`Not a decimal amount: "${value}"`);
  const negative = text.startsWith("-");
  const [whole, fraction = ""] = text.replace("-", "").split(".");
  const units = BigInt(whole) * FACTOR + BigInt((fraction + "0000").slice(0, SCALE));
  return negative ? -units : units;
}

/** Formats units with a fixed number of decimals, rounding half away from zero. */
export function formatUnits(units: bigint, decimals: number): string {
  const drop = 10n ** BigInt(SCALE - decimals);
  const negative = units < 0n;
  let abs = negative ? -units : units;
  abs = (abs + drop / 2n) / drop;
  const divisor = 10n ** BigInt(decimals);
  const whole = abs / divisor;
  const fraction = decimals > 0 ? "." + String(abs % divisor).padStart(decimals, "0") : "";
  return `${negative && abs !== 0n ? "-" : ""}${whole}${fraction}`;
}

/** A stored amount shown in its currency's minor units ("12.5" EUR → "12.50", "1200.0000" JPY → "1200"). */
export function formatMoney(value: string | number, currency: string): string {
  // Catalogues repeat the same few amounts: a bounded memo spares the bigint arithmetic on a page of prices.
  const key = `${currency}${value}`;
  let shown = shownAmounts.get(key);
  if (shown === undefined) {
    shown = formatUnits(parseMoney(value), currencyDigits(currency));
    if (shownAmounts.size >= 10_000) shownAmounts.clear();
    shownAmounts.set(key, shown);
  }
  return shown;
}
const shownAmounts = new Map<string, string>();

/** The amount as stored (4 decimals). */
export function toStoredMoney(value: string): string {
  return formatUnits(parseMoney(value), SCALE);
}

export function multiplyMoney(value: string, quantity: number): bigint {
  return parseMoney(value) * BigInt(quantity);
}
