import { upsertBulk, type UpsertOutcome } from "./bulk";
import type { JoorHttp } from "./http";
import type { V4ItemError } from "./envelope";

/** A v4 product (style level) as JOOR answers it. */
export interface JoorProduct {
  id: string;
  name?: string;
  external_id?: string | null;
  product_identifier?: string | null;
}

/** What an operation sends: the payload (mapping/product.ts) and the JOOR id when the ledger knows it. */
export interface ProductUpsert<T = unknown> {
  joorId: string | null;
  payload: Record<string, unknown>;
  /** The caller's own reference (e.g. the Selvedge product), returned untouched. */
  ref: T;
}

const dupId = (e: V4ItemError) => str(e.details?.product_id ?? e.details?.id);
const str = (v: unknown) => (v === undefined || v === null || v === "" ? undefined : String(v));

/** v4 products: `/v4/products/bulk_create`, `/bulk_update` (no external_id on update, as documented), GET. */
export class ProductsApi {
  constructor(private readonly http: JoorHttp, private readonly batchSize: number) {}

  upsert<T>(inputs: ProductUpsert<T>[]): Promise<UpsertOutcome<ProductUpsert<T>, JoorProduct>[]> {
    return upsertBulk<ProductUpsert<T>, JoorProduct>(this.http, inputs, {
      createPath: "/products/bulk_create", updatePath: "/products/bulk_update", batchSize: this.batchSize,
      toCreate: (p) => p.payload,
      toUpdate: (p, id) => {
        const { external_id: _drop, ...rest } = p.payload;
        return { id, ...rest };
      },
      idOf: (d) => str(d?.id),
      duplicateIdOf: dupId,
      keyOf: (x) => str((x as Record<string, unknown>).external_id) ?? str((x as Record<string, unknown>).id),
    });
  }

  /** Every product JOOR has, page by page (streamed). */
  pages(query: Record<string, string> = {}): AsyncGenerator<JoorProduct[]> {
    return this.http.pagesV4<JoorProduct>("/products", query);
  }
}
