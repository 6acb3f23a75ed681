import type { JoorConnection } from "../client/http";
import type { JoorSettingsValues } from "./declaration";
import { JOOR_ENVIRONMENTS } from "./environments";

/** The effective URLs: the environment's defaults, each overridable (the local sandbox). */
export function joorUrls(s: Pick<JoorSettingsValues, "environment" | "authUrl" | "v2Url" | "v4Url">) {
  const env = JOOR_ENVIRONMENTS[s.environment ?? "SANDBOX"];
  return { authUrl: s.authUrl ?? env.authUrl, v2Url: s.v2Url ?? env.v2Url, v4Url: s.v4Url ?? env.v4Url };
}

/** The client's connection from a brand's (complete, decrypted) settings. */
export function connectionFrom(s: JoorSettingsValues): JoorConnection {
  return {
    ...joorUrls(s),
    accountId: s.accountId,
    clientId: s.clientId,
    clientSecret: s.clientSecret,
    username: s.username,
    password: s.password,
    v2ApiToken: s.v2ApiToken,
    creditBudget: s.creditBudget,
    creditWindowSeconds: s.creditWindowSeconds,
    requestTimeoutMs: s.requestTimeoutMs,
  };
}
