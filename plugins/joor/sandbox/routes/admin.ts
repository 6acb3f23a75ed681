/**
 * Admin API (`/__admin`): everything JOOR staff or a retailer would do, plus test controls.
 * Unauthenticated (the sandbox binds to 127.0.0.1 by default). `?account=<id>` selects the
 * account; the default is the seed's first account.
 */
import { type Request, type Response, Router } from "express";
import { z } from "zod";
import type { SandboxContext } from "../context";
import { serializeAsset } from "../domain/assets";
import { adminCollection } from "../domain/collections";
import { processDueJobs, serializeConnection } from "../domain/connections";
import { generateCatalogue, generateOrders } from "../domain/generate";
import { EXPORT_STATUS_NAME, editOrder, OrderInputError, placeOrder, serializeOrderV2 } from "../domain/orders";
import { serializePrice } from "../domain/prices";
import { serializeProduct } from "../domain/products";
import { serializeSeason } from "../domain/seasons";
import { addCategories, addPriceTypes, addRetailers, addWarehouses } from "../domain/reference";
import { serializeSku } from "../domain/skus";
import { faultRuleSchema } from "../faults";
import { HttpError, qint, qstr } from "../http";
import { toSnapshot } from "../persistence";
import { serializeJob } from "./v2-connections";
import { AccountState } from "../state/account";
import { settingsSchema } from "../state/seed";
import type { Order } from "../types";
import { issuesText, type ItemError, parseWith } from "../validation";

export interface AdminHooks {
  reset(seed?: unknown): void;
  save(): Promise<boolean>;
  info(): Record<string, unknown>;
}

function list<T>(req: Request, res: Response, items: T[], serialize: (t: T) => unknown): void {
  const offset = qint(req, "offset", { min: 0, def: 0 }) ?? 0;
  const limit = qint(req, "limit", { min: 1, max: 100_000, def: 100 }) ?? 100;
  res.json({ total: items.length, offset, limit, items: items.slice(offset, offset + limit).map(serialize) });
}

function asArray(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (body && typeof body === "object") return [body];
  throw new HttpError(400, "BAD_REQUEST", "body must be an object or an array of objects");
}

function sendBulk(res: Response, r: { data: unknown[]; errors: ItemError[] }): void {
  res.status(r.data.length === 0 && r.errors.length > 0 ? 400 : 200).json(r);
}

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const p = parseWith(schema, body);
  if (!p.ok) throw new HttpError(400, "VALIDATION_ERROR", issuesText(p.issues), { issues: p.issues });
  return p.value;
}

function orderInput<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof OrderInputError) throw new HttpError(400, "VALIDATION_ERROR", e.message, { issues: e.issues });
    throw e;
  }
}

export function adminRoutes(ctx: SandboxContext, hooks: AdminHooks): Router {
  const r = Router();
  const acct = (req: Request): AccountState => {
    const id = qstr(req, "account");
    const a = id ? ctx.state.findAccount(id) : ctx.state.account();
    if (!a) throw new HttpError(404, "UNKNOWN_ACCOUNT", `Unknown account '${id}'`);
    processDueJobs(ctx.state, a);
    return a;
  };
  const changed = (): void => ctx.state.changed();

  // ---- overview, reset, state ----------------------------------------------------------------
  r.get("/", (_req, res) => {
    res.json({
      ...hooks.info(),
      accounts: [...ctx.state.accounts.values()].map((a) => ({
        id: a.id,
        name: a.name,
        credentials: a.credentials,
        settings: a.settings,
        counts: {
          price_types: a.priceTypes.size,
          warehouses: a.warehouses.size,
          categories: a.categories.size,
          retailers: a.retailers.size,
          connections: a.connections.size,
          products: a.products.size,
          skus: a.skus.size,
          prices: a.prices.size,
          assets: a.assets.size,
          collections: a.collections.size,
          seasons: a.seasons.size,
          inventory_rows: a.inventoryRowCount,
          orders: a.orders.size,
        },
      })),
    });
  });

  r.post("/reset", (req, res) => {
    const body = req.body as { seed?: unknown } | undefined;
    try {
      hooks.reset(body?.seed);
    } catch (e) {
      throw new HttpError(400, "INVALID_SEED", (e as Error).message);
    }
    res.json({ ok: true, default_account: ctx.state.defaultAccountId });
  });

  r.get("/state", (_req, res) => res.json(toSnapshot(ctx.state)));
  r.post("/state/save", async (_req, res) => {
    const saved = await hooks.save();
    if (!saved) throw new HttpError(409, "NO_STATE_FILE", "The sandbox was started without a state file (statePath / JOOR_SANDBOX_STATE)");
    res.json({ ok: true });
  });

  // ---- settings, rate limit, counters, clock, tokens ------------------------------------------
  r.get("/settings", (req, res) => res.json(acct(req).settings));
  r.put("/settings", (req, res) => {
    const a = acct(req);
    Object.assign(a.settings, parseBody(settingsSchema, req.body));
    a.touchOrders();
    changed();
    res.json(a.settings);
  });

  const rateSchema = z.strictObject({
    enabled: z.boolean().optional(),
    budget: z.int().min(1).optional(),
    windowSeconds: z.number().positive().optional(),
    getCost: z.int().min(0).optional(),
    writeCost: z.int().min(0).optional(),
    reset: z.boolean().optional(),
  });
  r.get("/rate-limit", (req, res) => res.json({ config: ctx.rateLimiter.config, status: ctx.rateLimiter.status(acct(req).id, ctx.state.now()) }));
  r.put("/rate-limit", (req, res) => {
    const { reset, ...patch } = parseBody(rateSchema, req.body);
    ctx.rateLimiter.configure(patch);
    if (reset) ctx.rateLimiter.reset();
    res.json({ config: ctx.rateLimiter.config, status: ctx.rateLimiter.status(acct(req).id, ctx.state.now()) });
  });

  r.get("/counters", (req, res) => {
    const a = acct(req);
    res.json({ ...ctx.counters.toJSON(), account: a.id, credits: ctx.rateLimiter.status(a.id, ctx.state.now()) });
  });
  r.delete("/counters", (_req, res) => {
    ctx.counters.reset();
    res.json({ ok: true });
  });
  r.get("/requests", (req, res) => res.json({ items: ctx.counters.recent(qint(req, "limit", { min: 1, max: 2000, def: 100 }) ?? 100) }));

  r.get("/clock", (_req, res) => res.json({ now: ctx.state.clock.iso(), offset_ms: ctx.state.clock.offset }));
  r.post("/clock/advance", (req, res) => {
    const { seconds } = parseBody(z.strictObject({ seconds: z.number().min(0) }), req.body);
    ctx.state.clock.advance(seconds);
    changed();
    res.json({ now: ctx.state.clock.iso(), offset_ms: ctx.state.clock.offset });
  });
  r.post("/tokens/expire", (req, res) => {
    const all = qstr(req, "all") === "1";
    const n = ctx.state.tokens.expireAll(ctx.state.now(), all ? undefined : acct(req).id);
    changed();
    res.json({ expired: n });
  });

  // ---- reference data ------------------------------------------------------------------------
  r.get("/price-types", (req, res) => res.json({ items: [...acct(req).priceTypes.values()] }));
  r.post("/price-types", (req, res) => {
    sendBulk(res, addPriceTypes(ctx.state, acct(req), asArray(req.body)));
    changed();
  });
  r.get("/warehouses", (req, res) => res.json({ items: [...acct(req).warehouses.values()] }));
  r.post("/warehouses", (req, res) => {
    sendBulk(res, addWarehouses(ctx.state, acct(req), asArray(req.body)));
    changed();
  });
  r.get("/categories", (req, res) => res.json({ items: [...acct(req).categories.values()] }));
  r.post("/categories", (req, res) => {
    sendBulk(res, addCategories(ctx.state, acct(req), asArray(req.body)));
    changed();
  });
  r.get("/retailers", (req, res) => res.json({ items: [...acct(req).retailers.values()] }));
  r.post("/retailers", (req, res) => {
    sendBulk(res, addRetailers(ctx.state, acct(req), asArray(req.body)));
    changed();
  });

  // ---- read back what the brand sent -----------------------------------------------------------
  r.get("/connections", (req, res) => {
    const a = acct(req);
    const code = qstr(req, "customer_code");
    const items = code ? [a.connectionByCode(code)].filter((c) => c !== undefined) : a.connectionArray();
    list(req, res, items, serializeConnection);
  });
  r.get("/jobs", (req, res) => list(req, res, [...acct(req).jobs.values()], serializeJob));
  r.post("/jobs/run", (req, res) => {
    const n = processDueJobs(ctx.state, acct(req), true);
    res.json({ processed: n });
  });

  r.get("/products", (req, res) => {
    const a = acct(req);
    list(req, res, a.productArray(), (p) => ({ ...serializeProduct(a, p), collections: a.collectionsOf(p.id).map((c) => c.id) }));
  });
  r.delete("/products/:id", (req, res) => {
    if (!acct(req).deleteProduct(String(req.params.id))) throw new HttpError(404, "NOT_FOUND", `Product ${String(req.params.id)} not found`);
    acct(req).touchOrders();
    changed();
    res.json({ ok: true });
  });

  r.get("/skus", (req, res) => {
    const a = acct(req);
    const upc = qstr(req, "upc");
    const productId = qstr(req, "product_id");
    const items = upc ? [a.skuByUpc(upc)].filter((s) => s !== undefined) : productId ? a.productSkus(productId) : a.skuArray();
    list(req, res, items, (s) => {
      const p = a.products.get(s.product_id);
      return { ...serializeSku(a, s), upc: AccountState.upcOf(s), product_identifier: p?.product_identifier ?? null, product_name: p?.name ?? null };
    });
  });
  r.delete("/skus/:id", (req, res) => {
    if (!acct(req).deleteSku(String(req.params.id))) throw new HttpError(404, "NOT_FOUND", `SKU ${String(req.params.id)} not found`);
    acct(req).touchOrders();
    changed();
    res.json({ ok: true });
  });

  r.get("/prices", (req, res) => {
    const a = acct(req);
    const upc = qstr(req, "upc");
    const skuId = upc ? a.skuByUpc(upc)?.id : qstr(req, "sku_id");
    const items =
      skuId !== undefined || upc ? [...(a.pricesBySku.get(skuId ?? "") ?? [])].map((id) => a.prices.get(id)).filter((p) => p !== undefined) : a.priceArray();
    list(req, res, items, (p) => {
      const s = a.skus.get(p.sku_id);
      return { ...serializePrice(a, p), upc: s ? AccountState.upcOf(s) : null };
    });
  });

  const images = (req: Request, res: Response): void => {
    const a = acct(req);
    const productId = qstr(req, "product_id");
    const items = productId ? a.productAssets(productId) : [...a.assets.values()];
    list(req, res, items, (x) => serializeAsset(x, { fullDataUrls: qstr(req, "full") === "1" }));
  };
  r.get("/images", images);
  r.get("/assets", images);

  r.get("/collections", (req, res) => {
    const a = acct(req);
    const ext = qstr(req, "external_id");
    const items = ext ? [a.collections.get(a.collectionsByExternalId.get(ext) ?? "")].filter((c) => c !== undefined) : [...a.collections.values()];
    list(req, res, items, (c) => adminCollection(a, c));
  });
  r.get("/collections/:id", (req, res) => {
    const a = acct(req);
    const c = a.collections.get(String(req.params.id));
    if (!c) throw new HttpError(404, "NOT_FOUND", `Collection ${String(req.params.id)} not found`);
    res.json(adminCollection(a, c));
  });
  r.get("/seasons", (req, res) => {
    const a = acct(req);
    list(req, res, [...a.seasons.values()], (s) => ({
      ...serializeSeason(s),
      collections: [...a.collections.values()].filter((c) => c.season_id === s.id).map((c) => c.id),
    }));
  });

  r.get("/inventory", (req, res) => {
    const a = acct(req);
    const upc = qstr(req, "upc");
    const warehouse = qstr(req, "warehouse");
    const skuIds = upc ? [a.skuByUpc(upc)?.id].filter((x) => x !== undefined) : [...a.inventory.keys()];
    const rows = skuIds.flatMap((id) => [...(a.inventory.get(id)?.values() ?? [])]).filter((row) => !warehouse || row.warehouse === warehouse);
    list(req, res, rows, (row) => {
      const s = a.skus.get(row.sku_id);
      return {
        ...row,
        updated_at: new Date(row.updated_at).toISOString(),
        upc: s ? AccountState.upcOf(s) : null,
        color: s?.color.value ?? null,
        size: s?.size.value ?? null,
      };
    });
  });

  // ---- orders (as a retailer) ----------------------------------------------------------------
  r.get("/orders", (req, res) => {
    const a = acct(req);
    const status = qstr(req, "status");
    const exp = qstr(req, "export_status");
    const items = [...a.orders.values()].filter((o) => (!status || o.status === status) && (!exp || EXPORT_STATUS_NAME[o.export_bucket] === exp));
    list(req, res, items, (o) => serializeOrderV2(a, o));
  });
  const order = (req: Request): Order => {
    const o = acct(req).orders.get(Number(req.params.id));
    if (!o) throw new HttpError(404, "NOT_FOUND", `Order ${String(req.params.id)} not found`);
    return o;
  };
  r.get("/orders/:id", (req, res) => res.json(serializeOrderV2(acct(req), order(req))));
  r.post("/orders", (req, res) => {
    const a = acct(req);
    const created = orderInput(() => asArray(req.body).map((o) => placeOrder(ctx.state, a, o)));
    changed();
    res.status(201).json({ data: created.map((o) => serializeOrderV2(a, o)) });
  });
  r.patch("/orders/:id", (req, res) => {
    const a = acct(req);
    const o = orderInput(() => editOrder(ctx.state, a, order(req), req.body));
    changed();
    res.json(serializeOrderV2(a, o));
  });
  r.post("/orders/generate", (req, res) => {
    const result = orderInput(() => generateOrders(ctx.state, acct(req), req.body));
    changed();
    res.status(201).json(result);
  });
  r.post("/catalogue/generate", (req, res) => {
    const result = orderInput(() => generateCatalogue(ctx.state, acct(req), req.body));
    changed();
    res.status(201).json(result);
  });

  // ---- faults ----------------------------------------------------------------------------------
  r.get("/faults", (_req, res) => res.json({ items: ctx.faults.list() }));
  r.post("/faults", (req, res) => {
    const inputs = asArray(req.body).map((b) => parseBody(faultRuleSchema, b));
    res.status(201).json({ items: inputs.map((i) => ctx.faults.add(i)) });
  });
  r.delete("/faults", (_req, res) => {
    ctx.faults.clear();
    res.json({ ok: true });
  });
  r.delete("/faults/:id", (req, res) => {
    if (!ctx.faults.remove(String(req.params.id))) throw new HttpError(404, "NOT_FOUND", `No fault ${String(req.params.id)}`);
    res.json({ ok: true });
  });

  return r;
}
