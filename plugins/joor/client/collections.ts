import { upsertBulk, type UpsertOutcome } from "./bulk";
import type { V4ItemError } from "./envelope";
import type { JoorHttp } from "./http";

/** A v4 collection (linesheet) as JOOR answers it (joor-api.md §7a). */
export interface JoorCollection {
  id: string;
  name: string;
  external_id?: string | null;
  delivery?: { start_ship_date?: string | null; complete_ship_date?: string | null } | null;
  season?: { id: string; name?: string } | null;
  items?: { product_id: string; order_number?: number; sku_ids?: string[] }[];
}

export interface CollectionUpsert<T = unknown> {
  joorId: string | null;
  /** `{ name, external_id, season_id, delivery, items }` (mapping/collection.ts). */
  payload: Record<string, unknown>;
  ref: T;
}

const str = (v: unknown) => (v === undefined || v === null || v === "" ? undefined : String(v));

/** v4 collections: `/v4/collections/bulk_create` (external_id), `/bulk_update` (by id; items REPLACE by default). */
export class CollectionsApi {
  constructor(
    private readonly http: JoorHttp,
    private readonly batchSize: number,
  ) {}

  upsert<T>(inputs: CollectionUpsert<T>[]): Promise<UpsertOutcome<CollectionUpsert<T>, JoorCollection>[]> {
    return upsertBulk<CollectionUpsert<T>, JoorCollection>(this.http, inputs, {
      createPath: "/collections/bulk_create",
      updatePath: "/collections/bulk_update",
      batchSize: this.batchSize,
      toCreate: (c) => c.payload,
      toUpdate: (c, id) => {
        const { external_id: _e, ...rest } = c.payload;
        return { id, ...rest };
      },
      idOf: (d) => str(d?.id),
      duplicateIdOf: (e: V4ItemError) => str(e.details?.collection_id ?? e.details?.id),
      keyOf: (x) => str((x as Record<string, unknown>).external_id) ?? str((x as Record<string, unknown>).id),
      lookupExisting: async (dups) => {
        const byExt = new Map<string, string>();
        for await (const page of this.pages()) for (const c of page) if (c.external_id) byExt.set(c.external_id, String(c.id));
        return new Map(dups.flatMap((d) => (byExt.has(String(d.payload.external_id)) ? [[d, byExt.get(String(d.payload.external_id))!] as const] : [])));
      },
    });
  }

  pages(): AsyncGenerator<JoorCollection[]> {
    return this.http.pagesV4<JoorCollection>("/collections");
  }
}
