import DataLoader from "dataloader";
import { DataSource } from "typeorm";
import { Principal } from "../auth/principal";
import { BrandScope } from "../db/brand-scope";
import type { AppServices } from "../services/app-services";
import type { HostServices } from "../plugin/host-services";
import { unauthenticated } from "./errors";

/** Per-request (or per graphql-ws operation) DataLoaders, created lazily by name. */
export class LoaderCache {
  private loaders = new Map<string, DataLoader<unknown, unknown>>();
  get<K, V>(name: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = create() as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }

  /** Any other per-request value, created once by name (e.g. data a loader has already read). */
  memo<T>(name: string, create: () => T): T {
    let value = this.values.get(name) as T | undefined;
    if (value === undefined) this.values.set(name, (value = create()));
    return value;
  }
  private values = new Map<string, unknown>();
}

export interface RequestContext {
  principal: Principal | null;
  /**
   * The caller's brand scope (brand, user, role, unit of work), built on first use, once per request or
   * graphql-ws operation. Throws UNAUTHENTICATED without a principal. Services take it, not a brandId.
   */
  readonly scope: BrandScope;
  /** @deprecated raw data source: SystemData uses only (plugins still read it until they are ported). */
  ds: DataSource;
  services: AppServices;
  loaders: LoaderCache;
  /** Each installed plugin's host port by plugin name (plugin resolvers read it through the SDK's `hostOf`). */
  pluginHosts: ReadonlyMap<string, HostServices>;
  /** Absolute base URL of this server, for links (image URLs). */
  baseUrl: string;
}

/** The caller's principal; @Authorized guarantees it in resolvers, this narrows the type. */
export function principalOf(ctx: RequestContext): Principal {
  if (!ctx.principal) throw unauthenticated();
  return ctx.principal;
}

/** The caller's brand scope (same as `ctx.scope`). */
export function scopeOf(ctx: RequestContext): BrandScope {
  return ctx.scope;
}

export function brandOf(ctx: RequestContext): number {
  return principalOf(ctx).brandId;
}
