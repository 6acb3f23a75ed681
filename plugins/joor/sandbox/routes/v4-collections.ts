/** v4 collections (linesheets), seasons, categories and traits. */
import { type Request, Router } from "express";
import { accountOf, type SandboxContext } from "../context";
import { createCollections, ITEM_ACTIONS, type ItemAction, serializeCollection, updateCollections } from "../domain/collections";
import { TRAITS } from "../domain/products";
import { addCategories } from "../domain/reference";
import { createSeasons, serializeSeason, updateSeasons } from "../domain/seasons";
import { HttpError, qlist, qstr, requireArrayBody, sendV4Bulk } from "../http";
import type { Collection, Season } from "../types";
import { byIds, sendV4Page } from "./paging";
import { v4Page } from "./v4-common";

/** `?action=` of collections/bulk_update (the parameter's name is [INFERRED]; its values are [DOC]). */
function itemAction(req: Request): ItemAction {
  const raw = qstr(req, "action");
  if (raw === undefined || raw === "") return "REPLACE_ITEMS";
  if (!(ITEM_ACTIONS as readonly string[]).includes(raw)) throw new HttpError(400, "BAD_REQUEST", `action must be one of ${ITEM_ACTIONS.join(", ")}`);
  return raw as ItemAction;
}

export function v4CollectionRoutes(ctx: SandboxContext): Router {
  const r = Router();

  r.get("/collections", (req, res) => {
    const acct = accountOf(res);
    const ids = qlist(req, "collection_ids");
    const found: { items: Collection[]; errors: unknown[] } = ids
      ? byIds(ids, (id) => acct.collections.get(id), "Collection")
      : { items: [...acct.collections.values()], errors: [] };
    sendV4Page(req, res, acct, v4Page(req), found.items, found.errors, (c) => serializeCollection(acct, c));
  });

  r.post("/collections/bulk_create", (req, res) => {
    const acct = accountOf(res);
    const { data, errors } = createCollections(ctx.state, acct, requireArrayBody(req, ctx.config.maxBulkItems));
    ctx.state.changed();
    sendV4Bulk(
      res,
      data.map((c) => serializeCollection(acct, c)),
      errors,
    );
  });

  r.post("/collections/bulk_update", (req, res) => {
    const acct = accountOf(res);
    const action = itemAction(req);
    const { data, errors } = updateCollections(ctx.state, acct, requireArrayBody(req, ctx.config.maxBulkItems), action);
    ctx.state.changed();
    sendV4Bulk(
      res,
      data.map((c) => serializeCollection(acct, c)),
      errors,
    );
  });

  r.get("/seasons", (req, res) => {
    const acct = accountOf(res);
    const ids = qlist(req, "season_ids");
    const found: { items: Season[]; errors: unknown[] } = ids
      ? byIds(ids, (id) => acct.seasons.get(id), "Season")
      : { items: [...acct.seasons.values()], errors: [] };
    sendV4Page(req, res, acct, v4Page(req), found.items, found.errors, serializeSeason);
  });

  r.post("/seasons/bulk_create", (req, res) => {
    const { data, errors } = createSeasons(ctx.state, accountOf(res), requireArrayBody(req, ctx.config.maxBulkItems));
    ctx.state.changed();
    sendV4Bulk(res, data.map(serializeSeason), errors);
  });

  r.post("/seasons/bulk_update", (req, res) => {
    const { data, errors } = updateSeasons(ctx.state, accountOf(res), requireArrayBody(req, ctx.config.maxBulkItems));
    ctx.state.changed();
    sendV4Bulk(res, data.map(serializeSeason), errors);
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
