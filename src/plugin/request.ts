import type { RequestContext } from "../api/context";
import type { BrandScope } from "../db/brand-scope";
import type { HostServices } from "./host-services";

/**
 * For a plugin's resolvers: the caller's brand as a scoped data handle (the request's own `ctx.scope`, with the caller as its actor), the counterpart of an
 * operation's `ctx.data`. Requires an authenticated caller (@Authorized).
 */
export function dataOf(ctx: RequestContext): BrandScope {
  return ctx.scope;
}

/** For a plugin's resolvers: the host port of the named plugin (the counterpart of an operation's `ctx.host`). */
export function hostOf(ctx: RequestContext, plugin: string): HostServices {
  const host = ctx.pluginHosts.get(plugin);
  if (!host) throw new Error(`Plugin "${plugin}" is not installed in this process`);
  return host;
}
