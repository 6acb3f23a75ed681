import { GraphQLError } from "graphql";
import { In } from "typeorm";
import { badInput, type BrandScope, type HostServices, parseId, Season, User } from "../../../src/plugin";
import { joorSettingsDeclaration, type JoorSettingsValues } from "./declaration";
import { joorUrls } from "./connection";
import { JoorSettings, type JoorSettingsInput } from "./settings.types";

export const JOOR = "joor";

/** Typed input field → stored setting key (where they differ) and back, for error fields. */
const KEY_OF: Record<string, string> = {
  importOrderSeasonId: "importOrderSeason",
  orderOwnerId: "orderOwner",
  priceSeasonIds: "priceSeasons",
  atsSeasonIds: "atsSeasons",
};
const FIELD_OF = Object.fromEntries(Object.entries(KEY_OF).map(([f, k]) => [k, f]));
const ID_FIELDS = new Set(["importOrderSeasonId", "orderOwnerId"]);
const ID_LIST_FIELDS = new Set(["priceSeasonIds", "atsSeasonIds"]);

/**
 * The typed settings API over the host's settings store (`joorSettings` / `updateJoorSettings`): the same
 * stored keys as the generic `Connector.settings`, so both always show the same values; writes go through
 * the host's validation (schemas, reference checks, secrets encrypted).
 */
export class JoorSettingsService {
  constructor(
    private readonly data: BrandScope,
    private readonly host: HostServices,
  ) {}

  /** Stored values parsed field by field (defaults applied); secrets never decrypted here. */
  async stored(): Promise<{ values: Partial<JoorSettingsValues>; secretsSet: Set<string> }> {
    const raw = await this.host.settings.raw(this.data);
    const values: Record<string, unknown> = {};
    const secretsSet = new Set<string>();
    for (const [key, f] of Object.entries(joorSettingsDeclaration) as [
      string,
      { schema: { safeParse(v: unknown): { success: boolean; data?: unknown } }; secret?: boolean },
    ][]) {
      const v = raw[key];
      if (f.secret) {
        if (v !== undefined && v !== null) secretsSet.add(key);
        continue;
      }
      const r = f.schema.safeParse(v === null ? undefined : v);
      if (r.success) values[key] = r.data;
    }
    return { values: values as Partial<JoorSettingsValues>, secretsSet };
  }

  async read(): Promise<JoorSettings> {
    const { values: v, secretsSet } = await this.stored();
    const check = await this.host.settings.check(this.data);
    const seasonIds = [...new Set([...(v.priceSeasons ?? []), ...(v.atsSeasons ?? []), ...(v.importOrderSeason ? [v.importOrderSeason] : [])])];
    const seasons = seasonIds.length ? await this.data.repo(Season).findBy({ id: In(seasonIds) }) : [];
    const byId = new Map(seasons.map((s) => [s.id, s]));
    const owner = v.orderOwner ? await this.data.repo(User).findOneBy({ id: v.orderOwner }) : null;
    const urls = joorUrls({ environment: v.environment ?? "SANDBOX", authUrl: v.authUrl, v2Url: v.v2Url, v4Url: v.v4Url });
    const out = new JoorSettings();
    Object.assign(out, {
      importOrderSeason: (v.importOrderSeason && byId.get(v.importOrderSeason)) || null,
      importOrderApproved: v.importOrderApproved ?? false,
      orderOwner: owner,
      includeFutureAts: v.includeFutureAts ?? false,
      priceSeasons: (v.priceSeasons ?? []).map((id) => byId.get(id)).filter(Boolean),
      atsSeasons: (v.atsSeasons ?? []).map((id) => byId.get(id)).filter(Boolean),
      environment: v.environment ?? "SANDBOX",
      ...urls,
      urlsOverridden: !!(v.authUrl || v.v2Url || v.v4Url),
      accountId: v.accountId ?? null,
      clientId: v.clientId ?? null,
      username: v.username ?? null,
      clientSecretSet: secretsSet.has("clientSecret"),
      passwordSet: secretsSet.has("password"),
      v2ApiTokenSet: secretsSet.has("v2ApiToken"),
      immediateWarehouse: v.immediateWarehouse ?? "Default",
      futureWarehouse: v.futureWarehouse ?? null,
      priceTypes: v.priceTypes ?? [],
      connectionMode: v.connectionMode ?? "NEW_SYSTEM",
      complete: check.complete,
      missing: check.missing.map((k) => FIELD_OF[k] ?? k),
    });
    return out;
  }

  /** Validates and stores the given fields (null clears); errors name the input field (`input.<field>`). */
  async update(input: JoorSettingsInput): Promise<JoorSettings> {
    const values: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(input)) {
      if (value === undefined) continue;
      const key = KEY_OF[field] ?? field;
      if (value === null) values[key] = null;
      else if (ID_FIELDS.has(field)) values[key] = parseId(value as string, `input.${field}`);
      else if (ID_LIST_FIELDS.has(field)) values[key] = (value as string[]).map((x, i) => parseId(x, `input.${field}.${i}`));
      else if (field === "priceTypes")
        values[key] = (value as { currency: string; priceType: string }[]).map((m) => ({
          currency: m.currency.trim().toUpperCase(),
          priceType: m.priceType.trim(),
        }));
      else if (typeof value === "string") values[key] = value.trim();
      else values[key] = value;
    }
    if (!Object.keys(values).length) throw badInput("input", "Nothing to change: give at least one field");
    try {
      await this.host.settings.update(this.data, values);
    } catch (error) {
      throw renameFields(error);
    }
    return this.read();
  }
}

/** The host names fields `values.<key>`; the typed API names them `input.<field>`. */
function renameFields(error: unknown): unknown {
  if (!(error instanceof GraphQLError) || error.extensions?.code !== "BAD_USER_INPUT") return error;
  const rename = (f: unknown) => {
    const m = /^values\.([A-Za-z0-9]+)(.*)$/.exec(String(f ?? ""));
    return m ? `input.${FIELD_OF[m[1]] ?? m[1]}${m[2]}` : f;
  };
  const problems = (error.extensions.problems as { field: string; message: string }[] | undefined)?.map((p) => ({ ...p, field: rename(p.field) }));
  const message = error.message.replace(/values\.([A-Za-z0-9]+)/g, (_m, k: string) => `input.${FIELD_OF[k] ?? k}`);
  return new GraphQLError(message, { extensions: { ...error.extensions, field: rename(error.extensions.field), ...(problems ? { problems } : {}) } });
}
