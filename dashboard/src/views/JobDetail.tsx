import { useEffect, useState } from "preact/hooks";
import { gql, subscribe } from "../api";
import { Job, jobFields, store, useJob, useNow } from "../store";
import { TERMINAL } from "../rate";
import { ErrorNote, JobActions, JobFacts, ProgressBar, StateBadge, dateTime } from "./components";
import { ThroughputChart } from "./Chart";
import { Pager } from "./Pager";

export function JobDetail({ id, canEdit }: { id: string; canEdit: boolean }) {
  const now = useNow();
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => {
    setError(null);
    gql<{ job: Job }>(`query($id: ID!) { job(id: $id) { ${jobFields()} } }`, { id })
      .then((d) => store.put(d.job))
      .catch((e) => setError((e as Error).message));
    // jobUpdated: the current state, every change, then it completes after the terminal state.
    return subscribe<{ jobUpdated: Job }>(`subscription($id: ID!) { jobUpdated(id: $id) { ${jobFields()} } }`, { id }, (d) => store.put(d.jobUpdated));
  }, [id]);

  const job = useJob(id);
  if (error)
    return (
      <section>
        <p>
          <a href="#/jobs">← Jobs</a>
        </p>
        <ErrorNote message={error} />
      </section>
    );
  if (!job) return <p class="muted">Loading job {id}…</p>;
  const live = !TERMINAL.includes(job.state);
  return (
    <section aria-labelledby="job-h" class="job-detail" data-job-id={job.id} data-state={job.state}>
      <p>
        <a href="#/jobs">← Jobs</a>
      </p>
      <div class="section-head">
        <h1 id="job-h">
          Job #{job.id}: {job.connector} · {job.operation}
        </h1>
        <StateBadge state={job.state} />
        {job.dryRun && <span class="flag">dry run</span>}
        {job.full && <span class="flag">full</span>}
      </div>
      <ProgressBar job={job} />
      <JobFacts job={job} now={now} />
      <p class="muted small">
        Queued {dateTime(job.createdAt)} · started {dateTime(job.startedAt)} · finished {dateTime(job.finishedAt)} · attempt {job.attempts} of {job.maxAttempts}
        {job.retryOfId && (
          <>
            {" "}
            · retry of <a href={`#/jobs/${job.retryOfId}`}>#{job.retryOfId}</a>
          </>
        )}
      </p>
      {job.error && <p class="error">{job.error}</p>}
      <ErrorNote message={actionError} />
      <JobActions job={job} canEdit={canEdit} onError={setActionError} />
      <ThroughputChart samples={store.samples.get(job.id) ?? []} version={job.updatedAt} />
      {job.summary && (
        <details open>
          <summary>Summary</summary>
          <pre class="summary">{JSON.stringify(job.summary, null, 2)}</pre>
        </details>
      )}
      <div class="panes">
        <Pager jobId={job.id} kind="issues" live={live} tick={job.updatedAt} />
        <Pager jobId={job.id} kind="logs" live={live} tick={job.updatedAt} />
      </div>
    </section>
  );
}
