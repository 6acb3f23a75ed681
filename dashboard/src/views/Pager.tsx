// A job's logs or issues, paged from the newest end (newestFirst) and live: while the job runs, the newest page
// follows new rows. Only one page (at most PAGE rows) is ever in the DOM, however many rows the job has.
import { useEffect, useRef, useState } from "preact/hooks";
import { gql } from "../api";
import { time } from "./components";

const PAGE = 100;

export type PagerKind = "logs" | "issues";
const FIELDS: Record<PagerKind, string> = {
  logs: "id level message createdAt",
  issues: "id entity key code message createdAt",
};

interface Row {
  cursor: string;
  node: Record<string, string>;
}
interface Conn {
  edges: Row[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

async function fetchPage(jobId: string, kind: PagerKind, args: { after: string | null; newestFirst: boolean; first: number }): Promise<Conn> {
  const data = await gql<{ job: Record<PagerKind, Conn> }>(
    `query($id: ID!, $first: Int, $after: String, $newestFirst: Boolean) { job(id: $id) { ${kind}(first: $first, after: $after, newestFirst: $newestFirst) { edges { cursor node { ${FIELDS[kind]} } } pageInfo { hasNextPage endCursor } totalCount } } }`,
    { id: jobId, ...args },
  );
  return data.job[kind];
}

export function Pager({ jobId, kind, live, tick }: { jobId: string; kind: PagerKind; live: boolean; tick: string }) {
  const [rows, setRows] = useState<Row[]>([]);
  const [hasOlder, setHasOlder] = useState(false);
  const [total, setTotal] = useState<number | null>(null);
  /** The `after` of each newer page we came from (null = the latest page); empty on the latest page. */
  const [stack, setStack] = useState<(string | null)[]>([]);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const loaded = useRef(false);
  const lastPoll = useRef(0);
  const pollTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const showNewestFirst = async (after: string | null) => {
    try {
      const c = await fetchPage(jobId, kind, { after, newestFirst: true, first: PAGE });
      loaded.current = true;
      setRows(c.edges.slice().reverse());
      setHasOlder(c.pageInfo.hasNextPage);
      setTotal(c.totalCount);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  useEffect(() => {
    setStack([]);
    loaded.current = false;
    showNewestFirst(null);
  }, [jobId, kind]);

  // Live: on the latest page, each job event (tick) fetches the rows newer than the newest shown, at most twice a
  // second (the last event of a finished job too).
  const atLatest = stack.length === 0;
  useEffect(() => {
    if (!atLatest) return;
    const poll = async () => {
      if (busy.current || !loaded.current) return;
      busy.current = true;
      lastPoll.current = Date.now();
      try {
        const newest = rowsRef.current[rowsRef.current.length - 1]?.cursor ?? null;
        const c = await fetchPage(jobId, kind, { after: newest, newestFirst: false, first: 500 });
        if (c.edges.length) {
          const next = [...rowsRef.current, ...c.edges];
          if (next.length > PAGE) setHasOlder(true);
          setRows(next.slice(-PAGE));
        }
        setTotal(c.totalCount); // totalCount counts every row, whatever the cursor
      } catch {
        /* the next event polls again */
      } finally {
        busy.current = false;
      }
    };
    const wait = Math.max(0, 500 - (Date.now() - lastPoll.current));
    if (pollTimer.current) clearTimeout(pollTimer.current);
    pollTimer.current = setTimeout(poll, wait);
  }, [tick, live, atLatest]);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  /** The `after` of the page on screen (null: the latest page). */
  const shownAfter = useRef<string | null>(null);
  const older = () => {
    const oldest = rows[0]?.cursor;
    if (!oldest) return;
    setStack([...stack, shownAfter.current]);
    shownAfter.current = oldest;
    showNewestFirst(oldest);
  };
  const newer = () => {
    const s = stack.slice();
    shownAfter.current = s.pop() ?? null;
    setStack(s);
    showNewestFirst(shownAfter.current);
  };
  const latest = () => {
    shownAfter.current = null;
    setStack([]);
    showNewestFirst(null);
  };

  const label = kind === "logs" ? "Log" : "Issues";
  return (
    <section class="pager" aria-label={label}>
      <div class="pager-head">
        <h2>
          {kind === "logs" ? "Log" : "Issues"}{" "}
          <span class="muted count">{total == null ? "" : `${total.toLocaleString("en")} ${kind === "logs" ? "lines" : "issues"}`}</span>
        </h2>
        <div class="pager-nav">
          <button type="button" class="quiet" disabled={!hasOlder} onClick={older}>
            Older
          </button>
          <button type="button" class="quiet" disabled={atLatest} onClick={newer}>
            Newer
          </button>
          <button type="button" class="quiet" disabled={atLatest} onClick={latest}>
            Latest
          </button>
          {atLatest && live && <span class="muted small">following</span>}
        </div>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {rows.length === 0 ? (
        <p class="empty">{kind === "logs" ? "No log lines." : "No issues."}</p>
      ) : kind === "logs" ? (
        <ol class="log" data-rows={rows.length}>
          {rows.map((r) => (
            <li key={r.node.id} class={`lvl-${r.node.level}`}>
              <time>{time(r.node.createdAt)}</time> <span class="lvl">{r.node.level}</span> <span class="msg">{r.node.message}</span>
            </li>
          ))}
        </ol>
      ) : (
        <table class="issues">
          <thead>
            <tr>
              <th scope="col">Record</th>
              <th scope="col">Key</th>
              <th scope="col">Code</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.node.id}>
                <td>{r.node.entity}</td>
                <td>
                  <code>{r.node.key}</code>
                </td>
                <td>{r.node.code}</td>
                <td>{r.node.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
