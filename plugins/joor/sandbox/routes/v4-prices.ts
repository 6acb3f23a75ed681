/** v4 price types (read-only; configured in JOOR) and prices. */
import { Router } from "express";
import { accountOf, type SandboxContext } from "../context";
import { createPrices, serializePrice, updatePrices } from "../domain/prices";
import { qlist, requireArrayBody, sendV4Bulk } from "../http";
import type { Price } from "../types";
import { byIds, sendV4Page } from "./paging";
import { v4Page } from "./v4-common";

export function v4PriceRoutes(ctx: SandboxContext): Router {
  const r = Router();

  r.get("/price_types", (_req, res) => {
    const acct = accountOf(res);
    res.json({ data: [...acct.priceTypes.values()], errors: [] });
  });

  r.get("/prices", (req, res) => {
    const acct = accountOf(res);
    const ids = qlist(req, "price_ids");
    const skuIds = qlist(req, "sku_ids");
    const types = qlist(req, "price_type_ids");
    let found: { items: Price[]; errors: unknown[] };
    if (ids) found = byIds(ids, (id) => acct.prices.get(id), "Price");
    else if (skuIds) {
      found = { items: [], errors: [] };
      for (const sid of skuIds) {
        if (!acct.skus.has(sid)) found.errors.push({ status: "NOT_FOUND", message: `SKU ${sid} not found`, details: { id: sid } });
        for (const pid of acct.pricesBySku.get(sid) ?? []) found.items.push(acct.prices.get(pid) as Price);
      }
    } else found = { items: acct.priceArray(), errors: [] };
    if (types) found.items = found.items.filter((p) => types.includes(p.price_type_id));
    sendV4Page(req, res, acct, v4Page(req), found.items, found.errors, (p) => serializePrice(acct, p));
  });

  r.post("/prices/bulk_create", (req, res) => {
    const acct = accountOf(res);
    const { data, errors } = createPrices(ctx.state, acct, requireArrayBody(req, ctx.config.maxBulkItems));
    ctx.state.changed();
    sendV4Bulk(
      res,
      data.map((p) => serializePrice(acct, p)),
      errors,
    );
  });

  r.post("/prices/bulk_update", (req, res) => {
    const acct = accountOf(res);
    const { data, errors } = updatePrices(ctx.state, acct, requireArrayBody(req, ctx.config.maxBulkItems));
    ctx.state.changed();
    sendV4Bulk(
      res,
      data.map((p) => serializePrice(acct, p)),
      errors,
    );
  });

  return r;
}
