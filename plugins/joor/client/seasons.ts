import { upsertBulk, type UpsertOutcome } from "./bulk";
import type { V4ItemError } from "./envelope";
import type { JoorHttp } from "./http";

export interface JoorSeason {
  id: string;
  name: string;
  year?: number | null;
  external_id?: string | null;
}

export interface SeasonUpsert<T = unknown> {
  joorId: string | null;
  /** `{ name, year, external_id }` (mapping/season.ts). */
  payload: Record<string, unknown>;
  ref: T;
}

const str = (v: unknown) => (v === undefined || v === null || v === "" ? undefined : String(v));

/** v4 seasons (joor-api.md §7a): `/v4/seasons/bulk_create` [INFERRED path], `/bulk_update` by id, GET. */
export class SeasonsApi {
  constructor(
    private readonly http: JoorHttp,
    private readonly batchSize: number,
  ) {}

  upsert<T>(inputs: SeasonUpsert<T>[]): Promise<UpsertOutcome<SeasonUpsert<T>, JoorSeason>[]> {
    return upsertBulk<SeasonUpsert<T>, JoorSeason>(this.http, inputs, {
      createPath: "/seasons/bulk_create",
      updatePath: "/seasons/bulk_update",
      batchSize: this.batchSize,
      toCreate: (s) => s.payload,
      toUpdate: (s, id) => ({ id, ...s.payload }),
      idOf: (d) => str(d?.id),
      duplicateIdOf: (e: V4ItemError) => str(e.details?.season_id ?? e.details?.id),
      keyOf: (x) => str((x as Record<string, unknown>).external_id) ?? str((x as Record<string, unknown>).id),
      lookupExisting: async (dups) => {
        const byExt = new Map<string, string>();
        for await (const page of this.pages()) for (const c of page) if (c.external_id) byExt.set(c.external_id, String(c.id));
        return new Map(dups.flatMap((d) => (byExt.has(String(d.payload.external_id)) ? [[d, byExt.get(String(d.payload.external_id))!] as const] : [])));
      },
    });
  }

  pages(): AsyncGenerator<JoorSeason[]> {
    return this.http.pagesV4<JoorSeason>("/seasons");
  }
}
