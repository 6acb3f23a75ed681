import { useState } from "preact/hooks";
import { gql } from "../api";
import { Job, jobFields, store } from "../store";
import { displayRate, elapsedMs, etaMs, formatDuration, formatRate, TERMINAL } from "../rate";

const fmt = (n: number | null | undefined) => (n == null ? "?" : n.toLocaleString("en"));
export const time = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleTimeString() : "—");
export const dateTime = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : "—");

export function StateBadge({ state }: { state: string }) {
  return <span class={`state state-${state.toLowerCase()}`}>{state}</span>;
}

export function ProgressBar({ job }: { job: Job }) {
  const pct = Math.round(job.progress * 1000) / 10;
  const known = job.total != null || TERMINAL.includes(job.state);
  return (
    <div
      class={`bar bar-${job.state.toLowerCase()}${known ? "" : " bar-unknown"}`}
      role="progressbar"
      aria-label={`Job ${job.id} progress`}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={known ? pct : undefined}
      aria-valuetext={known ? `${pct}%` : "total not known yet"}
      data-updated-at={job.updatedAt}
    >
      <span style={{ width: `${known ? pct : 100}%` }} />
    </div>
  );
}

/** processed / failed / total, rate, elapsed, ETA, phase and throttling, as one line of facts. */
export function JobFacts({ job, now }: { job: Job; now: number }) {
  const samples = store.samples.get(job.id) ?? [];
  const rate = displayRate(job, samples, now);
  const eta = etaMs(job, rate);
  const waiting = job.state === "RUNNING" && job.waitingUntil && Date.parse(job.waitingUntil) > now ? job.waitingUntil : null;
  return (
    <dl class="facts">
      <div>
        <dt>Processed</dt>
        <dd class="processed">{fmt(job.processed)}</dd>
      </div>
      <div>
        <dt>Failed</dt>
        <dd class={job.failed ? "bad" : ""}>{fmt(job.failed)}</dd>
      </div>
      <div>
        <dt>Total</dt>
        <dd>{fmt(job.total)}</dd>
      </div>
      <div>
        <dt>Rate</dt>
        <dd>{formatRate(rate)}</dd>
      </div>
      <div>
        <dt>Elapsed</dt>
        <dd>{formatDuration(elapsedMs(job, now))}</dd>
      </div>
      <div>
        <dt>ETA</dt>
        <dd title="From the rate of the last 10 seconds; none while there is no measured rate">
          {job.state === "RUNNING" ? (eta == null ? "estimating…" : formatDuration(eta)) : "—"}
        </dd>
      </div>
      {job.phase && (
        <div>
          <dt>Phase</dt>
          <dd class="phase">{job.phase}</dd>
        </div>
      )}
      {waiting && (
        <div class="waiting" role="status">
          <dt>Throttled</dt>
          <dd>
            {job.waitingReason ?? "waiting for JOOR credits"} until {time(waiting)}
          </dd>
        </div>
      )}
    </dl>
  );
}

export function JobActions({ job, canEdit, onError }: { job: Job; canEdit: boolean; onError: (m: string | null) => void }) {
  const [busy, setBusy] = useState(false);
  if (!canEdit) return null;
  const act = async (mutation: string) => {
    setBusy(true);
    onError(null);
    try {
      const data = await gql(mutation, { id: job.id });
      const result = data.cancelJob ?? data.retryJob;
      if (result?.__typename === "Job" || result?.id) {
        store.put(result);
        if (data.retryJob) location.hash = `#/jobs/${result.id}`;
      } else if (result?.message) onError(result.message);
    } catch (e) {
      onError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const running = job.state === "RUNNING" || job.state === "QUEUED";
  return (
    <div class="actions">
      {running && (
        <button
          type="button"
          class="danger"
          disabled={busy || job.cancelRequested}
          onClick={() => act(`mutation($id: ID!) { cancelJob(id: $id) { __typename ${jobFields()} } }`)}
        >
          {job.cancelRequested ? "Cancelling…" : "Cancel"}
        </button>
      )}
      {(job.state === "FAILED" || job.state === "CANCELLED") && (
        <button
          type="button"
          disabled={busy}
          onClick={() => act(`mutation($id: ID!) { retryJob(id: $id) { __typename ... on Job { ${jobFields()} } ... on ErrorResult { errorCode message } } }`)}
        >
          Retry
        </button>
      )}
    </div>
  );
}

export function ErrorNote({ message }: { message: string | null }) {
  return message ? (
    <p class="error" role="alert">
      {message}
    </p>
  ) : null;
}
