/**
 * Request bodies without a second JSON.stringify: a caller that already serialised a payload (to hash it,
 * ledger/hash.ts) may remember that text for the payload object, and a bulk body (an array of such payloads)
 * is then joined from the remembered texts — the same bytes JSON.stringify(array) gives. Only for payloads
 * that are not changed after they were remembered (fresh objects from the mapping functions).
 */
const remembered = new WeakMap<object, string>();

export function rememberJson(payload: object, json: string): void {
  remembered.set(payload, json);
}

/** JSON.stringify(body), joined from remembered texts when body is an array of remembered payloads. */
export function jsonBody(body: unknown): string {
  if (Array.isArray(body) && body.length) {
    const parts: string[] = new Array(body.length);
    for (let i = 0; i < body.length; i++) {
      const item: unknown = body[i];
      const json = item !== null && typeof item === "object" ? remembered.get(item) : undefined;
      if (json === undefined) return JSON.stringify(body);
      parts[i] = json;
    }
    return `[${parts.join(",")}]`;
  }
  return JSON.stringify(body);
}
