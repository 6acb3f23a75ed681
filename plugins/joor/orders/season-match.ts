/**
 * Season by name, as the seed says: the names must match between the systems ("AUTUMN/WINTER 20" is not "AW20").
 * Only case and spacing are normalised; anything else that differs is a different season, and the order goes to
 * the settings' import order season.
 */
export function normaliseSeasonName(name: string | null | undefined): string {
  return (name ?? "").trim().replace(/\s+/g, " ").toUpperCase();
}

export interface NamedSeason {
  id: number;
  name: string;
}

/** A lookup over the brand's seasons (one query per run); null when no season has that name. */
export function seasonMatcher<S extends NamedSeason>(seasons: S[]): (name: string | null | undefined) => S | null {
  const byName = new Map<string, S>();
  for (const s of seasons) byName.set(normaliseSeasonName(s.name), s);
  return (name) => {
    const key = normaliseSeasonName(name);
    return key === "" ? null : (byName.get(key) ?? null);
  };
}
