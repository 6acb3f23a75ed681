import { upsertBulk, type UpsertOutcome } from "./bulk";
import type { V4ItemError } from "./envelope";
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
  constructor(private readonly http: JoorHttp, private readonly batchSize: number) {}

  upsert<T>(inputs: SkuUpsert<T>[]): Promise<UpsertOutcome<SkuUpsert<T>, JoorSku>[]> {
    return upsertBulk<SkuUpsert<T>, JoorSku>(this.http, inputs, {
      createPath: "/skus/bulk_create", updatePath: "/skus/bulk_update", batchSize: this.batchSize,
      groupOf: (s) => s.payload.product_id,
      toCreate: (s) => s.payload,
      toUpdate: (s, id) => {
        const { product_id: _p, ...rest } = s.payload;
        return { id, ...rest };
      },
      idOf: (d) => str(d?.id),
      duplicateIdOf: (e: V4ItemError) => str(e.details?.sku_id ?? e.details?.id),
      keyOf: (x) => str((x as Record<string, unknown>).external_id) ?? str((x as Record<string, unknown>).id),
    });
  }

  pages(query: Record<string, string> = {}): AsyncGenerator<JoorSku[]> {
    return this.http.pagesV4<JoorSku>("/skus", query);
  }
}
