import type { JoorHttp } from "./http";
import type { JoorInventoryItem } from "../mapping/inventory-items";

export interface InventoryItemResult {
  item: JoorInventoryItem;
  ok: boolean;
  message: string | null;
}

/**
 * v2 bulk inventory (`POST /v2/bulk-inventory`), always in **update** mode: never `overwrite=1`, which
 * replaces the account's whole inventory with the request (a second chunk would wipe the first, and a
 * partial run would zero every SKU it did not send). Answers per item from `inventory_log` (in request order).
 */
export class InventoryApi {
  constructor(
    private readonly http: JoorHttp,
    private readonly batchSize: number,
  ) {}

  async update(items: JoorInventoryItem[]): Promise<InventoryItemResult[]> {
    const out: InventoryItemResult[] = [];
    for (let i = 0; i < items.length; i += this.batchSize) {
      const chunk = items.slice(i, i + this.batchSize);
      const answer = await this.http.v2<{ inventory_log?: { sku?: string; status?: string; message?: string }[] }>(
        "POST",
        "/bulk-inventory",
        { dec_pending: 0 },
        { inventory_items: { inventory_item: chunk } },
      );
      const log = Array.isArray(answer?.inventory_log) ? answer.inventory_log : [];
      chunk.forEach((item, k) => {
        const entry = log[k];
        const ok = entry?.status === "pass";
        out.push({
          item,
          ok,
          message: ok ? null : (entry?.message ?? (entry ? "JOOR refused the inventory line" : "JOOR's answer did not mention this line")),
        });
      });
    }
    return out;
  }
}
