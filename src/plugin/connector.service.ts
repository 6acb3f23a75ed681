import { DataSource } from "typeorm";
import { badInput } from "../api/errors";
import { IdentityService } from "../modules/identity/identity.service";
import { OperationDefinition, PluginDefinition } from "./define-plugin";
import { ConnectorSettingsService, SettingDescription } from "./connector-settings.service";
import { moduleOf, PluginRegistry } from "./plugin-registry";
import { SecretBox } from "./secret-box";

export interface ConnectorInfo {
  plugin: PluginDefinition;
  enabled: boolean;
  settingsComplete: boolean;
  missingSettings: string[];
  raw: Record<string, unknown>;
}

/** Installed connectors as one brand sees them: enabled (through Brand.modules) and configured or not. */
export class ConnectorService {
  readonly settings: ConnectorSettingsService;

  constructor(
    ds: DataSource,
    readonly registry: PluginRegistry,
    private readonly identity: IdentityService,
    secretKey: string,
  ) {
    this.settings = new ConnectorSettingsService(ds, new SecretBox(secretKey));
  }

  /** The plugin, or BAD_USER_INPUT on `field`. */
  plugin(name: string, field = "connector"): PluginDefinition {
    const plugin = this.registry.get(name);
    if (!plugin) {
      const known = this.registry.all().map((p) => p.name);
      throw badInput(field, `Unknown connector "${name}" (installed: ${known.join(", ") || "none"})`);
    }
    return plugin;
  }

  operation(plugin: PluginDefinition, name: string, field = "operation"): OperationDefinition {
    const op = this.registry.operation(plugin.name, name);
    if (!op) throw badInput(field, `Connector ${plugin.name} has no operation "${name}" (it has: ${Object.keys(plugin.operations ?? {}).join(", ")})`);
    return op;
  }

  async isEnabled(brandId: number, plugin: PluginDefinition): Promise<boolean> {
    return this.identity.hasModule(brandId, moduleOf(plugin));
  }

  async list(brandId: number, only?: string): Promise<ConnectorInfo[]> {
    const plugins = only ? [this.plugin(only)] : this.registry.all();
    const brand = await this.identity.brand(brandId);
    const raws = await this.settings.rawMany(
      brandId,
      plugins.map((p) => p.name),
    );
    const out: ConnectorInfo[] = [];
    for (const plugin of plugins) {
      const raw = raws.get(plugin.name) ?? {};
      const check = await this.settings.check(plugin, brandId, raw);
      out.push({
        plugin,
        raw,
        enabled: brand.modules.includes(moduleOf(plugin)),
        settingsComplete: check.complete,
        missingSettings: check.missing,
      });
    }
    return out;
  }

  async setEnabled(brandId: number, name: string, enabled: boolean): Promise<ConnectorInfo> {
    const plugin = this.plugin(name);
    const brand = await this.identity.brand(brandId);
    const module = moduleOf(plugin);
    const modules = enabled ? [...brand.modules, module] : brand.modules.filter((m) => m !== module);
    await this.identity.setModules(brandId, modules);
    return (await this.list(brandId, name))[0];
  }

  async updateSettings(brandId: number, name: string, values: Record<string, unknown>): Promise<ConnectorInfo> {
    await this.settings.update(this.plugin(name), brandId, values);
    return (await this.list(brandId, name))[0];
  }

  describeSettings(info: ConnectorInfo): SettingDescription[] {
    return this.settings.describe(info.plugin, info.raw);
  }
}
