import { JoorTransientError } from "./errors";
import type { JoorHttp } from "./http";
import { sleep } from "./sleep";

/** One v2 connection (a customer) as sent in `bulk_connections.connection[]` (mapping/customer.ts builds it). */
export type JoorConnectionItem = Record<string, unknown> & { customer_code: string };

/** A bulk-connection job's result for one customer. */
export interface BulkConnectionResult {
  customer_code: string;
  ok: boolean;
  connectionId: string | null;
  message: string | null;
}

/** Job states that mean "not finished yet" (anything else with results is done: COMPLETED, COMPLETED_WITH_ERRORS, FAILED …). */
const PENDING = new Set(["queued", "pending", "processing", "running", "in_progress", "started", "new", "waiting"]);

/**
 * v2 customers (connections, joor-api.md §2.1 and §7a): `POST /v2/bulk-connection` queues a background job
 * (upsert by customer_code); its GET gives the per-customer results.
 */
export class ConnectionsApi {
  constructor(private readonly http: JoorHttp) {}

  /** Queues a bulk job; answers its id (or the results when JOOR processed it at once). */
  async queue(items: JoorConnectionItem[]): Promise<{ jobId: string | null; answer: Record<string, unknown> }> {
    const answer = await this.http.v2<Record<string, unknown>>("POST", "/bulk-connection", {}, { bulk_connections: { connection: items } });
    const job = pickJob(answer);
    const id = job.job_id ?? job.id ?? job.jobId;
    return { jobId: id === undefined || id === null ? null : String(id), answer };
  }

  async job(jobId: string): Promise<Record<string, unknown>> {
    return pickJob(await this.http.v2<Record<string, unknown>>("GET", `/bulk-connection/${encodeURIComponent(jobId)}`));
  }

  /**
   * Sends the items as one bulk job and waits for its results (polling the job's GET with growing pauses,
   * 1 credit each). Every item gets a result; an item the job does not mention is reported as such.
   */
  async upsert(items: JoorConnectionItem[], opts: { pollMs?: number; maxWaitMs?: number } = {}): Promise<BulkConnectionResult[]> {
    const { jobId, answer } = await this.queue(items);
    let job = pickJob(answer);
    const deadline = Date.now() + (opts.maxWaitMs ?? 10 * 60_000);
    let pause = opts.pollMs ?? 200;
    while (!isDone(job)) {
      if (!jobId) throw new JoorTransientError("JOOR queued the customers but answered no job id");
      if (Date.now() > deadline) throw new JoorTransientError(`JOOR's bulk-connection job ${jobId} did not finish in time`);
      await sleep(pause, this.http.signal);
      pause = Math.min(pause * 2, 5_000);
      job = await this.job(jobId);
    }
    return readResults(items, job);
  }

  /** GET /v2/connection/customer_code/{code}/: the connections (nested `connections > connections > connection[]`), or [] when unknown. */
  async byCustomerCode(code: string): Promise<Record<string, unknown>[]> {
    try {
      const json = await this.http.v2<Record<string, unknown>>("GET", `/connection/customer_code/${encodeURIComponent(code)}/`);
      return connectionList(json);
    } catch (error) {
      if ((error as { status?: number }).status === 404) return [];
      throw error;
    }
  }
}

function pickJob(answer: Record<string, unknown>): Record<string, unknown> {
  const inner = (answer.job ?? answer.bulk_connection ?? answer) as Record<string, unknown>;
  return inner && typeof inner === "object" ? inner : {};
}

function isDone(job: Record<string, unknown>): boolean {
  const status = String(job.status ?? job.state ?? "").toLowerCase();
  if (PENDING.has(status)) return false;
  return status !== "" || Array.isArray(job.results);
}

/** connections > connections > connection[] (JOOR's documented nesting), tolerating a flatter shape. */
export function connectionList(json: Record<string, unknown>): Record<string, unknown>[] {
  const root = (json.connections ?? json) as Record<string, unknown>;
  const inner = (root?.connections ?? root) as Record<string, unknown>;
  const list = inner?.connection ?? root?.connection;
  return Array.isArray(list) ? (list as Record<string, unknown>[]) : list && typeof list === "object" ? [list as Record<string, unknown>] : [];
}

function readResults(items: JoorConnectionItem[], job: Record<string, unknown>): BulkConnectionResult[] {
  const results = (Array.isArray(job.results) ? job.results : []) as Record<string, unknown>[];
  const byCode = new Map<string, Record<string, unknown>>();
  const byIndex = new Map<number, Record<string, unknown>>();
  for (const r of results) {
    if (typeof r.customer_code === "string") byCode.set(r.customer_code, r);
    if (typeof r.index === "number") byIndex.set(r.index, r);
  }
  return items.map((item, i) => {
    const r = byCode.get(item.customer_code) ?? byIndex.get(i);
    if (!r) return { customer_code: item.customer_code, ok: false, connectionId: null, message: "JOOR's bulk-connection job did not report this customer" };
    const ok = ["pass", "ok", "success", "created", "updated"].includes(String(r.status ?? "").toLowerCase());
    const errors = Array.isArray(r.errors) ? (r.errors as Record<string, unknown>[]) : [];
    const message = ok
      ? null
      : errors.map((e) => (e.field ? `${String(e.field)}: ` : "") + String(e.message ?? e)).join("; ") || String(r.message ?? "JOOR refused the customer");
    const id = r.connection_id ?? r.customer_account_id ?? null;
    return { customer_code: item.customer_code, ok, connectionId: id === null ? null : String(id), message };
  });
}
