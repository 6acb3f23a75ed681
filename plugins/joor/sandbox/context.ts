import type { Response } from "express";
import type { Counters } from "./counters";
import type { FaultInjector } from "./faults";
import type { RateLimiter } from "./rate-limit";
import type { AccountState } from "./state/account";
import type { SandboxState } from "./state/state";

export interface SandboxConfig {
  /** Access-token lifetime (JOOR example: 36000 s). */
  tokenTtlSeconds: number;
  /** Refresh-token lifetime (JOOR example: 7776000 s). */
  refreshTokenTtlSeconds: number;
  /** Max items in one bulk request (0 = unlimited). JOOR's own limit is not documented. */
  maxBulkItems: number;
  /** Asset download timeout. */
  assetFetchTimeoutMs: number;
  /** Allow data: and loopback/private asset URLs (an opt-in for tests and local use). */
  permissiveAssets: boolean;
  /** Start option: messy_orders on for the seeded accounts. */
  messyOrders: boolean;
}

export const DEFAULT_CONFIG: SandboxConfig = {
  tokenTtlSeconds: 36000,
  refreshTokenTtlSeconds: 7_776_000,
  maxBulkItems: 1000,
  assetFetchTimeoutMs: 10_000,
  permissiveAssets: false,
  messyOrders: false,
};

/** Everything route modules need. */
export interface SandboxContext {
  state: SandboxState;
  config: SandboxConfig;
  rateLimiter: RateLimiter;
  faults: FaultInjector;
  counters: Counters;
}

/** The account an authenticated API request acts for (set by the auth middleware). */
export function accountOf(res: Response): AccountState {
  const a = res.locals.account as AccountState | undefined;
  if (!a) throw new Error("route used without the auth middleware");
  return a;
}
