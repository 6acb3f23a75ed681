/** v2 bulk inventory: `POST|PUT /v2/bulk-inventory?overwrite=1&dec_pending=0|1`. */
import { type Request, type Response, Router } from "express";
import { accountOf, type SandboxContext } from "../context";
import { bulkInventory } from "../domain/inventory";
import { HttpError, qstr, v2Response } from "../http";

export function v2InventoryRoutes(ctx: SandboxContext): Router {
  const r = Router();
  const handler = (req: Request, res: Response): void => {
    const acct = accountOf(res);
    const body = req.body as { inventory_items?: { inventory_item?: unknown } } | undefined;
    const items = body?.inventory_items?.inventory_item;
    if (!Array.isArray(items)) throw new HttpError(400, "BAD_REQUEST", 'body must be {"inventory_items": {"inventory_item": [ ... ]}}');
    if (items.length === 0) throw new HttpError(400, "BAD_REQUEST", "inventory_items.inventory_item is empty");
    const max = ctx.config.maxBulkItems > 0 ? ctx.config.maxBulkItems * 10 : 0;
    if (max > 0 && items.length > max) throw new HttpError(413, "TOO_MANY_ITEMS", `at most ${max} inventory items per request`);
    const overwrite = qstr(req, "overwrite");
    const dec = qstr(req, "dec_pending") ?? "0";
    if (overwrite !== undefined && !["0", "1"].includes(overwrite)) throw new HttpError(400, "BAD_REQUEST", "overwrite must be 0 or 1");
    if (!["0", "1"].includes(dec)) throw new HttpError(400, "BAD_REQUEST", "dec_pending must be 0 or 1");
    const { log, passed } = bulkInventory(ctx.state, acct, items, { overwrite: overwrite === "1", decPending: dec === "1" });
    ctx.state.changed();
    res.json({
      response: v2Response(200, `${passed} of ${items.length} SKUs updated${overwrite === "1" ? " (inventory overwritten)" : ""}`),
      sku_count: items.length,
      pass_count: passed,
      fail_count: items.length - passed,
      inventory_log: log,
    });
  };
  r.post("/bulk-inventory", handler);
  r.put("/bulk-inventory", handler);
  return r;
}
