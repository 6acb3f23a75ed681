/** ISO 4217 currencies and ISO 3166-1 alpha-2 countries, from the ICU data that ships with Node. */

const currencies = new Set(Intl.supportedValuesOf("currency"));
const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"]);

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && currencies.has(code);
}

export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return false;
  return regionNames.of(code) !== code;
}

const digitsCache = new Map<string, number>();

/** Minor units of a currency (2 for EUR, 0 for JPY, 3 for KWD); cached, Intl formatters are costly to build. */
export function currencyDigits(code: string): number {
  let digits = digitsCache.get(code);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(code, digits);
  }
  return digits;
}
