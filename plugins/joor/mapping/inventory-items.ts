import { SeasonStock, sumAvailableToSell } from "../../../src/plugin";

export interface InventoryWarehouses {
  /** JOOR's immediate (Default) warehouse name. */
  immediate: string;
  /** JOOR's future warehouse name (used with includeFutureAts). */
  future: string | null;
}

/** One v2 bulk-inventory item (UPC key). */
export interface JoorInventoryItem {
  warehouse: string;
  upc: string;
  inventory: number;
  inventory_date?: string;
}

export interface VariantInventory {
  items: JoorInventoryItem[];
  /** Why part of the variant's stock is not sent (no barcode, undated projected stock, …). */
  problems: { code: string; message: string }[];
}

/** The key of one JOOR inventory position: warehouse + date ("" = immediate/undated). */
export const positionKey = (item: Pick<JoorInventoryItem, "warehouse" | "inventory_date">): string => `${item.warehouse}|${item.inventory_date ?? ""}`;

/**
 * The JOOR inventory of one variant (the seed's rule, through the core's sumAvailableToSell): available to
 * sell summed over the selected ATS seasons, to the immediate warehouse; with "include future available to
 * sell", the projected quantities per date (the product line start date from the production docket), to the
 * future warehouse. A variant with stock but no barcode cannot be sent (JOOR keys inventory by UPC).
 */
export function mapVariantInventory(
  variant: { barcode: string | null; levels: readonly SeasonStock[] },
  atsSeasonIds: readonly number[],
  includeFutureAts: boolean,
  warehouses: InventoryWarehouses,
): VariantInventory {
  const ats = sumAvailableToSell(variant.levels, atsSeasonIds);
  const projected = includeFutureAts ? ats.projected : [];
  const problems: VariantInventory["problems"] = [];
  if (!variant.barcode) {
    const hasStock = ats.availableToSell !== 0 || projected.length > 0;
    if (hasStock)
      problems.push({
        code: "NO_BARCODE",
        message: "The variant has stock but no barcode: JOOR identifies inventory by barcode (UPC), so its stock was not sent",
      });
    return { items: [], problems };
  }
  const items: JoorInventoryItem[] = [{ warehouse: warehouses.immediate, upc: variant.barcode, inventory: Math.max(0, ats.availableToSell) }];
  if (includeFutureAts && projected.length) {
    if (!warehouses.future) {
      problems.push({ code: "NO_FUTURE_WAREHOUSE", message: "Projected stock was not sent: no JOOR future warehouse is set in the settings" });
    } else {
      for (const p of projected) {
        if (p.date === null) {
          problems.push({
            code: "NO_LINE_START_DATE",
            message: `${p.quantity} projected unit(s) were not sent: no production docket gives their product line start date`,
          });
          continue;
        }
        items.push({ warehouse: warehouses.future, upc: variant.barcode, inventory: Math.max(0, p.quantity), inventory_date: p.date });
      }
    }
  }
  return { items, problems };
}

/** What was last sent for a variant: its barcode then and the quantity per position key. */
export interface SentInventory {
  upc: string;
  positions: Record<string, number>;
}

/**
 * Update mode without losses: the items to send so that JOOR ends up with `next`, given what was last sent.
 * Changed positions are sent; a position sent before and gone now (a docket date moved, projected stock
 * used up, the barcode changed) is sent with 0 under the barcode it was sent with — nothing else on JOOR is
 * touched.
 */
export function inventoryDelta(next: readonly JoorInventoryItem[], previous: SentInventory | null): JoorInventoryItem[] {
  const out: JoorInventoryItem[] = [];
  const seen = new Set<string>();
  for (const item of next) {
    const key = positionKey(item);
    if (previous && previous.upc === item.upc) seen.add(key);
    if (!previous || previous.upc !== item.upc || previous.positions[key] !== item.inventory) out.push(item);
  }
  for (const key of Object.keys(previous?.positions ?? {})) {
    if (seen.has(key) || previous!.positions[key] === 0) continue;
    const [warehouse, date] = key.split("|");
    out.push(date ? { warehouse, upc: previous!.upc, inventory: 0, inventory_date: date } : { warehouse, upc: previous!.upc, inventory: 0 });
  }
  return out;
}

export function sentInventory(upc: string, items: readonly JoorInventoryItem[]): SentInventory {
  const positions: Record<string, number> = {};
  for (const item of items) positions[positionKey(item)] = item.inventory;
  return { upc, positions };
}
