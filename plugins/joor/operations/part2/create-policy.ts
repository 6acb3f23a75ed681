import type { JoorContext } from "./phase";

/**
 * Whether an export may create new JOOR customers / products. In an existing JOOR system
 * (connectionMode = EXISTING_SYSTEM) only records that reconcile matched (their JOOR id is in the ledger) are
 * sent, as updates; creating the others would fill the brand's JOOR account with duplicates of what is
 * already there under another code or barcode. `full: true` is the user's explicit override.
 */
export function mayCreateOnJoor(ctx: Pick<JoorContext, "settings" | "full">): boolean {
  return ctx.settings.connectionMode !== "EXISTING_SYSTEM" || ctx.full;
}

export const NOT_MATCHED_MESSAGE = (what: string) =>
  `${what} is not on JOOR under this code/barcode and reconcile has not matched it: in an existing JOOR system (connection mode EXISTING_SYSTEM) it is not created. Match it in JOOR (then run reconcile), or run with full: true to create it.`;
