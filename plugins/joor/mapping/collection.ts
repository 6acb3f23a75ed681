import { linesheetExternalId } from "./ids";

export interface LinesheetRecord {
  id: number;
  name: string;
  startShip: string | null;
  completeShip: string | null;
}

/**
 * A linesheet as a JOOR v4 collection (joor-api.md §7a): name, external_id, the JOOR season id, the
 * delivery window (YYYY-MM-DD; none = IMMEDIATE) and the ordered products (all SKUs shoppable).
 */
export function mapCollection(l: LinesheetRecord, joorSeasonId: string, joorProductIds: string[]): Record<string, unknown> {
  const payload: Record<string, unknown> = { name: l.name, external_id: linesheetExternalId(l.id), season_id: joorSeasonId };
  if (l.startShip || l.completeShip) {
    const delivery: Record<string, string> = {};
    if (l.startShip) delivery.start_ship_date = l.startShip;
    if (l.completeShip) delivery.complete_ship_date = l.completeShip;
    payload.delivery = delivery;
  }
  payload.items = joorProductIds.map((product_id, i) => ({ product_id, order_number: i + 1 }));
  return payload;
}
