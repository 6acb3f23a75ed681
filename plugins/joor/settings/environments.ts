/** JOOR's hosts per environment (joor-api.md §1.1). Each URL can be overridden in the settings (the local sandbox). */
export const JOOR_ENVIRONMENTS = {
  PRODUCTION: {
    authUrl: "https://atlas.jooraccess.com/auth/",
    v2Url: "https://api.jooraccess.com/v2",
    v4Url: "https://api.jooraccess.com/v4",
  },
  SANDBOX: {
    authUrl: "https://atlas-sandbox.jooraccess.com/auth/",
    v2Url: "https://apisandbox.jooraccess.com/v2",
    v4Url: "https://apisandbox.jooraccess.com/v4",
  },
} as const;

export type JoorEnvironment = keyof typeof JOOR_ENVIRONMENTS;
