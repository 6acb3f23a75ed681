// A Relay connection loaded a page at a time, with Previous/Next (a stack of the cursors we came from) and the
// last load's error: the paged-list loading the JOOR views share.
import { useEffect, useState } from "preact/hooks";

export interface Connection<N> {
  edges: { node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export interface PagedConnection<N> {
  /** The loaded page (null until the first load succeeds). */
  conn: Connection<N> | null;
  /** The last load's error message (cleared by the next load that succeeds). */
  error: string | null;
  hasPrevious: boolean;
  hasNext: boolean;
  previous(): void;
  next(): void;
  /** Loads the first page again (a new search). */
  reset(): void;
  /** Loads the current page again. */
  refresh(): void;
  /** Replaces the loaded page, e.g. after a row changed in place. */
  setConn(conn: Connection<N>): void;
}

/**
 * `fetchPage(after)` loads one page; it may read the view's current filters (each call uses the latest one).
 * The list goes back to its first page whenever one of `resetOn` changes.
 */
export function usePagedConnection<N>(fetchPage: (after: string | null) => Promise<Connection<N>>, resetOn: unknown[]): PagedConnection<N> {
  const [conn, setConn] = useState<Connection<N> | null>(null);
  const [after, setAfter] = useState<string | null>(null);
  const [stack, setStack] = useState<(string | null)[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = async (a: string | null) => {
    try {
      setConn(await fetchPage(a));
      setAfter(a);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const reset = () => {
    setStack([]);
    void load(null);
  };
  useEffect(reset, resetOn);
  return {
    conn,
    error,
    setConn,
    hasPrevious: stack.length > 0,
    hasNext: !!conn?.pageInfo.hasNextPage,
    previous: () => {
      const s = stack.slice();
      const a = s.pop() ?? null;
      setStack(s);
      void load(a);
    },
    next: () => {
      if (!conn?.pageInfo.hasNextPage) return;
      setStack([...stack, after]);
      void load(conn.pageInfo.endCursor);
    },
    reset,
    refresh: () => void load(after),
  };
}
