import ipaddr from "ipaddr.js";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Parses "10.0.0.0/8", "127.0.0.1", "::1" or "fd00::/8"; throws on anything else. */
export function parseAllowEntry(entry: string): Range {
  const text = entry.trim();
  if (text.includes("/")) return ipaddr.parseCIDR(text);
  const addr = ipaddr.parse(text);
  return [addr, addr.kind() === "ipv4" ? 32 : 128];
}

export function isValidAllowEntry(entry: string): boolean {
  try {
    parseAllowEntry(entry);
    return true;
  } catch {
    return false;
  }
}

/**
 * Which addresses outbound fetches (image URLs) may connect to: public unicast addresses only, plus the
 * ranges an operator allows explicitly (SELVEDGE_IMAGE_FETCH_ALLOW). Loopback, private (RFC 1918, unique
 * local), link-local (which holds cloud metadata endpoints, 169.254.169.254), carrier-grade NAT, multicast,
 * reserved, unspecified, 6to4/Teredo and the like are refused. ipaddr.js classifies the ranges (a maintained
 * table of the IANA special-purpose registries, rather than a hand-written list); IPv4-mapped IPv6
 * (::ffff:127.0.0.1) is judged as the IPv4 address it stands for.
 */
export class AddressPolicy {
  private readonly allowed: Range[];

  constructor(allow: readonly string[] = []) {
    this.allowed = allow.map(parseAllowEntry);
  }

  allows(address: string): boolean {
    let addr: ipaddr.IPv4 | ipaddr.IPv6;
    try {
      addr = ipaddr.parse(address);
    } catch {
      return false;
    }
    if (addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
    for (const [range, bits] of this.allowed) {
      if (range.kind() === addr.kind() && addr.match(range as never, bits)) return true;
    }
    return addr.range() === "unicast";
  }
}
