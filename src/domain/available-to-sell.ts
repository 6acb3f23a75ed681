/** One stock level of a variant in a season, with the date its projected stock becomes available. */
export interface SeasonStock {
  seasonId: number;
  availableToSell: number;
  projected: number;
  /** The product line start date of the season's production docket (ISO 8601), or null when there is none. */
  availableFrom: string | null;
}

export interface ProjectedQuantity {
  quantity: number;
  /** When the quantity becomes available (ISO 8601); null when no production docket gives a date. */
  date: string | null;
}

export interface AvailableToSell {
  /** Stock available now, summed over the selected seasons. */
  availableToSell: number;
  /** Future stock of the selected seasons, one entry per date (earliest first, undated last); zero totals are left out. */
  projected: ProjectedQuantity[];
}

/**
 * Available to sell of one variant for a platform export (the wholesale platforms' rule): with ATS in more than one
 * selected season, the total of all of them is sent; unselected seasons are ignored. Projected stock is
 * grouped by the date it becomes available (the product line start date of each season's docket).
 */
export function sumAvailableToSell(levels: readonly SeasonStock[], selectedSeasonIds: Iterable<number>): AvailableToSell {
  const selected = new Set(selectedSeasonIds);
  let availableToSell = 0;
  const byDate = new Map<string | null, number>();
  for (const level of levels) {
    if (!selected.has(level.seasonId)) continue;
    availableToSell += level.availableToSell;
    byDate.set(level.availableFrom, (byDate.get(level.availableFrom) ?? 0) + level.projected);
  }
  const projected = [...byDate]
    .filter(([, quantity]) => quantity !== 0)
    .map(([date, quantity]) => ({ quantity, date }))
    .sort((a, b) => (a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1));
  return { availableToSell, projected };
}
