import { PluginDefinition, OperationDefinition } from "./define-plugin";
import { sameExportRule, type ExportSizeRule } from "../domain/image-export-size";
import { checkPlugin, loadPluginModule, PluginLoadError } from "./plugin-loader";

/** The plugins installed in this process (from SELVEDGE_PLUGINS plus any passed in by code), checked at start-up. */
export class PluginRegistry {
  private readonly byName = new Map<string, PluginDefinition>();

  constructor(plugins: PluginDefinition[] = []) {
    for (const p of plugins) this.add(p);
  }

  /** Loads the configured specs (names, paths, packages) and adds the given definitions. */
  static load(specs: string[], extra: PluginDefinition[] = []): PluginRegistry {
    return new PluginRegistry([...specs.map(loadPluginModule), ...extra]);
  }

  private add(p: PluginDefinition): void {
    checkPlugin(p);
    if (this.byName.has(p.name)) {
      if (this.byName.get(p.name) === p) return;
      throw new PluginLoadError(`Two plugins are named "${p.name}"`);
    }
    for (const [size, rule] of Object.entries(p.exportSizes ?? {})) {
      const other = this.all().find((q) => q.exportSizes?.[size] && !sameExportRule(q.exportSizes[size], rule));
      if (other) throw new PluginLoadError(`Plugins "${other.name}" and "${p.name}" declare the export size "${size}" differently`);
    }
    this.byName.set(p.name, p);
  }

  /** The brand modules the installed plugins add (Brand.modules enables a connector through its module). */
  modules(): string[] {
    return [...new Set(this.all().map(moduleOf))];
  }

  all(): PluginDefinition[] {
    return [...this.byName.values()];
  }

  get(name: string): PluginDefinition | undefined {
    return this.byName.get(name);
  }

  operation(name: string, operation: string): OperationDefinition | undefined {
    const ops = this.byName.get(name)?.operations ?? {};
    return Object.prototype.hasOwnProperty.call(ops, operation) ? ops[operation] : undefined;
  }

  entities(): Function[] {
    return this.all().flatMap((p) => p.entities ?? []);
  }

  migrations() {
    return this.all().flatMap((p) => p.migrations ?? []);
  }

  resolvers(): Function[] {
    return this.all().flatMap((p) => p.resolvers ?? []);
  }

  /** The image export sizes the installed plugins declared, by URL name (served at /media/export/<name>/…). */
  exportSizes(): Record<string, ExportSizeRule> {
    return Object.assign({}, ...this.all().map((p) => p.exportSizes ?? {}));
  }

  types(): Function[] {
    return this.all().flatMap((p) => p.types ?? []);
  }
}

export function moduleOf(p: PluginDefinition): string {
  return p.module ?? p.name;
}
