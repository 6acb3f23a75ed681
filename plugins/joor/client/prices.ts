import { upsertBulk, type UpsertOutcome } from "./bulk";
import type { JoorHttp } from "./http";
import type { V4ItemError } from "./envelope";

/** A v4 price as JOOR answers it. */
export interface JoorPrice {
  id: string;
  sku_id: string;
  price_type?: { id: string; name?: string | null; currency_code?: string | null } | null;
  wholesale_value: string;
  retail_value?: string | null;
}

export interface PricePayload {
  sku_id: string;
  price_type_id: string;
  wholesale_value: string;
  retail_value: string;
}

/** One price to write: the payload and JOOR's price id when the ledger knows it. */
export interface PriceUpsert<T = unknown> {
  joorId: string | null;
  payload: PricePayload;
  ref: T;
}

const str = (v: unknown) => (v === undefined || v === null || v === "" ? undefined : String(v));
const dupId = (e: V4ItemError) => str(e.details?.price_id ?? e.details?.id);

/**
 * v4 prices, per SKU and price type: `/v4/prices/bulk_create` for new ones, `/bulk_update` (by price id)
 * for known ones; a create answered DUPLICATED (the SKU already has a price of that type, e.g. after a crash
 * between JOOR's answer and our ledger write) becomes an update of JOOR's price id — never a second price.
 */
export class PricesApi {
  constructor(private readonly http: JoorHttp, private readonly batchSize: number) {}

  upsert<T>(inputs: PriceUpsert<T>[]): Promise<UpsertOutcome<PriceUpsert<T>, JoorPrice>[]> {
    return upsertBulk<PriceUpsert<T>, JoorPrice>(this.http, inputs, {
      createPath: "/prices/bulk_create", updatePath: "/prices/bulk_update", batchSize: this.batchSize,
      toCreate: (p) => ({ ...p.payload }),
      toUpdate: (p, id) => ({ id, wholesale_value: p.payload.wholesale_value, retail_value: p.payload.retail_value }),
      idOf: (d) => str(d?.id),
      duplicateIdOf: dupId,
      keyOf: (x) => {
        const o = x as Record<string, unknown>;
        const type = str(o.price_type_id) ?? str((o.price_type as Record<string, unknown> | undefined)?.id);
        return o.sku_id && type ? `${String(o.sku_id)}|${type}` : str(o.id);
      },
    });
  }

  pages(query: Record<string, string> = {}): AsyncGenerator<JoorPrice[]> {
    return this.http.pagesV4<JoorPrice>("/prices", query);
  }
}
