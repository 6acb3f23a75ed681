// The JOOR connection test and the sync ledger (what JOOR has of each record, when, and what it answered).
import { useState } from "preact/hooks";
import { gql } from "../api";
import { dateTime, ErrorNote } from "./components";
import { Connection, usePagedConnection } from "./use-paged-connection";

interface Check {
  name: string;
  ok: boolean;
  message: string;
}
interface TestResult {
  ok: boolean;
  message: string;
  checks: Check[];
}

export function ConnectionTest({ isAdmin }: { isAdmin: boolean }) {
  const [result, setResult] = useState<TestResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!isAdmin) return null; // the test reads credentials: ADMIN only
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(
        (await gql<{ testJoorConnection: TestResult }>(`mutation { testJoorConnection { ok message checks { name ok message } } }`)).testJoorConnection,
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="conn-test-h" class="card connection-test">
      <div class="section-head">
        <h2 id="conn-test-h">Connection</h2>
        <button type="button" onClick={run} disabled={busy} data-action="test-connection">
          {busy ? "Testing…" : "Test the JOOR connection"}
        </button>
      </div>
      <ErrorNote message={error} />
      {result && (
        <div role="status" data-ok={String(result.ok)}>
          <p class={result.ok ? "ok-text" : "error"}>
            <strong>{result.ok ? "Connected." : "Not working."}</strong> {result.message}
          </p>
          <ul class="checks">
            {result.checks.map((c) => (
              <li class={c.ok ? "ok-text" : "error"}>
                <span aria-hidden="true">{c.ok ? "✓" : "✗"}</span> <strong>{c.name}</strong>: {c.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

interface LedgerRow {
  id: string;
  kind: string;
  key: string;
  label: string | null;
  joorId: string | null;
  status: string;
  message: string | null;
  payloadHash: string | null;
  sentAt: string | null;
  updatedAt: string;
}

const KINDS = ["CUSTOMER", "PRODUCT", "SKU", "PRICE", "IMAGE", "INVENTORY", "LINESHEET", "SEASON"];

export function SyncLedger() {
  const [kind, setKind] = useState("CUSTOMER");
  const [status, setStatus] = useState("");
  const [search, setSearch] = useState("");
  const { conn, error, hasPrevious, hasNext, previous, next, reset } = usePagedConnection<LedgerRow>(
    async (after) => {
      const filter: Record<string, string> = {};
      if (status) filter.status = status;
      if (search.trim()) filter.labelPrefix = search.trim();
      const data = await gql<{ joorSyncRecords: Connection<LedgerRow> }>(
        `query($kind: JoorRecordKind!, $after: String, $filter: JoorSyncRecordFilter) { joorSyncRecords(kind: $kind, first: 25, after: $after, filter: $filter) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id kind key label joorId status message payloadHash sentAt updatedAt } } } }`,
        { kind, after, filter },
      );
      return data.joorSyncRecords;
    },
    [kind, status],
  );
  return (
    <section aria-labelledby="ledger-h" class="ledger">
      <div class="section-head">
        <h2 id="ledger-h">Sync ledger</h2>
        <span class="muted" role="status">
          {conn ? `${conn.totalCount.toLocaleString("en")} records` : "loading…"}
        </span>
      </div>
      <form
        class="schedule-form"
        onSubmit={(e) => {
          e.preventDefault();
          reset();
        }}
      >
        <label for="ledger-kind">Kind</label>
        <select id="ledger-kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>
          {KINDS.map((k) => (
            <option value={k}>{k.toLowerCase()}</option>
          ))}
        </select>
        <label for="ledger-status">JOOR's answer</label>
        <select id="ledger-status" value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}>
          <option value="">any</option>
          <option value="ACCEPTED">accepted</option>
          <option value="FAILED">failed</option>
          <option value="REMOVED">removed</option>
        </select>
        <label for="ledger-search">Label starts with</label>
        <input id="ledger-search" value={search} onInput={(e) => setSearch((e.target as HTMLInputElement).value)} />
        <button type="submit" class="quiet">
          Search
        </button>
      </form>
      <ErrorNote message={error} />
      {conn && conn.edges.length === 0 && <p class="empty">Nothing sent to JOOR yet.</p>}
      {conn && conn.edges.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Record</th>
              <th scope="col">JOOR id</th>
              <th scope="col">JOOR's answer</th>
              <th scope="col">Sent</th>
            </tr>
          </thead>
          <tbody>
            {conn.edges.map(({ node: r }) => (
              <tr data-ledger-key={r.key}>
                <td>
                  {r.label ?? r.key} <span class="muted small">({r.key})</span>
                </td>
                <td>
                  <code>{r.joorId ?? "—"}</code>
                </td>
                <td class={r.status === "FAILED" ? "error" : ""}>
                  {r.status.toLowerCase()}
                  {r.message ? `: ${r.message}` : ""}
                </td>
                <td>{dateTime(r.sentAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="pager-nav">
        <button type="button" class="quiet" disabled={!hasPrevious} onClick={previous}>
          Previous
        </button>
        <button type="button" class="quiet" disabled={!hasNext} onClick={next}>
          Next
        </button>
      </div>
    </section>
  );
}
