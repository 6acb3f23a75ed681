// JOOR: the connection test, held inbound orders (reasons, raw payload, retry / dismiss) and the sync ledger.
// Plain GraphQL calls to the JOOR plugin's part of the public API.
import { useState } from "preact/hooks";
import { gql } from "../api";
import { dateTime, ErrorNote } from "./components";
import { ConnectionTest, SyncLedger } from "./JoorLedger";
import { Connection, usePagedConnection } from "./use-paged-connection";

interface Reason {
  code: string;
  message: string;
  field: string | null;
  line: number | null;
}
interface Inbound {
  id: string;
  joorOrderId: string;
  state: string;
  customerCode: string | null;
  payload: string;
  reasons: Reason[];
  attempts: number;
  pulledAt: string;
  heldAt: string | null;
  importedAt: string | null;
  dismissedAt: string | null;
  dismissReason: string | null;
  order: { id: string; number: string } | null;
}

const STATES = ["HELD", "STAGED", "IMPORTED", "DISMISSED"];
const FIELDS =
  "id joorOrderId state customerCode payload reasons { code message field line } attempts pulledAt heldAt importedAt dismissedAt dismissReason order { id number }";

function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

function InboundRow({ o, canEdit, onChange }: { o: Inbound; canEdit: boolean; onChange: (o: Inbound) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dismissing, setDismissing] = useState(false);
  const [why, setWhy] = useState("");
  const act = async (mutation: string, variables: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const data = await gql(mutation, variables);
      onChange((data.retryJoorInboundOrder ?? data.dismissJoorInboundOrder) as Inbound);
      setDismissing(false);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const retry = () => act(`mutation($id: ID!) { retryJoorInboundOrder(id: $id) { ${FIELDS} } }`, { id: o.id });
  const dismiss = (e: Event) => {
    e.preventDefault();
    act(`mutation($id: ID!, $reason: String!) { dismissJoorInboundOrder(id: $id, reason: $reason) { ${FIELDS} } }`, { id: o.id, reason: why.trim() });
  };
  return (
    <li class="card inbound" data-inbound-id={o.id} data-joor-order={o.joorOrderId} data-state={o.state}>
      <div class="section-head">
        <h3>JOOR order {o.joorOrderId}</h3>
        <span class={`state state-${o.state === "IMPORTED" ? "succeeded" : o.state === "HELD" ? "failed" : "queued"}`}>{o.state}</span>
        <span class="muted small">
          customer {o.customerCode ?? "—"} · pulled {dateTime(o.pulledAt)} · {o.attempts} attempt{o.attempts === 1 ? "" : "s"}
        </span>
      </div>
      {o.order && (
        <p>
          Imported as order <strong>{o.order.number}</strong> {dateTime(o.importedAt)}
        </p>
      )}
      {o.dismissReason && (
        <p class="muted">
          Dismissed {dateTime(o.dismissedAt)}: {o.dismissReason}
        </p>
      )}
      {o.reasons.length > 0 && (
        <ul class="reasons" aria-label="Reasons">
          {o.reasons.map((r) => (
            <li>
              <code>{r.code}</code> {r.message}
              {r.field ? (
                <span class="muted">
                  {" "}
                  ({r.field}
                  {r.line ? `, line ${r.line}` : ""})
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>Raw payload</summary>
        <pre class="payload">{pretty(o.payload)}</pre>
      </details>
      <ErrorNote message={error} />
      {canEdit && o.state === "HELD" && (
        <div class="actions">
          <button type="button" disabled={busy} onClick={retry} data-action="retry">
            Retry
          </button>
          {!dismissing && (
            <button type="button" class="danger" disabled={busy} onClick={() => setDismissing(true)}>
              Dismiss…
            </button>
          )}
          {dismissing && (
            <form class="dismiss" onSubmit={dismiss}>
              <label for={`why-${o.id}`}>Reason</label>
              <input id={`why-${o.id}`} required value={why} onInput={(e) => setWhy((e.target as HTMLInputElement).value)} />
              <button type="submit" class="danger" disabled={busy || !why.trim()}>
                Dismiss
              </button>
              <button type="button" class="quiet" onClick={() => setDismissing(false)}>
                Keep
              </button>
            </form>
          )}
        </div>
      )}
    </li>
  );
}

function InboundOrders({ canEdit }: { canEdit: boolean }) {
  const [state, setState] = useState("HELD");
  const { conn, error, setConn, hasPrevious, hasNext, previous, next, refresh } = usePagedConnection<Inbound>(
    async (after) => {
      const data = await gql<{ joorInboundOrders: Connection<Inbound> }>(
        `query($after: String, $filter: JoorInboundOrderFilter) { joorInboundOrders(first: 20, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${FIELDS} } } } }`,
        { after, filter: { states: [state] } },
      );
      return data.joorInboundOrders;
    },
    [state],
  );
  const replace = (o: Inbound) => conn && setConn({ ...conn, edges: conn.edges.map((e) => (e.node.id === o.id ? { node: o } : e)) });
  return (
    <section aria-labelledby="inbound-h" class="inbound-orders">
      <div class="section-head">
        <h2 id="inbound-h">Inbound orders</h2>
        <label for="inbound-state">Show</label>
        <select id="inbound-state" value={state} onChange={(e) => setState((e.target as HTMLSelectElement).value)}>
          {STATES.map((s) => (
            <option value={s}>{s.toLowerCase()}</option>
          ))}
        </select>
        <span class="muted" role="status">
          {conn ? `${conn.totalCount} ${state.toLowerCase()}` : "loading…"}
        </span>
        <button type="button" class="quiet" onClick={refresh}>
          Refresh
        </button>
      </div>
      <ErrorNote message={error} />
      {conn && conn.edges.length === 0 && <p class="empty">No {state.toLowerCase()} orders.</p>}
      <ul class="plain">
        {conn?.edges.map((e) => (
          <InboundRow key={e.node.id} o={e.node} canEdit={canEdit} onChange={replace} />
        ))}
      </ul>
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

export function JoorView({ canEdit, isAdmin }: { canEdit: boolean; isAdmin: boolean }) {
  return (
    <section aria-labelledby="joor-h" class="joor">
      <h1 id="joor-h">JOOR</h1>
      <ConnectionTest isAdmin={isAdmin} />
      <InboundOrders canEdit={canEdit} />
      <SyncLedger />
    </section>
  );
}
