/**
 * One request in flight per JOOR endpoint (JOOR's best practice: wait for the answer before sending the next
 * request to the same endpoint). In-process; across processes the shared credit budget paces requests.
 */
const tails = new Map<string, Promise<unknown>>();

export async function withEndpointLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  const tail = previous.then(() => mine);
  tails.set(key, tail);
  await previous.catch(() => undefined);
  try {
    return await fn();
  } finally {
    release();
    if (tails.get(key) === tail) tails.delete(key);
  }
}
