/** v2 connections: bulk upsert job, lookups by customer code / connection id, list, update, delete. */
import { type Request, type Response, Router } from "express";
import { accountOf, type SandboxContext } from "../context";
import { queueConnectionJob, serializeConnection, upsertConnection } from "../domain/connections";
import { HttpError, qint, v2Response } from "../http";
import type { AccountState } from "../state/account";
import type { BulkJob, Connection } from "../types";
import { rememberPage, replayPage } from "./paging";

export function serializeJob(j: BulkJob): Record<string, unknown> {
  const done = j.status !== "QUEUED";
  return {
    job_id: j.id,
    type: "bulk-connection",
    status: j.status,
    item_count: j.item_count,
    pass_count: done ? j.results.filter((r) => r.status === "pass").length : null,
    fail_count: done ? j.results.filter((r) => r.status === "fail").length : null,
    date_created: new Date(j.created_at).toISOString(),
    date_completed: j.completed_at === null ? null : new Date(j.completed_at).toISOString(),
    results: j.results,
  };
}

function visible(ctx: SandboxContext, c: Connection | undefined): c is Connection {
  return c !== undefined && c.visible_at <= ctx.state.now();
}

function sendConnections(res: Response, list: Connection[], paging: { start_from: number; next_start: number | null; total: number }): void {
  res.json({
    connections: {
      response: v2Response(200, "", { start_from: paging.start_from, next_start: paging.next_start, count: list.length, total: paging.total }),
      connections: { connection: list.map(serializeConnection) },
    },
  });
}

function notFound(res: Response, what: string): void {
  res.status(404).json({
    connections: {
      response: v2Response(404, `Connection not found: ${what}`, { start_from: 0, next_start: null, count: 0, total: 0 }),
      connections: { connection: [] },
    },
  });
}

function bulkItems(req: Request): unknown[] {
  const body = req.body as { bulk_connections?: { connection?: unknown } } | undefined;
  const items = body?.bulk_connections?.connection;
  if (!Array.isArray(items)) throw new HttpError(400, "BAD_REQUEST", 'body must be {"bulk_connections": {"connection": [ ... ]}}');
  if (items.length === 0) throw new HttpError(400, "BAD_REQUEST", "bulk_connections.connection is empty");
  return items;
}

export function v2ConnectionRoutes(ctx: SandboxContext): Router {
  const r = Router();

  const bulk = (req: Request, res: Response): void => {
    const acct = accountOf(res);
    const items = bulkItems(req);
    if (ctx.config.maxBulkItems > 0 && items.length > ctx.config.maxBulkItems) {
      throw new HttpError(413, "TOO_MANY_ITEMS", `at most ${ctx.config.maxBulkItems} connections per bulk request`);
    }
    // A background job [DOC]: the answer is the job id; the per-customer results come from its GET.
    const job = queueConnectionJob(ctx.state, acct, items);
    ctx.state.changed();
    res.json({ response: v2Response(200, "Bulk connection job queued"), job_id: job.id, job: serializeJob(job) });
  };
  r.post("/bulk-connection", bulk);
  r.put("/bulk-connection", bulk);

  r.get("/bulk-connection/:jobId", (req, res) => {
    const job = accountOf(res).jobs.get(String(req.params.jobId));
    if (!job) throw new HttpError(404, "NOT_FOUND", `No bulk job ${String(req.params.jobId)}`);
    res.json({ response: v2Response(200), job: serializeJob(job) });
  });

  r.get("/connection", (req, res) => {
    const acct = accountOf(res);
    const start = qint(req, "start_from", { min: 0, def: 0 }) ?? 0;
    const count = qint(req, "count", { min: 1, max: 1000, def: 50 }) ?? 50;
    const now = ctx.state.now();
    const all = acct.connectionArray().filter((c) => c.visible_at <= now);
    const page = replayPage<Connection>(req, res, acct) ?? all.slice(start, start + count);
    rememberPage(req, acct, page);
    const next = start + count < all.length ? start + count : null;
    sendConnections(res, page, { start_from: start, next_start: next, total: all.length });
  });

  r.get("/connection/customer_code/:code", (req, res) => {
    const c = accountOf(res).connectionByCode(String(req.params.code));
    if (!visible(ctx, c)) return notFound(res, `customer_code ${String(req.params.code)}`);
    sendConnections(res, [c], { start_from: 0, next_start: null, total: 1 });
  });

  r.get("/connection/:id", (req, res) => {
    const c = accountOf(res).connections.get(String(req.params.id));
    if (!visible(ctx, c)) return notFound(res, `id ${String(req.params.id)}`);
    sendConnections(res, [c], { start_from: 0, next_start: null, total: 1 });
  });

  r.put("/connection/:id", (req, res) => {
    const acct: AccountState = accountOf(res);
    const c = acct.connections.get(String(req.params.id));
    if (!visible(ctx, c)) return notFound(res, `id ${String(req.params.id)}`);
    const body = (req.body as { connection?: Record<string, unknown> } | undefined)?.connection;
    if (!body || typeof body !== "object") throw new HttpError(400, "BAD_REQUEST", 'body must be {"connection": { ... }}');
    if (body.customer_code !== undefined && body.customer_code !== c.customer_code) {
      throw new HttpError(400, "BAD_REQUEST", "customer_code cannot be changed through this route");
    }
    const result = upsertConnection(ctx.state, acct, { ...body, customer_code: c.customer_code }, 0);
    if (result.status === "fail") {
      res.status(400).json({ response: v2Response(400, "Validation failed", { errors: result.errors }) });
      return;
    }
    ctx.state.changed();
    sendConnections(res, [acct.connections.get(c.id) as Connection], { start_from: 0, next_start: null, total: 1 });
  });

  r.delete("/connection/:id", (req, res) => {
    const acct = accountOf(res);
    if (!acct.deleteConnection(String(req.params.id))) return notFound(res, `id ${String(req.params.id)}`);
    ctx.state.changed();
    res.json({ response: v2Response(200, "Connection deleted") });
  });

  return r;
}
