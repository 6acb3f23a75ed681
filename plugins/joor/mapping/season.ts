import { seasonExternalId } from "./ids";

export interface SeasonRecord {
  id: number;
  name: string;
  code: string | null;
  startDate: string;
}

/** A Selvedge season as a JOOR v4 season: name, year (of its start date), external_id (its code). */
export function mapSeason(s: SeasonRecord): Record<string, unknown> {
  const year = Number(String(s.startDate).slice(0, 4));
  return { name: s.name, year: Number.isFinite(year) ? year : null, external_id: seasonExternalId(s) };
}
