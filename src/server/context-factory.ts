import { DataSource } from "typeorm";
import { Authenticator } from "../auth/authenticate";
import { Principal } from "../auth/principal";
import { LoaderCache, RequestContext } from "../api/context";
import { unauthenticated } from "../api/errors";
import { BrandScope } from "../db/brand-scope";
import { AppServices } from "../services/app-services";
import type { HostServices } from "../plugin/host-services";

/** Builds the context for an HTTP request or a graphql-ws operation: same tokens, fresh DataLoaders. */
export class ContextFactory {
  constructor(
    private readonly ds: DataSource,
    private readonly services: AppServices,
    readonly authenticator: Authenticator,
    private readonly baseUrl: () => string,
    private readonly pluginHosts: ReadonlyMap<string, HostServices> = new Map(),
  ) {}

  async create(authorization: string | undefined | null): Promise<RequestContext> {
    return this.forPrincipal(await this.authenticator.authenticate(authorization));
  }

  /** A context for a principal already authenticated (by the HTTP guard or the graphql-ws connection). */
  forPrincipal(principal: Principal | null): RequestContext {
    const ds = this.ds;
    let scope: BrandScope | undefined;
    return {
      principal,
      ds,
      services: this.services,
      loaders: new LoaderCache(),
      pluginHosts: this.pluginHosts,
      baseUrl: this.baseUrl(),
      get scope() {
        if (!principal) throw unauthenticated();
        return (scope ??= BrandScope.of(ds, principal.brandId, { userId: principal.userId, role: principal.role }));
      },
    };
  }
}
