import { upsertBulk, type UpsertOutcome } from "./bulk";
import type { JoorHttp } from "./http";

export interface JoorSku {
  id: string;
  product_id?: string;
  external_id?: string | null;
  identifiers?: { type: string; value: string }[];
}

/** One SKU to send: its payload (mapping/sku.ts; carries product_id), the ledger's JOOR id, the caller's reference. */
export interface SkuUpsert<T = unknown> {
  joorId: string | null;
  payload: Record<string, unknown> & { product_id: string };
  ref: T;
}

const str = (v: unknown) => (v === undefined || v === null || v === "" ? undefined : String(v));

/**
 * v4 SKUs: `/v4/skus/bulk_create`, `/bulk_update`. A product's SKUs always travel in one request (JOOR checks
 * the full colour × size matrix per product); a create answered DUPLICATED (`details.sku_id`) becomes an update.
 */
export class SkusApi {
  constructor(
    private readonly http: JoorHttp,
    private readonly batchSize: number,
  ) {}

  upsert<T>(inputs: SkuUpsert<T>[]): Promise<UpsertOutcome<SkuUpsert<T>, JoorSku>[]> {
    return upsertBulk<SkuUpsert<T>, JoorSku>(this.http, inputs, {
      createPath: "/skus/bulk_create",
      updatePath: "/skus/bulk_update",
      batchSize: this.batchSize,
      groupOf: (s) => s.payload.product_id,
      toCreate: (s) => s.payload,
      toUpdate: (s, id) => {
        const { product_id: _p, ...rest } = s.payload;
        return { id, ...rest };
      },
      idOf: (d) => str(d?.id),
      // JOOR's DUPLICATED names a SKU id, but the clash may be a barcode on another product: only a SKU of the
      // same product with the same external_id is taken over (updated); anything else stays a per-item error.
      lookupExisting: async (dups) => {
        const wanted = new Map(dups.map((d) => [String(d.payload.external_id), d]));
        const found = new Map<SkuUpsert<T>, string>();
        const productIds = [...new Set(dups.map((d) => d.payload.product_id))];
        for (let i = 0; i < productIds.length; i += 100) {
          for await (const page of this.pages({ product_ids: productIds.slice(i, i + 100).join(",") })) {
            for (const sku of page) {
              const d = sku.external_id ? wanted.get(sku.external_id) : undefined;
              if (d && String(sku.product_id) === d.payload.product_id) found.set(d, String(sku.id));
            }
          }
        }
        return found;
      },
      keyOf: (x) => str((x as Record<string, unknown>).external_id) ?? str((x as Record<string, unknown>).id),
    });
  }

  pages(query: Record<string, string> = {}): AsyncGenerator<JoorSku[]> {
    return this.http.pagesV4<JoorSku>("/skus", query);
  }
}
