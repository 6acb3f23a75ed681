import { CoreSchema1764300000000 } from "./1764300000000-core-schema";
import { Jobs1764400000000 } from "./1764400000000-jobs";
import { CaseSensitiveSizes1764500000000 } from "./1764500000000-case-sensitive-sizes";
import { OrderPlatformFields1764530000000 } from "./1764530000000-order-platform-fields";
import { JobPhase1764535000000 } from "./1764535000000-job-phase";
import { JobWaiting1764590000000 } from "./1764590000000-job-waiting";

/** Core migrations in order. Plugins append their own (src/plugin). */
export const coreMigrations = [
  CoreSchema1764300000000, Jobs1764400000000, CaseSensitiveSizes1764500000000, OrderPlatformFields1764530000000, JobPhase1764535000000,
  JobWaiting1764590000000,
];
