/**
 * JOOR's credit-based rate limit: GET costs 1 credit, writes 5; each account has a budget per
 * fixed window that starts with its first request and resets completely when it ends.
 *
 * Hand-written rather than taken from express-rate-limit / rate-limiter-flexible because it must
 * (a) charge weighted costs, (b) read the sandbox clock (tests jump it forward), (c) not charge
 * rejected requests, and (d) be reconfigured and inspected at run time through the admin API.
 */
export interface RateLimitConfig {
  enabled: boolean;
  /** Credits per window per account (JOOR: 300). */
  budget: number;
  /** Window length in seconds (JOOR: 300). */
  windowSeconds: number;
  getCost: number;
  writeCost: number;
}

export const JOOR_RATE_LIMIT: RateLimitConfig = { enabled: true, budget: 300, windowSeconds: 300, getCost: 1, writeCost: 5 };

interface Window {
  start: number;
  used: number;
}

export type ChargeResult =
  { ok: true; cost: number; remaining: number; resetSeconds: number } | { ok: false; cost: number; remaining: number; retryAfterSeconds: number };

export class RateLimiter {
  config: RateLimitConfig;
  private readonly windows = new Map<string, Window>();

  constructor(config: Partial<RateLimitConfig> = {}) {
    this.config = { ...JOOR_RATE_LIMIT, ...config };
  }

  configure(patch: Partial<RateLimitConfig>): RateLimitConfig {
    this.config = { ...this.config, ...patch };
    return this.config;
  }

  costOf(method: string): number {
    if (method === "OPTIONS") return 0; // JOOR prices reads and writes; a preflight/OPTIONS is neither
    return method === "GET" || method === "HEAD" ? this.config.getCost : this.config.writeCost;
  }

  private window(accountId: string, now: number): Window {
    let w = this.windows.get(accountId);
    if (!w || now >= w.start + this.config.windowSeconds * 1000) {
      w = { start: now, used: 0 };
      this.windows.set(accountId, w);
    }
    return w;
  }

  charge(accountId: string, method: string, now: number): ChargeResult {
    const cost = this.costOf(method);
    const w = this.window(accountId, now);
    const resetMs = w.start + this.config.windowSeconds * 1000 - now;
    const resetSeconds = Math.max(1, Math.ceil(resetMs / 1000));
    if (this.config.enabled && w.used + cost > this.config.budget) {
      return { ok: false, cost, remaining: Math.max(0, this.config.budget - w.used), retryAfterSeconds: resetSeconds };
    }
    w.used += cost;
    return { ok: true, cost, remaining: Math.max(0, this.config.budget - w.used), resetSeconds };
  }

  status(accountId: string, now: number): { used: number; remaining: number; window_started_at: string | null; resets_in_seconds: number | null } {
    const w = this.windows.get(accountId);
    if (!w || now >= w.start + this.config.windowSeconds * 1000) {
      return { used: 0, remaining: this.config.budget, window_started_at: null, resets_in_seconds: null };
    }
    return {
      used: w.used,
      remaining: Math.max(0, this.config.budget - w.used),
      window_started_at: new Date(w.start).toISOString(),
      resets_in_seconds: Math.ceil((w.start + this.config.windowSeconds * 1000 - now) / 1000),
    };
  }

  reset(): void {
    this.windows.clear();
  }
}
