import cliProgress from "cli-progress";
import { addSample, displayRate, elapsedMs, etaMs, formatDuration, formatRate, Sample, TERMINAL } from "../../dashboard/src/rate";
import { RemoteSelvedge } from "./remote-client";

export const JOB_FIELDS =
  "id connector operation state progress processed failed total dryRun full error summary createdAt startedAt finishedAt updatedAt attempts maxAttempts";

export interface RemoteJob {
  id: string;
  connector: string;
  operation: string;
  state: string;
  progress: number;
  processed: number;
  failed: number;
  total: number | null;
  dryRun: boolean;
  full: boolean;
  error: string | null;
  summary: Record<string, unknown> | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
  attempts: number;
  maxAttempts: number;
  phase?: string | null;
}

export interface Output {
  write(text: string): void;
  isTTY: boolean;
}

const num = (n: number | null | undefined) => (n == null ? "?" : n.toLocaleString("en"));
const pct = (job: RemoteJob) => `${Math.round(job.progress * 100)}%`;

/** A one-line status, used for plain (non-TTY) output. */
export function statusLine(job: RemoteJob, rate: number | null, eta: number | null): string {
  const parts = [`job ${job.id} ${job.state}`, pct(job), `${num(job.processed)}/${num(job.total)}`];
  if (job.failed) parts.push(`${num(job.failed)} failed`);
  if (rate != null) parts.push(formatRate(rate));
  if (eta != null) parts.push(`ETA ${formatDuration(eta)}`);
  if (job.phase) parts.push(`phase ${job.phase}`);
  return parts.join("  ");
}

/**
 * Follows a job over graphql-ws (jobUpdated: the current state, every change, the terminal state) and shows it:
 * a progress bar on a terminal (cli-progress), plain lines otherwise (a line per state change and at most one
 * progress line every 2 s). Resolves with the terminal state.
 */
export async function followJob(remote: RemoteSelvedge, id: string, out: Output, fields = JOB_FIELDS): Promise<RemoteJob> {
  let last: RemoteJob | null = null;
  let samples: Sample[] = [];
  let bar: cliProgress.SingleBar | null = null;
  let lastLine = 0;
  let lastState = "";
  await remote.subscribe<{ jobUpdated: RemoteJob }>(`subscription($id: ID!) { jobUpdated(id: $id) { ${fields} } }`, { id }, ({ jobUpdated: job }) => {
    last = job;
    samples = job.startedAt ? addSample(samples, { t: Date.parse(job.updatedAt), done: job.processed + job.failed }) : samples;
    const now = Date.now();
    const rate = displayRate(job, samples, now);
    const eta = etaMs(job, rate);
    if (out.isTTY) {
      const payload = {
        label: `${job.connector} ${job.operation}`.slice(0, 40),
        state: job.state.padEnd(9),
        counts: `${num(job.processed + job.failed)}/${num(job.total)}${job.failed ? ` (${num(job.failed)} failed)` : ""}`,
        rate: formatRate(rate),
        left: job.state === "RUNNING" ? (eta == null ? "…" : formatDuration(eta)) : formatDuration(elapsedMs(job, now)),
        phase: job.phase ? ` ${job.phase}` : "",
      };
      if (!bar) {
        bar = new cliProgress.SingleBar(
          { format: "{label} {state} |{bar}| {percentage}% {counts} {rate} ETA {left}{phase}", hideCursor: true, barsize: 30, stream: process.stdout },
          cliProgress.Presets.shades_classic,
        );
        bar.start(100, 0, payload);
      }
      bar.update(Math.round(job.progress * 100), payload);
    } else if (job.state !== lastState || (job.state === "RUNNING" && now - lastLine >= 2000)) {
      out.write(statusLine(job, rate, eta) + "\n");
      lastLine = now;
    }
    lastState = job.state;
  });
  if (bar) (bar as cliProgress.SingleBar).stop();
  if (!last) throw new Error(`No events for job ${id}`);
  return last;
}

export async function printOutcome(remote: RemoteSelvedge, job: RemoteJob, out: Output, issues = 10, withSummary = true): Promise<void> {
  const took = formatDuration(elapsedMs(job, Date.now()));
  out.write(
    `job ${job.id} ${job.connector}/${job.operation} ${job.state}${TERMINAL.includes(job.state) ? ` in ${took}` : ""}: ${num(job.processed)} processed, ${num(job.failed)} failed, total ${num(job.total)}${job.dryRun ? " (dry run)" : ""}\n`,
  );
  if (job.error) out.write(`error: ${job.error}\n`);
  if (job.summary && withSummary) {
    out.write("summary:\n");
    for (const [k, v] of Object.entries(job.summary)) out.write(`  ${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}\n`);
  }
  if (job.failed || issues) {
    const data = await remote.query(
      `query($id: ID!, $n: Int) { job(id: $id) { issues(first: $n) { totalCount edges { node { entity key code message } } } } }`,
      { id: job.id, n: issues },
    );
    const conn = data.job.issues as { totalCount: number; edges: { node: { entity: string; key: string; code: string; message: string } }[] };
    if (conn.totalCount) {
      out.write(`issues (first ${conn.edges.length} of ${conn.totalCount}):\n`);
      for (const { node: i } of conn.edges) out.write(`  ${i.entity} ${i.key}  ${i.code}  ${i.message}\n`);
    }
  }
}
