import { CoreSchema1764300000000 } from "./1764300000000-core-schema";

/** Core migrations in order. Plugins append their own (src/plugin). */
export const coreMigrations = [CoreSchema1764300000000];
