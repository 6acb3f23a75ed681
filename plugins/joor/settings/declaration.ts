import { z } from "zod";
import { In } from "typeorm";
import { setting, type SettingCheckHost, type SettingsValues, Season, User } from "../../../src/plugin";

/** Checks that every id names a row of the brand (another brand's id reads exactly like an unknown one). */
function belongsToBrand(entity: typeof Season | typeof User, what: string) {
  return async (value: number | number[] | undefined, host: SettingCheckHost): Promise<string | null> => {
    if (value === undefined) return null;
    const ids = [...new Set(Array.isArray(value) ? value : [value])];
    if (!ids.length) return null;
    const found = await host.data.repo<Season | User>(entity).find({ select: { id: true }, where: { id: In(ids) } });
    const missing = ids.filter((id) => !found.some((r) => r.id === id));
    return missing.length ? `No ${what} ${missing.join(", ")} in this brand` : null;
  };
}

const id = z.number().int().positive();
const currency = z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as EUR");

/**
 * The JOOR connector's settings, as stored by the host (generic `Connector.settings` and
 * `updateConnectorSettings` show and write exactly these keys; `joorSettings` / `updateJoorSettings`
 * is the typed view over the same store). References are ids, checked to belong to the brand.
 */
export const joorSettingsDeclaration = {
  // --- the seed's settings ("Settings > Settings" and "Settings > Seasons")
  importOrderSeason: {
    ...setting.int({ optional: true, min: 1, description: "Season id where orders whose season name matches no Selvedge season go" }),
    check: belongsToBrand(Season, "season"),
  },
  importOrderApproved: setting.boolean({ default: false, description: "Imported orders are APPROVED in Selvedge" }),
  orderOwner: {
    ...setting.int({ optional: true, min: 1, description: "User id: the owner of orders imported from JOOR" }),
    check: belongsToBrand(User, "user"),
  },
  includeFutureAts: setting.boolean({ default: false, description: "Also export projected (future) available-to-sell stock" }),
  priceSeasons: {
    schema: z.array(id).default([]),
    description: "Season ids prices are exported from (the most recent visible wins)",
    check: belongsToBrand(Season, "season"),
  },
  atsSeasons: {
    schema: z.array(id).default([]),
    description: "Season ids available-to-sell stock is exported from (summed)",
    check: belongsToBrand(Season, "season"),
  },
  // --- the connection
  environment: { schema: z.enum(["SANDBOX", "PRODUCTION"]).default("SANDBOX"), description: "JOOR environment; fixes the default URLs" },
  authUrl: setting.url({ optional: true, description: "Override of the token URL (e.g. the local sandbox's /auth/)" }),
  v2Url: setting.url({ optional: true, description: "Override of the v2 API base URL" }),
  v4Url: setting.url({ optional: true, description: "Override of the v4 API base URL" }),
  accountId: setting.string({ description: "JOOR account id (sent as ?account= on v4)" }),
  clientId: setting.string({ description: "v4 OAuth client id (issued by JOOR)" }),
  clientSecret: setting.secret({ description: "v4 OAuth client secret" }),
  username: setting.string({ description: "JOOR login used for the v4 password grant" }),
  password: setting.secret({ description: "JOOR password" }),
  v2ApiToken: setting.secret({ description: "v2 API token (issued by JOOR's integration manager)" }),
  immediateWarehouse: setting.string({ default: "Default", description: "JOOR warehouse for stock available now" }),
  futureWarehouse: setting.string({ optional: true, description: "JOOR warehouse for future (projected) stock" }),
  priceTypes: {
    schema: z
      .array(z.strictObject({ currency, priceType: z.string().min(1).max(100) }))
      .default([])
      .refine((l) => new Set(l.map((x) => x.currency)).size === l.length, "one price type per currency"),
    description: "The JOOR price type (name) for each currency: [{ currency, priceType }]",
  },
  connectionMode: {
    schema: z.enum(["NEW_SYSTEM", "EXISTING_SYSTEM"]).default("NEW_SYSTEM"),
    description: "A new JOOR system (Selvedge creates everything) or an existing one (match first)",
  },
  // --- tuning (defaults follow JOOR's documented limits)
  creditBudget: setting.int({ default: 300, min: 1, max: 100_000, description: "JOOR credits per window for this account (GET 1, write 5)" }),
  creditWindowSeconds: setting.int({ default: 300, min: 1, max: 3600, description: "Length of JOOR's credit window" }),
  batchSize: setting.int({ default: 500, min: 1, max: 1000, description: "Items per bulk write request" }),
  requestTimeoutMs: setting.int({ default: 30_000, min: 100, max: 600_000, description: "Timeout of one JOOR request" }),
};

export type JoorSettingsDeclaration = typeof joorSettingsDeclaration;
export type JoorSettingsValues = SettingsValues<JoorSettingsDeclaration>;
