/**
 * v2 bulk inventory. Each item names a warehouse that must exist (omitted = the Default warehouse),
 * a SKU by UPC or by style_number + style_identifier (JOOR's docs spell it `style_identifer`; both
 * accepted) + color_code + size, a quantity, and optionally an inventory_date for future stock.
 * Mapping of the v2 keys onto v4 catalogue fields: style_number = product_identifier,
 * style_identifier = product external_id (or product_identifier), color_code = Color external_id,
 * size = Size value (case-sensitive).
 */
import { z } from "zod";
import { logId } from "../ids";
import { AccountState } from "../state/account";
import type { SandboxState } from "../state/state";
import type { Sku } from "../types";
import { parseWith, str } from "../validation";
import { pendingQuantities } from "./order-query";

const dateInput = z.string().regex(/^(\d{4}-\d{2}-\d{2}|\d{2}-\d{2}-\d{4})$/, "must be YYYY-MM-DD or MM-DD-YYYY");

export const inventoryItemSchema = z.strictObject({
  warehouse: str(100).optional(),
  inventory_date: dateInput.nullish(),
  upc: str(50).optional(),
  style_number: str(45).optional(),
  style_identifier: str(100).optional(),
  style_identifer: str(100).optional(),
  color_code: str(100).optional(),
  size: str(100).optional(),
  style_id: z.unknown().optional(),
  style_color_id: z.unknown().optional(),
  size_code: z.unknown().optional(),
  inventory: z.int({ error: "inventory must be an integer quantity" }).min(0, "inventory must not be negative").max(100_000_000),
  made_to_order: z.boolean().optional(),
});

export interface InventoryLogEntry {
  sku: string;
  inventory_log_id: string;
  status: "pass" | "fail";
  message?: string;
}

function normaliseDate(d: string): string | null {
  const iso = /^\d{2}-\d{2}-\d{4}$/.test(d) ? `${d.slice(6)}-${d.slice(0, 2)}-${d.slice(3, 5)}` : d;
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== iso) return null;
  return iso;
}

function keyLabel(raw: unknown): string {
  if (typeof raw !== "object" || raw === null) return "(invalid item)";
  const r = raw as Record<string, unknown>;
  if (r.upc !== undefined) return String(r.upc);
  return [r.style_number, r.style_identifier ?? r.style_identifer, r.color_code, r.size].map((x) => (x === undefined ? "" : String(x))).join("/");
}

function findSku(acct: AccountState, it: z.infer<typeof inventoryItemSchema>): Sku | string {
  if (it.style_id !== undefined || it.style_color_id !== undefined || it.size_code !== undefined) {
    return "the style_id/style_color_id/size_code key is not supported by the sandbox; use upc or style_number/style_identifier/color_code/size";
  }
  if (it.upc !== undefined) {
    return acct.skuByUpc(it.upc) ?? `no SKU with UPC ${it.upc}`;
  }
  const ident = it.style_identifier ?? it.style_identifer;
  if (it.style_number === undefined || it.color_code === undefined || it.size === undefined) {
    return "identify the SKU by upc, or by style_number + style_identifier + color_code + size";
  }
  const productId = (ident !== undefined ? acct.productsByExternalId.get(ident) : undefined) ?? acct.productsByIdentifier.get(it.style_number);
  const product = productId ? acct.products.get(productId) : undefined;
  if (!product || (product.product_identifier !== null && product.product_identifier !== it.style_number)) {
    return `no style ${it.style_number}${ident ? `/${ident}` : ""}`;
  }
  for (const s of acct.productSkus(product.id)) {
    if (s.color.external_id === it.color_code && s.size.value === it.size) return s;
  }
  return `style ${it.style_number} has no colour ${it.color_code} in size '${it.size}' (sizes are case-sensitive)`;
}

export function bulkInventory(
  state: SandboxState,
  acct: AccountState,
  items: unknown[],
  opts: { overwrite: boolean; decPending: boolean },
): { log: InventoryLogEntry[]; passed: number } {
  const now = state.now();
  const pending = opts.decPending ? pendingQuantities(acct) : null;
  if (opts.overwrite) acct.clearInventory();
  const log: InventoryLogEntry[] = [];
  let passed = 0;
  for (const raw of items) {
    const entry: InventoryLogEntry = { sku: keyLabel(raw), inventory_log_id: logId(), status: "fail" };
    log.push(entry);
    const parsed = parseWith(inventoryItemSchema, raw);
    if (!parsed.ok) {
      entry.message = parsed.issues.map((i) => `${i.field}: ${i.message}`).join("; ");
      continue;
    }
    const it = parsed.value;
    const warehouse = it.warehouse === undefined ? acct.defaultWarehouse() : acct.warehouses.get(it.warehouse);
    if (!warehouse) {
      entry.message = it.warehouse === undefined ? "the account has no Default warehouse" : `warehouse '${it.warehouse}' does not exist in Order Settings`;
      continue;
    }
    let date: string | null = null;
    if (it.inventory_date) {
      date = normaliseDate(it.inventory_date);
      if (!date) {
        entry.message = `inventory_date '${it.inventory_date}' is not a valid date`;
        continue;
      }
    }
    const sku = findSku(acct, it);
    if (typeof sku === "string") {
      entry.message = sku;
      continue;
    }
    if (it.upc === undefined) entry.sku = AccountState.upcOf(sku) ?? entry.sku;
    if (it.made_to_order) {
      acct.clearSkuWarehouse(sku.id, warehouse.name);
      acct.putInventory({
        sku_id: sku.id,
        warehouse: warehouse.name,
        inventory_date: null,
        inventory: 0,
        dec_pending: false,
        pending_deducted: 0,
        available: 0,
        made_to_order: true,
        updated_at: now,
      });
    } else {
      const deducted = pending ? Math.min(it.inventory, pending.get(sku.id) ?? 0) : 0;
      acct.putInventory({
        sku_id: sku.id,
        warehouse: warehouse.name,
        inventory_date: date,
        inventory: it.inventory,
        dec_pending: opts.decPending,
        pending_deducted: deducted,
        available: it.inventory - deducted,
        made_to_order: false,
        updated_at: now,
      });
    }
    entry.status = "pass";
    passed++;
  }
  return { log, passed };
}
