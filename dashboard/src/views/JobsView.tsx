import { useEffect, useState } from "preact/hooks";
import { gql } from "../api";
import { Job, jobFields, store, useNow, useStore } from "../store";
import { ErrorNote, JobActions, JobFacts, ProgressBar, StateBadge, time } from "./components";

interface JobPage {
  jobs: { edges: { node: Job }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number };
}

export function JobRow({ job, canEdit, now }: { job: Job; canEdit: boolean; now: number }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <li class="job" data-job-id={job.id} data-state={job.state}>
      <div class="job-head">
        <a href={`#/jobs/${job.id}`} class="job-title">
          <span class="muted">#{job.id}</span> {job.connector} · <strong>{job.operation}</strong>
        </a>
        <StateBadge state={job.state} />
        {job.dryRun && <span class="flag">dry run</span>}
        {job.full && <span class="flag">full</span>}
        <span class="muted small">queued {time(job.createdAt)}</span>
      </div>
      <ProgressBar job={job} />
      <JobFacts job={job} now={now} />
      {job.error && <p class="error small">{job.error}</p>}
      <ErrorNote message={error} />
      <JobActions job={job} canEdit={canEdit} onError={setError} />
    </li>
  );
}

export function JobsView({ canEdit }: { canEdit: boolean }) {
  useStore();
  const now = useNow();
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [activeOnly, setActiveOnly] = useState(false);

  const load = async (after: string | null) => {
    try {
      const data = await gql<JobPage>(
        `query($after: String) { jobs(first: 50, after: $after, newestFirst: true) { edges { node { ${jobFields()} } } pageInfo { hasNextPage endCursor } totalCount } }`,
        { after },
      );
      data.jobs.edges.forEach((e) => store.put(e.node));
      setCursor(data.jobs.pageInfo.endCursor);
      setMore(data.jobs.pageInfo.hasNextPage);
      setTotal(data.jobs.totalCount);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => {
    load(null);
  }, []);

  const jobs = [...store.jobs.values()].filter((j) => !activeOnly || j.state === "RUNNING" || j.state === "QUEUED").sort((a, b) => Number(b.id) - Number(a.id));
  const running = jobs.filter((j) => j.state === "RUNNING").length;
  return (
    <section aria-labelledby="jobs-h">
      <div class="section-head">
        <h1 id="jobs-h">Jobs</h1>
        <span class="muted" role="status">
          {total == null ? "loading…" : `${running} running · ${Math.max(total, store.jobs.size)} in all`}
        </span>
        <label class="inline">
          <input type="checkbox" checked={activeOnly} onChange={(e) => setActiveOnly((e.target as HTMLInputElement).checked)} /> Running and queued only
        </label>
      </div>
      <ErrorNote message={error} />
      {total === 0 && store.jobs.size === 0 && (
        <p class="empty">
          No jobs yet. Start one from <a href="#/connectors">Connectors</a>.
        </p>
      )}
      <ul class="jobs" aria-label="Jobs, newest first">
        {jobs.map((j) => (
          <JobRow key={j.id} job={j} canEdit={canEdit} now={now} />
        ))}
      </ul>
      {more && (
        <button type="button" class="quiet" onClick={() => load(cursor)}>
          Load older jobs
        </button>
      )}
    </section>
  );
}
