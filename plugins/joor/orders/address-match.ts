/**
 * Address identity for "add the JOOR address to the customer when it is not already there": two addresses are the
 * same when their postal content is, ignoring case, spacing and punctuation (and accents). Name, company, phone and
 * e-mail do not make an address different.
 */
export interface PostalFields {
  type: string;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode?: string | null;
  countryCode: string;
}

/** Lower case, accents and punctuation removed, runs of space collapsed. */
export function normaliseAddressText(value: string | null | undefined): string {
  if (!value) return "";
  return value
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Postal codes compare without any space or punctuation ("SW1A 1AA" = "sw1a1aa"). */
function normalisePostalCode(value: string | null | undefined): string {
  return normaliseAddressText(value).replace(/ /g, "");
}

/** The comparison key of an address (type included: the same street as DELIVERY and as ACCOUNTS are two records). */
export function addressKey(a: PostalFields): string {
  return [
    a.type,
    normaliseAddressText(a.line1),
    normaliseAddressText(a.line2),
    normaliseAddressText(a.city),
    normaliseAddressText(a.region),
    normalisePostalCode(a.postalCode),
    a.countryCode.trim().toUpperCase(),
  ].join("|");
}

export function sameAddress(a: PostalFields, b: PostalFields): boolean {
  return addressKey(a) === addressKey(b);
}

/** The addresses of `incoming` that `existing` does not have yet (and each at most once). */
export function missingAddresses<T extends PostalFields>(existing: PostalFields[], incoming: T[]): T[] {
  const known = new Set(existing.map(addressKey));
  const out: T[] = [];
  for (const a of incoming) {
    const key = addressKey(a);
    if (known.has(key)) continue;
    known.add(key);
    out.push(a);
  }
  return out;
}
