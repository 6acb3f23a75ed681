import { JoorLedgerResolver } from "./ledger.resolver";
import { JoorLinesheetResolver } from "./linesheet.resolver";
import { JoorSettingsResolver } from "./settings.resolver";

/** The JOOR plugin's GraphQL resolvers (one file per area; add yours here). */
export const joorResolvers: Function[] = [JoorSettingsResolver, JoorLedgerResolver, JoorLinesheetResolver];

/** Types no resolver returns directly. */
export const joorTypes: Function[] = [];
