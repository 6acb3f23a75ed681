/**
 * v4 seasons ([DOC] https://api-docs.jooraccess.com/docs/how-to-create-update-collection-season-data):
 * `{ name, year, external_id }`, answered with a JOOR `id`; an update is the same item plus `id`.
 * The create/update paths (`/v4/seasons/bulk_create`, `/bulk_update`) follow the other v4
 * endpoints and are [INFERRED]; which fields are required and what counts as a duplicate is not
 * documented either (see the README's guesses section).
 */
import { z } from "zod";
import type { AccountState } from "../state/account";
import type { SandboxState } from "../state/state";
import type { Season } from "../types";
import { type ItemError, itemError, parseWith, reqStr, str, validationError } from "../validation";

const fields = {
  name: reqStr(100),
  year: z.int({ error: "must be an integer year, e.g. 2022" }).min(1900).max(2200).nullish(),
  external_id: str(100).nullish(),
};

export const seasonCreateSchema = z.strictObject(fields);
export const seasonUpdateSchema = z.strictObject({ id: reqStr(100), ...fields });

/** Another season with the same external_id, or the same name and year. */
function clash(acct: AccountState, s: { name: string; year?: number | null; external_id?: string | null }, selfId?: string): Season | undefined {
  if (s.external_id) {
    const id = acct.seasonsByExternalId.get(s.external_id);
    if (id !== undefined && id !== selfId) return acct.seasons.get(id);
  }
  for (const x of acct.seasons.values()) {
    if (x.id !== selfId && x.name === s.name && x.year === (s.year ?? null)) return x;
  }
  return undefined;
}

export function createSeasons(state: SandboxState, acct: AccountState, items: unknown[]): { data: Season[]; errors: ItemError[] } {
  const data: Season[] = [];
  const errors: ItemError[] = [];
  items.forEach((raw, index) => {
    const parsed = parseWith(seasonCreateSchema, raw);
    if (!parsed.ok) return void errors.push(validationError(index, parsed.issues));
    const p = parsed.value;
    if (clash(acct, p)) return void errors.push(itemError("DUPLICATED", index, "A season with this external_id (or this name and year) already exists"));
    const now = state.now();
    const s: Season = {
      id: state.ids.nextString("season"),
      name: p.name,
      year: p.year ?? null,
      external_id: p.external_id ?? null,
      created_at: now,
      modified_at: now,
    };
    acct.putSeason(s);
    data.push(s);
  });
  return { data, errors };
}

export function updateSeasons(state: SandboxState, acct: AccountState, items: unknown[]): { data: Season[]; errors: ItemError[] } {
  const data: Season[] = [];
  const errors: ItemError[] = [];
  items.forEach((raw, index) => {
    const parsed = parseWith(seasonUpdateSchema, raw);
    if (!parsed.ok) return void errors.push(validationError(index, parsed.issues));
    const p = parsed.value;
    const cur = acct.seasons.get(p.id);
    if (!cur) return void errors.push(itemError("NOT_FOUND", index, `Season ${p.id} not found`, { id: p.id }));
    const next: Season = {
      ...cur,
      name: p.name,
      year: p.year === undefined ? cur.year : p.year,
      external_id: p.external_id === undefined ? cur.external_id : p.external_id,
      modified_at: state.now(),
    };
    if (clash(acct, next, cur.id)) return void errors.push(itemError("DUPLICATED", index, "Another season has this external_id (or this name and year)"));
    acct.putSeason(next);
    data.push(next);
  });
  return { data, errors };
}

export function serializeSeason(s: Season): Record<string, unknown> {
  return { id: s.id, name: s.name, external_id: s.external_id, year: s.year };
}
