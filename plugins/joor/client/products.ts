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
  constructor(
    private readonly http: JoorHttp,
    private readonly batchSize: number,
  ) {}

  upsert<T>(inputs: ProductUpsert<T>[]): Promise<UpsertOutcome<ProductUpsert<T>, JoorProduct>[]> {
    return upsertBulk<ProductUpsert<T>, JoorProduct>(this.http, inputs, {
      createPath: "/products/bulk_create",
      updatePath: "/products/bulk_update",
      batchSize: this.batchSize,
      toCreate: (p) => p.payload,
      toUpdate: (p, id) => {
        const { external_id: _drop, ...rest } = p.payload;
        return { id, ...rest };
      },
      idOf: (d) => str(d?.id),
      duplicateIdOf: dupId,
      keyOf: (x) => str((x as Record<string, unknown>).external_id) ?? str((x as Record<string, unknown>).id),
      lookupExisting: async (dups) => {
        const ids = await this.idsByExternalId(dups.map((d) => String(d.payload.external_id)));
        return new Map(dups.flatMap((d) => (ids.has(String(d.payload.external_id)) ? [[d, ids.get(String(d.payload.external_id))!] as const] : [])));
      },
    });
  }

  /** JOOR product ids by external_id (GET /v4/products?external_ids=…, 100 at a time). */
  async idsByExternalId(externalIds: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < externalIds.length; i += 100) {
      for await (const page of this.http.pagesV4<JoorProduct>("/products", { external_ids: externalIds.slice(i, i + 100).join(",") })) {
        for (const p of page) if (p.external_id) out.set(p.external_id, String(p.id));
      }
    }
    return out;
  }

  /** Every product JOOR has, page by page (streamed). */
  pages(query: Record<string, string> = {}): AsyncGenerator<JoorProduct[]> {
    return this.http.pagesV4<JoorProduct>("/products", query);
  }
}
