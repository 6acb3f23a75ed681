import { joorClientFor } from "../client";
import type { V2Get } from "../client/orders";
import { runImportOrders } from "../orders/run-import";
import type { JoorOperation } from "./types";

/**
 * import-orders (seed: "Approved sales orders will import from Joor into Zedonk"): pulls approved and modified
 * orders, stages them, imports or holds each (plugins/joor/README.md, "Orders in"). Every 10 minutes once the
 * connector is enabled (a default schedule, changeable with setJobSchedule).
 */
export const importOrders: JoorOperation = {
  description: "Imports approved JOOR orders (staged first; unmatched ones are held with their reasons)",
  attempts: 5,
  backoffMs: 2_000,
  defaultSchedule: { intervalMinutes: 10 },
  async run(ctx) {
    // Sync pages are retried by the operation, which must know when JOOR may have exported orders it never saw.
    const pulling = joorClientFor(ctx, { retry: { attempts: 1 } }).http;
    const reading = joorClientFor(ctx).http;
    const pull: V2Get = (path, query) => pulling.v2("GET", path, query);
    const read: V2Get = (path, query) => reading.v2("GET", path, query);
    return runImportOrders(ctx, { pull, read });
  },
};
