import { CoreSchema1764300000000 } from "./1764300000000-core-schema";
import { Jobs1764400000000 } from "./1764400000000-jobs";
import { AccountCodeKey1764400000100 } from "./1764400000100-account-code-key";
import { CaseSensitiveSizes1764500000000 } from "./1764500000000-case-sensitive-sizes";
import { JobPreciseTimes1764510000000 } from "./1764510000000-job-precise-times";
import { JobCheckpoint1764510100000 } from "./1764510100000-job-checkpoint";
import { JobPriority1764510200000 } from "./1764510200000-job-priority";
import { OrderPlatformFields1764530000000 } from "./1764530000000-order-platform-fields";
import { JobPhase1764535000000 } from "./1764535000000-job-phase";
import { JobWaiting1764590000000 } from "./1764590000000-job-waiting";
import { ProductPageIndexes1764600000000 } from "./1764600000000-product-page-indexes";

/** Core migrations in order. Plugins append their own (src/plugin). */
export const coreMigrations = [
  CoreSchema1764300000000,
  Jobs1764400000000,
  AccountCodeKey1764400000100,
  CaseSensitiveSizes1764500000000,
  JobPreciseTimes1764510000000,
  JobCheckpoint1764510100000,
  JobPriority1764510200000,
  OrderPlatformFields1764530000000,
  JobPhase1764535000000,
  JobWaiting1764590000000,
  ProductPageIndexes1764600000000,
];
