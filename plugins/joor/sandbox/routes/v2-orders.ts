/** v2 orders: `GET /v2/order` (order_type, export_status, sync, check, filters, paging) and `GET /v2/order/{id}`. */
import { type Request, Router } from "express";
import { accountOf, type SandboxContext } from "../context";
import { type V2OrderQuery, queryOrdersV2 } from "../domain/order-query";
import { serializeOrderV2 } from "../domain/orders";
import { HttpError, qint, qstr, v2Response } from "../http";
import type { Order } from "../types";
import { listKey, rememberPage, replayPage } from "./paging";

function parseDate(req: Request, name: string): number | undefined {
  const raw = qstr(req, name);
  if (raw === undefined || raw === "") return undefined;
  const t = Date.parse(raw);
  if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}/.test(raw)) throw new HttpError(400, "BAD_REQUEST", `${name} must be a UTC date-time YYYY-MM-DDThh:mm:ss.sTZD`);
  return t;
}

export function parseOrderQuery(req: Request): V2OrderQuery {
  const sync = (qint(req, "sync", { min: 0, max: 1, def: 1 }) ?? 1) === 1;
  const exportStatus = qint(req, "export_status", { min: 1, max: 7, def: sync ? 2 : 1 }) ?? 1;
  if (sync && (exportStatus === 1 || exportStatus === 3)) {
    throw new HttpError(
      400,
      "BAD_REQUEST",
      `export_status=${exportStatus} includes already exported orders and cannot be combined with sync=1; use sync=0 to read them`,
    );
  }
  const dateStart = parseDate(req, "date_start");
  const dateEnd = parseDate(req, "date_end");
  if ((dateStart === undefined) !== (dateEnd === undefined)) throw new HttpError(400, "BAD_REQUEST", "date_start and date_end must be sent together");
  if (dateStart !== undefined && dateEnd !== undefined && dateEnd < dateStart) throw new HttpError(400, "BAD_REQUEST", "date_end is before date_start");
  const customerCode = qstr(req, "customer_code");
  if (customerCode !== undefined && customerCode.length > 50) throw new HttpError(400, "BAD_REQUEST", "customer_code is at most 50 characters");
  const group = qstr(req, "customer_group_name");
  if (group !== undefined && group.length > 150) throw new HttpError(400, "BAD_REQUEST", "customer_group_name is at most 150 characters");
  return {
    orderType: qint(req, "order_type", { min: 1, max: 8, def: 2 }) ?? 2,
    exportStatus,
    sync,
    check: qint(req, "check", { min: 0, max: 3, def: sync ? 1 : 0 }) ?? 0,
    customerCode: customerCode === "" ? undefined : customerCode,
    customerGroupName: group === "" ? undefined : group,
    dateStart,
    dateEnd,
    startFrom: qint(req, "start_from", { min: 0, def: 0 }) ?? 0,
    count: qint(req, "count", { min: 1, max: 1000, def: 50 }) ?? 50,
  };
}

export function v2OrderRoutes(ctx: SandboxContext): Router {
  const r = Router();

  r.get("/order", (req, res) => {
    const acct = accountOf(res);
    const q = parseOrderQuery(req);
    const replay = replayPage<Record<string, unknown>>(req, res, acct);
    if (replay) {
      // A duplicated page: the previous page's orders again, in an envelope that looks like a normal next page.
      const total = (acct.lastPages.get(`${listKey(req)}#total`)?.[0] as number | undefined) ?? replay.length;
      res.json({
        response: v2Response(200, "", {
          start_from: q.startFrom,
          next_start: q.sync ? q.startFrom : q.startFrom + q.count,
          count: replay.length,
          total,
          withheld: 0,
          sync: q.sync ? 1 : 0,
        }),
        orders: replay,
      });
      return;
    }
    const page = queryOrdersV2(ctx.state, acct, q);
    const messy = acct.settings.messy_orders;
    const orders = page.orders.map((o: Order) => serializeOrderV2(acct, o, { messy }));
    rememberPage(req, acct, orders);
    rememberPage(req, acct, [page.total], "#total");
    res.json({
      response: {
        code: 200,
        comment: page.withheld ? `${page.withheld} order(s) withheld by check=${q.check} (export status Failed)` : "",
        start_from: q.startFrom,
        next_start: page.nextStart,
        count: orders.length,
        total: page.total,
        withheld: page.withheld,
        sync: q.sync ? 1 : 0,
        log_id: page.logId,
      },
      orders,
    });
  });

  r.get("/order/:id", (req, res) => {
    const acct = accountOf(res);
    const id = String(req.params.id);
    const o = /^\d+$/.test(id) ? acct.orders.get(Number(id)) : undefined;
    if (!o || o.status === "IN_PROGRESS") {
      res.status(404).json({ response: v2Response(404, `Order ${id} not found`), orders: [] });
      return;
    }
    res.json({
      response: v2Response(200, "", { start_from: 0, next_start: null, count: 1, total: 1 }),
      orders: [serializeOrderV2(acct, o, { messy: acct.settings.messy_orders })],
    });
  });

  return r;
}
