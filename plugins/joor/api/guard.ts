import { GraphQLError } from "graphql";
import { type BrandScope, dataOf, hostOf, type RequestContext } from "../../../src/plugin";
import { JoorSettingsService, JOOR } from "../settings/settings.service";

/**
 * The brand of the caller, when it has the JOOR module; else FORBIDDEN with a clear message
 * (`extensions.reason = "CONNECTOR_NOT_ENABLED"`) — the JOOR API answers no data to a brand without it.
 */
export async function joorBrand(ctx: RequestContext): Promise<number> {
  const data = dataOf(ctx);
  if (!(await hostOf(ctx, JOOR).settings.isEnabled(data))) {
    throw new GraphQLError(
      'The JOOR connector is not enabled for this brand: it is an optional add-on (an ADMIN enables it with enableConnector(name: "joor"))',
      {
        extensions: { code: "FORBIDDEN", reason: "CONNECTOR_NOT_ENABLED", connector: JOOR, http: { status: 403 } },
      },
    );
  }
  return data.brandId;
}

/** The caller's brand scope, when the brand has the JOOR module (same check as joorBrand). */
export async function joorScope(ctx: RequestContext): Promise<BrandScope> {
  await joorBrand(ctx);
  return dataOf(ctx);
}

export function settingsService(ctx: RequestContext): JoorSettingsService {
  return new JoorSettingsService(dataOf(ctx), hostOf(ctx, JOOR));
}
