import type { BrandScope } from "../../../src/plugin";

/** Streams rows in keyset pages (`id > last ORDER BY id LIMIT n`): constant memory whatever the catalogue size. */
export async function* keysetPages<T extends { id: number }>(
  fetchPage: (afterId: number, limit: number) => Promise<T[]>,
  pageSize: number,
  startAfter = 0,
): AsyncGenerator<T[]> {
  let after = startAfter;
  for (;;) {
    const rows = await fetchPage(after, pageSize);
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1].id;
    if (rows.length < pageSize) return;
  }
}

/**
 * Reads one page ahead: while the caller works on page N (sends it to JOOR and waits), page N+1 is already
 * being read from the database. At most two pages are held at once.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let next = it.next();
  for (;;) {
    const current = await next;
    if (current.done) return;
    next = it.next();
    next.catch(() => undefined); // surfaced when awaited
    yield current.value;
  }
}

export const marks = (n: number): string => new Array(n).fill("?").join(", ");

/** A DATE column as YYYY-MM-DD (SQLite answers strings, mysql2 Date objects at UTC). */
export function isoDay(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}

export const num = (v: unknown): number => Number(v);

/** Brand-scoped raw rows: the statement's first `?` is its `brandId = ?` filter, which the scope fills in (pass the rest). */
export async function rows<T = Record<string, unknown>>(data: BrandScope, sql: string, params: unknown[]): Promise<T[]> {
  return data.sql<T>(sql, params);
}
