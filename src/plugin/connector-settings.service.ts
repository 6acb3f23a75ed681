import { BrandScope } from "../db/brand-scope";
import { DataSource, In } from "typeorm";
import { badInput, InputProblems } from "../api/errors";
import { isUniqueViolation } from "../db/db-errors";
import { ConnectorSettings } from "./connector-settings.entity";
import { PluginDefinition } from "./define-plugin";
import { checkSettings, isRequired, SettingsCheck, settingDefault, settingKind, validateSettingValue } from "./settings";
import { SecretBox } from "./secret-box";
import { ownSetting } from "./settings";

/** Largest stored settings of one connector and brand (JSON, UTF-8 bytes). */
export const MAX_SETTINGS_BYTES = 60_000;

export interface SettingDescription {
  key: string;
  kind: string;
  description: string | null;
  required: boolean;
  secret: boolean;
  /** Whether a value is stored (secrets are only ever reported this way). */
  isSet: boolean;
  /** The stored value (null for secrets and unset fields). */
  value: unknown;
  /** The value used when none is stored (null: no default). */
  default: unknown;
}

/**
 * A brand's connector settings: validated against the plugin's declaration; secret fields encrypted
 * (AES-256-GCM, bound to brand + connector + field) and never returned.
 */
export class ConnectorSettingsService {
  constructor(
    private readonly ds: DataSource,
    private readonly box: SecretBox,
  ) {}

  private context(brandId: number, connector: string, key: string): string {
    return `${brandId}:${connector}:${key}`;
  }

  /** Raw stored values of several connectors, secrets still sealed (one query). */
  async rawMany(brandId: number, connectors: string[]): Promise<Map<string, Record<string, unknown>>> {
    const rows = connectors.length ? await this.ds.getRepository(ConnectorSettings).findBy({ brandId, connector: In(connectors) }) : [];
    return new Map(rows.map((r) => [r.connector, JSON.parse(r.valuesJson) as Record<string, unknown>]));
  }

  async raw(brandId: number, connector: string): Promise<Record<string, unknown>> {
    return (await this.rawMany(brandId, [connector])).get(connector) ?? {};
  }

  private open(plugin: PluginDefinition, brandId: number, raw: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = Object.create(null);
    for (const [key, value] of Object.entries(raw)) {
      out[key] = SecretBox.isSealed(value) ? JSON.parse(this.box.decrypt(value, this.context(brandId, plugin.name, key))) : value;
    }
    return out;
  }

  /** Decrypted values checked against the declaration (what an operation receives when complete). */
  async check(plugin: PluginDefinition, brandId: number, raw?: Record<string, unknown>): Promise<SettingsCheck<NonNullable<PluginDefinition["settings"]>>> {
    const stored = raw ?? (await this.raw(brandId, plugin.name));
    const decl = plugin.settings ?? {};
    // Completeness needs no decryption: a sealed secret is a set string.
    const probe = Object.fromEntries(Object.entries(stored).map(([k, v]) => [k, SecretBox.isSealed(v) && ownSetting(decl, k)?.secret ? "x" : v]));
    const quick = checkSettings(decl, probe);
    if (!quick.complete) return quick;
    return checkSettings(decl, this.open(plugin, brandId, stored));
  }

  describe(plugin: PluginDefinition, raw: Record<string, unknown>): SettingDescription[] {
    return Object.entries(plugin.settings ?? {}).map(([key, f]) => {
      const value = Object.hasOwn(raw, key) ? raw[key] : undefined;
      const isSet = value !== undefined && value !== null;
      return {
        key,
        kind: settingKind(f),
        description: f.description ?? null,
        required: isRequired(f),
        secret: !!f.secret,
        isSet,
        value: f.secret || !isSet ? null : value,
        default: f.secret ? null : (settingDefault(f) ?? null),
      };
    });
  }

  /**
   * Merges `values` into the stored settings: a key with a value sets it, a key with null clears it, absent
   * keys stay. Every value is validated first (BAD_USER_INPUT with field `values.<key>`); nothing is written
   * when any is bad.
   */
  async update(plugin: PluginDefinition, brandId: number, values: Record<string, unknown>): Promise<Record<string, unknown>> {
    const decl = plugin.settings ?? {};
    const p = new InputProblems();
    if (typeof values !== "object" || values === null || Array.isArray(values)) throw badInput("values", "must be an object of setting keys");
    for (const [key, value] of Object.entries(values)) {
      const f = ownSetting(decl, key);
      if (!f) {
        p.add(`values.${key}`, `Unknown setting "${key}" of connector ${plugin.name} (known: ${Object.keys(decl).join(", ") || "none"})`);
        continue;
      }
      if (value === null) continue;
      const problem = validateSettingValue(f, value);
      if (problem) p.add(`values.${key}`, problem);
      else if (f.check) {
        const refused = await f.check(f.schema.parse(value), { data: BrandScope.of(this.ds, brandId), brandId });
        if (refused) p.add(`values.${key}`, refused);
      }
    }
    p.throwIfAny();
    const repo = this.ds.getRepository(ConnectorSettings);
    const write = async () => {
      const row = await repo.findOneBy({ brandId, connector: plugin.name });
      // A map without a prototype: a key can never reach Object.prototype (__proto__, constructor).
      const stored: Record<string, unknown> = Object.assign(Object.create(null), row ? (JSON.parse(row.valuesJson) as Record<string, unknown>) : {});
      for (const [key, value] of Object.entries(values)) {
        if (value === null) delete stored[key];
        else stored[key] = ownSetting(decl, key)!.secret ? this.box.encrypt(JSON.stringify(value), this.context(brandId, plugin.name, key)) : value;
      }
      const valuesJson = JSON.stringify(stored);
      // The stored row is a TEXT column (64 KB on MySQL/MariaDB): refuse what would not fit, before the database does.
      if (Buffer.byteLength(valuesJson) > MAX_SETTINGS_BYTES) {
        throw badInput("values", `The settings of ${plugin.name} would take ${Buffer.byteLength(valuesJson)} bytes; at most ${MAX_SETTINGS_BYTES} are kept`);
      }
      if (row) await repo.update({ id: row.id }, { valuesJson });
      else await repo.insert({ brandId, connector: plugin.name, valuesJson });
      return stored;
    };
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) return write(); // a concurrent first write: retry as an update
      throw error;
    }
  }
}
