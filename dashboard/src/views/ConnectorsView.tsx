import { useEffect, useState } from "preact/hooks";
import { gql } from "../api";
import { jobFields, store } from "../store";
import { dateTime, ErrorNote } from "./components";

interface Operation {
  name: string;
  description: string | null;
}
interface Connector {
  name: string;
  version: string;
  description: string | null;
  module: string;
  enabled: boolean;
  settingsComplete: boolean;
  missingSettings: string[];
  operations: Operation[];
}
interface Schedule {
  id: string;
  connector: string;
  operation: string;
  intervalMinutes: number;
  enabled: boolean;
  full: boolean;
  nextRunAt: string;
  lastRunAt: string | null;
  lastJobId: string | null;
}

const LOAD = `{ connectors { name version description module enabled settingsComplete missingSettings operations { name description } }
  jobSchedules { id connector operation intervalMinutes enabled full nextRunAt lastRunAt lastJobId } }`;

function RunOperation({ connector, op }: { connector: Connector; op: Operation }) {
  const [dryRun, setDryRun] = useState(false);
  const [full, setFull] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const idBase = `${connector.name}-${op.name}`;
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const { startSync: r } = await gql(
        `mutation($input: StartSyncInput!) { startSync(input: $input) { __typename ... on Job { ${jobFields()} } ... on ErrorResult { errorCode message } ... on AlreadyRunningError { job { id } } } }`,
        { input: { connector: connector.name, operation: op.name, dryRun, full } },
      );
      if (r.__typename === "Job") {
        store.put(r);
        location.hash = `#/jobs/${r.id}`;
      } else if (r.__typename === "AlreadyRunningError") {
        setError(`${r.message} (job #${r.job.id})`);
      } else setError(r.message);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="run">
      <label class="inline">
        <input id={`${idBase}-dry`} type="checkbox" checked={dryRun} onChange={(e) => setDryRun((e.target as HTMLInputElement).checked)} /> Dry run
      </label>
      <label class="inline">
        <input id={`${idBase}-full`} type="checkbox" checked={full} onChange={(e) => setFull((e.target as HTMLInputElement).checked)} /> Full
      </label>
      <button type="button" data-run={`${connector.name}/${op.name}`} disabled={busy} onClick={run} aria-label={`Run ${op.name}`}>
        {busy ? "Starting…" : "Run"}
      </button>
      <ErrorNote message={error} />
    </div>
  );
}

function AddSchedule({ connector, onDone }: { connector: Connector; onDone: () => void }) {
  const [operation, setOperation] = useState(connector.operations[0]?.name ?? "");
  const [minutes, setMinutes] = useState("60");
  const [full, setFull] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await gql(`mutation($input: JobScheduleInput!) { setJobSchedule(input: $input) { id } }`, {
        input: { connector: connector.name, operation, intervalMinutes: Number(minutes), full },
      });
      onDone();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const id = `sched-${connector.name}`;
  return (
    <form class="schedule-form" onSubmit={submit}>
      <label for={`${id}-op`}>Operation</label>
      <select id={`${id}-op`} value={operation} onChange={(e) => setOperation((e.target as HTMLSelectElement).value)}>
        {connector.operations.map((o) => (
          <option value={o.name}>{o.name}</option>
        ))}
      </select>
      <label for={`${id}-min`}>Every (minutes)</label>
      <input id={`${id}-min`} type="number" min={1} max={10080} value={minutes} onInput={(e) => setMinutes((e.target as HTMLInputElement).value)} />
      <label class="inline">
        <input type="checkbox" checked={full} onChange={(e) => setFull((e.target as HTMLInputElement).checked)} /> Full
      </label>
      <button type="submit">Save schedule</button>
      <ErrorNote message={error} />
    </form>
  );
}

export function ConnectorsView({ canEdit, isAdmin }: { canEdit: boolean; isAdmin: boolean }) {
  const [data, setData] = useState<{ connectors: Connector[]; jobSchedules: Schedule[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    gql(LOAD)
      .then(setData)
      .catch((e) => setError((e as Error).message));
  useEffect(() => {
    load();
  }, []);
  const toggle = async (c: Connector) => {
    try {
      await gql(`mutation($name: String!) { ${c.enabled ? "disableConnector" : "enableConnector"}(name: $name) { name } }`, { name: c.name });
      load();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const removeSchedule = async (id: string) => {
    try {
      await gql(`mutation($id: ID!) { removeJobSchedule(id: $id) }`, { id });
      load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (!data) return error ? <ErrorNote message={error} /> : <p class="muted">Loading connectors…</p>;
  return (
    <section aria-labelledby="conn-h">
      <h1 id="conn-h">Connectors</h1>
      <ErrorNote message={error} />
      {data.connectors.length === 0 && <p class="empty">No connector is installed (SELVEDGE_PLUGINS).</p>}
      {data.connectors.map((c) => {
        const schedules = data.jobSchedules.filter((s) => s.connector === c.name);
        return (
          <article class="card connector" data-connector={c.name} aria-labelledby={`c-${c.name}`}>
            <div class="section-head">
              <h2 id={`c-${c.name}`}>
                {c.name} <span class="muted small">v{c.version}</span>
              </h2>
              <span class={`chip ${c.enabled ? "ok" : "off"}`}>{c.enabled ? "enabled" : "not enabled"}</span>
              <span class={`chip ${c.settingsComplete ? "ok" : "warn"}`}>{c.settingsComplete ? "settings complete" : "settings incomplete"}</span>
              {isAdmin && (
                <button type="button" class="quiet" onClick={() => toggle(c)}>
                  {c.enabled ? "Disable" : "Enable"}
                </button>
              )}
            </div>
            {c.description && <p>{c.description}</p>}
            {!c.settingsComplete && c.missingSettings.length > 0 && <p class="warn-text">Missing: {c.missingSettings.join(", ")}</p>}
            <h3>Operations</h3>
            <ul class="ops">
              {c.operations.map((op) => (
                <li data-operation={op.name}>
                  <div>
                    <strong>{op.name}</strong>
                    {op.description && <span class="muted"> — {op.description}</span>}
                  </div>
                  {canEdit && <RunOperation connector={c} op={op} />}
                </li>
              ))}
            </ul>
            <h3>Schedules</h3>
            {schedules.length === 0 ? (
              <p class="muted">None.</p>
            ) : (
              <table class="schedules">
                <thead>
                  <tr>
                    <th scope="col">Operation</th>
                    <th scope="col">Every</th>
                    <th scope="col">Next run</th>
                    <th scope="col">Last run</th>
                    {canEdit && (
                      <th scope="col">
                        <span class="sr">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {schedules.map((s) => (
                    <tr>
                      <td>
                        {s.operation}
                        {s.full ? " (full)" : ""}
                        {s.enabled ? "" : " (paused)"}
                      </td>
                      <td>{s.intervalMinutes} min</td>
                      <td>{dateTime(s.nextRunAt)}</td>
                      <td>{s.lastJobId ? <a href={`#/jobs/${s.lastJobId}`}>{dateTime(s.lastRunAt)}</a> : "—"}</td>
                      {canEdit && (
                        <td>
                          <button type="button" class="quiet" onClick={() => removeSchedule(s.id)} aria-label={`Remove the ${s.operation} schedule`}>
                            Remove
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {canEdit && c.operations.length > 0 && <AddSchedule connector={c} onDone={load} />}
          </article>
        );
      })}
    </section>
  );
}
