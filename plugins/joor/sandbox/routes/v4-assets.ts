/** v4 product assets by source_url (`POST /v4/assets/products?replace_all=true|false`). */
import { Router } from "express";
import { accountOf, type SandboxContext } from "../context";
import { createAssets, serializeAsset } from "../domain/assets";
import { qbool, qlist, requireArrayBody, sendV4Bulk } from "../http";
import type { Asset } from "../types";
import { sendV4Page } from "./paging";
import { v4Page } from "./v4-common";

export function v4AssetRoutes(ctx: SandboxContext): Router {
  const r = Router();

  r.post("/assets/products", async (req, res) => {
    const acct = accountOf(res);
    const items = requireArrayBody(req, ctx.config.maxBulkItems);
    const { data, errors } = await createAssets(ctx.state, acct, items, {
      replaceAll: qbool(req, "replace_all", false),
      timeoutMs: ctx.config.assetFetchTimeoutMs,
      permissive: ctx.config.permissiveAssets,
    });
    ctx.state.changed();
    sendV4Bulk(
      res,
      data.map((a) => serializeAsset(a)),
      errors,
    );
  });

  r.get("/assets/products", (req, res) => {
    const acct = accountOf(res);
    const productIds = qlist(req, "product_ids");
    const items: Asset[] = [];
    const errors: unknown[] = [];
    if (productIds) {
      for (const pid of productIds) {
        if (!acct.products.has(pid)) errors.push({ status: "NOT_FOUND", message: `Product ${pid} not found`, details: { id: pid } });
        items.push(...acct.productAssets(pid));
      }
    } else items.push(...acct.assets.values());
    sendV4Page(req, res, acct, v4Page(req), items, errors, (a) => serializeAsset(a));
  });

  return r;
}
