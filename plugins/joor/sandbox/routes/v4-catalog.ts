/** v4 products and SKUs. */
import { Router } from "express";
import { accountOf, type SandboxContext } from "../context";
import { createProducts, serializeProduct, updateProducts } from "../domain/products";
import { serializeSku, writeSkus } from "../domain/skus";
import { qlist, requireArrayBody, sendV4Bulk } from "../http";
import type { Product, Sku } from "../types";
import { byIds, sendV4Page } from "./paging";
import { v4Page } from "./v4-common";

export function v4CatalogRoutes(ctx: SandboxContext): Router {
  const r = Router();

  r.get("/products", (req, res) => {
    const acct = accountOf(res);
    const ids = qlist(req, "product_ids");
    const ext = qlist(req, "external_ids");
    let found: { items: Product[]; errors: unknown[] };
    if (ids) found = byIds(ids, (id) => acct.products.get(id), "Product");
    else if (ext)
      found = byIds(
        ext,
        (e) => {
          const id = acct.productsByExternalId.get(e);
          return id ? acct.products.get(id) : undefined;
        },
        "Product with external_id",
      );
    else found = { items: acct.productArray(), errors: [] };
    sendV4Page(req, res, acct, v4Page(req), found.items, found.errors, (p) => serializeProduct(acct, p));
  });

  r.post("/products/bulk_create", (req, res) => {
    const acct = accountOf(res);
    const { data, errors } = createProducts(ctx.state, acct, requireArrayBody(req, ctx.config.maxBulkItems));
    ctx.state.changed();
    sendV4Bulk(
      res,
      data.map((p) => serializeProduct(acct, p)),
      errors,
    );
  });

  r.post("/products/bulk_update", (req, res) => {
    const acct = accountOf(res);
    const { data, errors } = updateProducts(ctx.state, acct, requireArrayBody(req, ctx.config.maxBulkItems));
    ctx.state.changed();
    sendV4Bulk(
      res,
      data.map((p) => serializeProduct(acct, p)),
      errors,
    );
  });

  r.get("/skus", (req, res) => {
    const acct = accountOf(res);
    const skuIds = qlist(req, "sku_ids");
    const productIds = qlist(req, "product_ids");
    const ext = qlist(req, "external_ids");
    const upcs = qlist(req, "upcs");
    let found: { items: Sku[]; errors: unknown[] };
    if (skuIds) found = byIds(skuIds, (id) => acct.skus.get(id), "SKU");
    else if (ext)
      found = byIds(
        ext,
        (e) => {
          const id = acct.skusByExternalId.get(e);
          return id ? acct.skus.get(id) : undefined;
        },
        "SKU with external_id",
      );
    else if (upcs) found = byIds(upcs, (u) => acct.skuByUpc(u), "SKU with UPC");
    else if (productIds) {
      found = { items: [], errors: [] };
      for (const pid of productIds) {
        if (!acct.products.has(pid)) found.errors.push({ status: "NOT_FOUND", message: `Product ${pid} not found`, details: { id: pid } });
        else found.items.push(...acct.productSkus(pid));
      }
    } else found = { items: acct.skuArray(), errors: [] };
    sendV4Page(req, res, acct, v4Page(req), found.items, found.errors, (s) => serializeSku(acct, s));
  });

  for (const [path, mode] of [
    ["/skus/bulk_create", "create"],
    ["/skus/bulk_update", "update"],
    ["/skus/bulk_update_by_external_id", "update_by_external_id"],
  ] as const) {
    r.post(path, (req, res) => {
      const acct = accountOf(res);
      const { data, errors } = writeSkus(ctx.state, acct, requireArrayBody(req, ctx.config.maxBulkItems), mode);
      ctx.state.changed();
      sendV4Bulk(
        res,
        data.map((s) => serializeSku(acct, s)),
        errors,
      );
    });
  }

  return r;
}
