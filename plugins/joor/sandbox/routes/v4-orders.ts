/** v4 orders: read (does not mark anything exported) and status write-back. */
import { Router } from "express";
import { accountOf, type SandboxContext } from "../context";
import { EXPORT_STATUS_NAME, serializeOrderV4, updateOrderStatuses } from "../domain/orders";
import { HttpError, qlist, qstr, requireArrayBody, sendV4Bulk } from "../http";
import { type Order, ORDER_STATUSES, type OrderStatus } from "../types";
import { byIds, sendV4Page } from "./paging";
import { v4Page } from "./v4-common";

/**
 * "All date fields sent and received by the JOOR API must be in YYYY-MM-DD format" (v4) [DOC
 * definitions-and-conventions]. Days are UTC; an end date includes its whole day.
 */
function dateParam(v: string | undefined, name: string, endOfDay = false): number | undefined {
  if (v === undefined || v === "") return undefined;
  const t = /^\d{4}-\d{2}-\d{2}$/.test(v) ? Date.parse(`${v}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== v) throw new HttpError(400, "BAD_REQUEST", `${name} must be a date YYYY-MM-DD`);
  return endOfDay ? t + 86_400_000 - 1 : t;
}

const SORTS: Record<string, (o: Order) => number> = {
  id: (o) => o.id,
  date_created: (o) => o.date_created,
  date_modified: (o) => o.date_modified,
  date_approved: (o) => o.date_approved ?? 0,
};

export function v4OrderRoutes(ctx: SandboxContext): Router {
  const r = Router();

  r.get("/orders", (req, res) => {
    const acct = accountOf(res);
    const ids = qlist(req, "order_ids");
    const statuses = qlist(req, "status");
    for (const s of statuses ?? []) if (!ORDER_STATUSES.includes(s as OrderStatus)) throw new HttpError(400, "BAD_REQUEST", `unknown status '${s}'`);
    const exportStatus = qlist(req, "export_status");
    const known = Object.values(EXPORT_STATUS_NAME);
    for (const s of exportStatus ?? []) if (!known.includes(s)) throw new HttpError(400, "BAD_REQUEST", `export_status must be one of ${known.join(", ")}`);
    const approvedStart = dateParam(qstr(req, "date_approved_start"), "date_approved_start");
    const approvedEnd = dateParam(qstr(req, "date_approved_end"), "date_approved_end", true);
    const lastModified = dateParam(qstr(req, "last_modified"), "last_modified");
    const sortBy = qstr(req, "sort_by") ?? "id";
    const sortOrder = qstr(req, "sort_order") ?? "asc";
    if (!SORTS[sortBy]) throw new HttpError(400, "BAD_REQUEST", `sort_by must be one of ${Object.keys(SORTS).join(", ")}`);
    if (!["asc", "desc"].includes(sortOrder)) throw new HttpError(400, "BAD_REQUEST", "sort_order must be asc or desc");

    let found: { items: Order[]; errors: unknown[] };
    if (ids) found = byIds(ids, (id) => (/^\d+$/.test(id) ? acct.orders.get(Number(id)) : undefined), "Order");
    else found = { items: [...acct.orders.values()], errors: [] };
    const items = found.items.filter(
      (o) =>
        (!statuses || statuses.includes(o.status)) &&
        (!exportStatus || exportStatus.includes(EXPORT_STATUS_NAME[o.export_bucket])) &&
        (approvedStart === undefined || (o.date_approved !== null && o.date_approved >= approvedStart)) &&
        (approvedEnd === undefined || (o.date_approved !== null && o.date_approved <= approvedEnd)) &&
        (lastModified === undefined || o.date_modified >= lastModified),
    );
    const key = SORTS[sortBy];
    if (sortBy !== "id" || sortOrder !== "asc") items.sort((a, b) => (sortOrder === "asc" ? key(a) - key(b) : key(b) - key(a)) || a.id - b.id);
    sendV4Page(req, res, acct, v4Page(req), items, found.errors, (o) => serializeOrderV4(acct, o));
  });

  r.post("/orders/bulk_update", (req, res) => {
    const acct = accountOf(res);
    const { data, errors } = updateOrderStatuses(ctx.state, acct, requireArrayBody(req, ctx.config.maxBulkItems));
    ctx.state.changed();
    sendV4Bulk(
      res,
      data.map((o) => serializeOrderV4(acct, o)),
      errors,
    );
  });

  return r;
}
