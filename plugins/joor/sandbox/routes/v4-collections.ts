/** v4 collections (linesheets) plus categories and traits. */
import { Router } from "express";
import { accountOf, type SandboxContext } from "../context";
import { createCollections, serializeCollection, updateCollections } from "../domain/collections";
import { TRAITS } from "../domain/products";
import { addCategories } from "../domain/reference";
import { qlist, requireArrayBody, sendV4Bulk } from "../http";
import type { Collection } from "../types";
import { byIds, sendV4Page } from "./paging";
import { v4Page } from "./v4-common";

export function v4CollectionRoutes(ctx: SandboxContext): Router {
  const r = Router();

  r.get("/collections", (req, res) => {
    const acct = accountOf(res);
    const ids = qlist(req, "collection_ids");
    const found: { items: Collection[]; errors: unknown[] } = ids
      ? byIds(ids, (id) => acct.collections.get(id), "Collection")
      : { items: [...acct.collections.values()], errors: [] };
    sendV4Page(req, res, acct, v4Page(req), found.items, found.errors, serializeCollection);
  });

  r.post("/collections/bulk_create", (req, res) => {
    const acct = accountOf(res);
    const { data, errors } = createCollections(ctx.state, acct, requireArrayBody(req, ctx.config.maxBulkItems));
    ctx.state.changed();
    sendV4Bulk(res, data.map(serializeCollection), errors);
  });

  r.post("/collections/bulk_update", (req, res) => {
    const acct = accountOf(res);
    const { data, errors } = updateCollections(ctx.state, acct, requireArrayBody(req, ctx.config.maxBulkItems));
    ctx.state.changed();
    sendV4Bulk(res, data.map(serializeCollection), errors);
  });

  r.get("/categories", (_req, res) => {
    res.json({ data: [...accountOf(res).categories.values()], errors: [] });
  });

  r.post("/categories/bulk_create", (req, res) => {
    const { data, errors } = addCategories(ctx.state, accountOf(res), requireArrayBody(req, ctx.config.maxBulkItems));
    ctx.state.changed();
    sendV4Bulk(res, data, errors);
  });

  r.get("/traits", (_req, res) => {
    res.json({ data: TRAITS.map((t) => ({ id: t.id, name: t.name, type: t.type })), errors: [] });
  });

  return r;
}
