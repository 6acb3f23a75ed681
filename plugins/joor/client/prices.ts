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
const keyOf = (p: Pick<PricePayload, "sku_id" | "price_type_id">) => `${p.sku_id}|${p.price_type_id}`;

/**
 * v4 prices, per SKU and price type: `/v4/prices/bulk_create` for new ones, `/bulk_update` (by price id)
 * for known ones; a create answered DUPLICATED (the SKU already has a price of that type, e.g. after a crash
 * between JOOR's answer and our ledger write) becomes an update of JOOR's price id — never a second price.
 */
export class PricesApi {
  constructor(
    private readonly http: JoorHttp,
    private readonly batchSize: number,
  ) {}

  async upsert<T>(inputs: PriceUpsert<T>[]): Promise<UpsertOutcome<PriceUpsert<T>, JoorPrice>[]> {
    const first = await this.write(inputs);
    // JOOR's DUPLICATED may name only the SKU (not the price id): look the ids up, then update those.
    const unresolved = first.filter((o) => !o.ok && o.error.status === "DUPLICATED" && !o.joorId);
    if (!unresolved.length) return first;
    const ids = await this.idsOf(unresolved.map((o) => o.input.payload));
    const retry = unresolved.filter((o) => ids.has(keyOf(o.input.payload))).map((o) => ({ ...o.input, joorId: ids.get(keyOf(o.input.payload))! }));
    const again = await this.write(retry);
    const retried = new Set(retry.map((r) => keyOf(r.payload)));
    const out: UpsertOutcome<PriceUpsert<T>, JoorPrice>[] = first.filter((o) => !unresolved.includes(o) || !retried.has(keyOf(o.input.payload)));
    out.push(...again);
    return out;
  }

  /** JOOR's price ids of these SKU × price type pairs (GET /v4/prices?sku_ids=…, 100 SKUs per request). */
  async idsOf(payloads: Pick<PricePayload, "sku_id" | "price_type_id">[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const skus = [...new Set(payloads.map((p) => p.sku_id))];
    for (let i = 0; i < skus.length; i += 100) {
      for await (const page of this.pages({ sku_ids: skus.slice(i, i + 100).join(",") })) {
        for (const p of page) if (p.price_type?.id) out.set(`${p.sku_id}|${p.price_type.id}`, String(p.id));
      }
    }
    return out;
  }

  private write<T>(inputs: PriceUpsert<T>[]): Promise<UpsertOutcome<PriceUpsert<T>, JoorPrice>[]> {
    return upsertBulk<PriceUpsert<T>, JoorPrice>(this.http, inputs, {
      createPath: "/prices/bulk_create",
      updatePath: "/prices/bulk_update",
      batchSize: this.batchSize,
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
