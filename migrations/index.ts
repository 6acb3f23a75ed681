import { CoreSchema1764300000000 } from "./1764300000000-core-schema";
import { Jobs1764400000000 } from "./1764400000000-jobs";
import { CaseSensitiveSizes1764500000000 } from "./1764500000000-case-sensitive-sizes";
import { JobPhase1764535000000 } from "./1764535000000-job-phase";

/** Core migrations in order. Plugins append their own (src/plugin). */
export const coreMigrations = [CoreSchema1764300000000, Jobs1764400000000, CaseSensitiveSizes1764500000000, JobPhase1764535000000];
