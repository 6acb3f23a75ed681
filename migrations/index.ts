import { CoreSchema1764300000000 } from "./1764300000000-core-schema";
import { Jobs1764400000000 } from "./1764400000000-jobs";
import { AccountCodeKey1764400000100 } from "./1764400000100-account-code-key";
import { CaseSensitiveSizes1764500000000 } from "./1764500000000-case-sensitive-sizes";

/** Core migrations in order. Plugins append their own (src/plugin). */
export const coreMigrations = [CoreSchema1764300000000, Jobs1764400000000, AccountCodeKey1764400000100, CaseSensitiveSizes1764500000000];
