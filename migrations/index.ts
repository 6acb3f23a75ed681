import { CoreSchema1764300000000 } from "./1764300000000-core-schema";
import { Jobs1764400000000 } from "./1764400000000-jobs";

/** Core migrations in order. Plugins append their own (src/plugin). */
export const coreMigrations = [CoreSchema1764300000000, Jobs1764400000000];
