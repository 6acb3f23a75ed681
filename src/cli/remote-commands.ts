import { Command } from "commander";
import { followJob, JOB_FIELDS, Output, printOutcome, RemoteJob } from "./job-follow";
import { RemoteSelvedge } from "./remote-client";
import { TERMINAL } from "../../dashboard/src/rate";

/** A job that did not end SUCCEEDED: the CLI exits non-zero (the outcome is already printed). */
export class JobDidNotSucceed extends Error {
  constructor(readonly job: RemoteJob) {
    super(`job ${job.id} ended ${job.state}`);
  }
}

const stdout: Output = {
  write: (t) => process.stdout.write(t),
  get isTTY() {
    return process.stdout.isTTY === true;
  },
};

async function withRemote<T>(url: string | undefined, work: (r: RemoteSelvedge) => Promise<T>): Promise<T> {
  const remote = RemoteSelvedge.fromEnv(process.env, url);
  try {
    return await work(remote);
  } finally {
    await remote.close();
  }
}

async function finish(remote: RemoteSelvedge, job: RemoteJob, out: Output): Promise<void> {
  await printOutcome(remote, job, out);
  if (job.state !== "SUCCEEDED") throw new JobDidNotSucceed(job);
}

/**
 * Commands against a running server (SELVEDGE_URL, SELVEDGE_TOKEN), through the public GraphQL API only:
 *   sync <connector> <operation> [--dry-run] [--full]   start a job and follow it to its end
 *   jobs [--connector c] [--limit n]                      recent jobs, newest first
 *   job <id> [--follow]                                   one job (and follow it while it runs)
 */
export function addRemoteCommands(program: Command, out: Output = stdout): void {
  program
    .command("sync")
    .description("Run a connector operation on a running server and follow it (exit 0 when it SUCCEEDED)")
    .argument("<connector>")
    .argument("<operation>")
    .option("--dry-run", "compute and report without changing anything")
    .option("--full", "ignore the incremental state and do everything")
    .option("--url <url>", "server URL (default SELVEDGE_URL or http://127.0.0.1:4000)")
    .action((connector: string, operation: string, o) =>
      withRemote(o.url, async (remote) => {
        const { startSync: r } = await remote.query(
          `mutation($input: StartSyncInput!) { startSync(input: $input) { __typename ... on Job { id } ... on ErrorResult { errorCode message } ... on AlreadyRunningError { job { id } } } }`,
          { input: { connector, operation, dryRun: !!o.dryRun, full: !!o.full } },
        );
        if (r.__typename !== "Job")
          throw new Error(r.__typename === "AlreadyRunningError" ? `${r.message} (job ${r.job.id}; follow it with: job ${r.job.id} --follow)` : r.message);
        out.write(`job ${r.id} queued: ${connector} ${operation}${o.dryRun ? " (dry run)" : ""}${o.full ? " (full)" : ""}\n`);
        await finish(remote, await followJob(remote, r.id, out), out);
      }),
    );

  program
    .command("jobs")
    .description("Recent jobs, newest first")
    .option("--connector <name>")
    .option("--limit <n>", "how many", "20")
    .option("--url <url>")
    .action((o) =>
      withRemote(o.url, async (remote) => {
        const data = await remote.query(
          `query($first: Int, $filter: JobFilter) { jobs(first: $first, filter: $filter, newestFirst: true) { totalCount edges { node { ${JOB_FIELDS} } } } }`,
          { first: Number(o.limit), filter: o.connector ? { connector: o.connector } : null },
        );
        const rows = (data.jobs.edges as { node: RemoteJob }[]).map((e) => e.node);
        if (!rows.length) out.write("no jobs\n");
        for (const j of rows) {
          out.write(
            [j.id, j.state.padEnd(9), `${j.connector}/${j.operation}`.padEnd(30), `${j.processed}/${j.total ?? "?"}`, `failed ${j.failed}`, j.createdAt].join(
              "\t",
            ) + "\n",
          );
        }
        if (data.jobs.totalCount > rows.length) out.write(`(${rows.length} of ${data.jobs.totalCount})\n`);
      }),
    );

  program
    .command("job")
    .description("Show one job; --follow follows it until it ends (exit 0 when it SUCCEEDED)")
    .argument("<id>")
    .option("--follow", "follow the job live while it runs")
    .option("--url <url>")
    .action((id: string, o) =>
      withRemote(o.url, async (remote) => {
        let job = (await remote.query(`query($id: ID!) { job(id: $id) { ${JOB_FIELDS} } }`, { id })).job as RemoteJob;
        if (o.follow && !TERMINAL.includes(job.state)) job = await followJob(remote, id, out);
        const logs = await remote.query(
          `query($id: ID!) { job(id: $id) { logs(first: 10, newestFirst: true) { totalCount edges { node { createdAt level message } } } } }`,
          { id },
        );
        await printOutcome(remote, job, out);
        const lines = logs.job.logs.edges as { node: { createdAt: string; level: string; message: string } }[];
        if (lines.length) {
          out.write(`last log lines (${lines.length} of ${logs.job.logs.totalCount}):\n`);
          for (const { node: l } of lines.reverse()) out.write(`  ${l.createdAt} ${l.level.padEnd(5)} ${l.message}\n`);
        }
        if (o.follow && job.state !== "SUCCEEDED") throw new JobDidNotSucceed(job);
      }),
    );
}
