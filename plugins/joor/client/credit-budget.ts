import type { DataSource } from "typeorm";
import type Redis from "ioredis";
import { isUniqueViolation } from "../../../src/db/db-errors";
import { JoorCreditWindow } from "../entities/credit-window.entity";
import { sleep } from "./sleep";

/**
 * JOOR's credit limit (joor-api.md §1.4): GET 1 credit, writes 5, `budget` credits per fixed window that
 * starts with the first request. The budget is per JOOR account and shared by every worker process: credits
 * are spent *before* a request is sent, so Selvedge normally never gets a 429. A fixed window starting at
 * the first reservation, plus a small guard, stays inside JOOR's own window (ours never starts later).
 */
export interface CreditBudget {
  /** Spends `cost` credits of the account, waiting (and telling `onWait` until when) while the window is spent. */
  reserve(accountKey: string, cost: number, rule: CreditRule, signal?: AbortSignal, onWait?: (until: Date) => void): Promise<void>;
  /** After a 429: no credits for this account until `until` (JOOR's Retry-After). */
  exhaust(accountKey: string, rule: CreditRule, until: Date): Promise<void>;
  close?(): Promise<void>;
}

export interface CreditRule {
  budget: number;
  windowMs: number;
}

/** Added to the window so that our window never ends before JOOR's (clock skew, latency). */
export const WINDOW_GUARD_MS = 250;

/** Without Redis: one row per account in `joor_credit_window`, updated in a transaction (row-locked on MySQL). */
export class DatabaseCreditBudget implements CreditBudget {
  constructor(private readonly ds: DataSource) {}

  private get lock() {
    const t = this.ds.options.type;
    return t === "mysql" || t === "mariadb" ? ({ mode: "pessimistic_write" } as const) : undefined;
  }

  /** Tries to spend; returns 0 when spent, else the ms to wait until the window resets. */
  async trySpend(accountKey: string, cost: number, rule: CreditRule, now = Date.now()): Promise<number> {
    const spend = Math.min(cost, rule.budget);
    const windowMs = rule.windowMs + WINDOW_GUARD_MS;
    try {
      return await this.ds.transaction(async (m) => {
        const repo = m.getRepository(JoorCreditWindow);
        const row = await repo.findOne({ where: { accountKey }, lock: this.lock });
        if (!row) {
          await repo.insert({ accountKey, windowStartMs: String(now), used: spend });
          return 0;
        }
        const start = Number(row.windowStartMs);
        if (now >= start + windowMs) {
          await repo.update({ id: row.id }, { windowStartMs: String(now), used: spend });
          return 0;
        }
        if (row.used + spend <= rule.budget) {
          await repo.update({ id: row.id }, { used: row.used + spend });
          return 0;
        }
        return start + windowMs - now;
      });
    } catch (error) {
      if (isUniqueViolation(error)) return this.trySpend(accountKey, cost, rule, now); // a concurrent first row
      throw error;
    }
  }

  async reserve(accountKey: string, cost: number, rule: CreditRule, signal?: AbortSignal, onWait?: (until: Date) => void): Promise<void> {
    for (;;) {
      const waitMs = await this.trySpend(accountKey, cost, rule);
      if (waitMs <= 0) return;
      onWait?.(new Date(Date.now() + waitMs));
      await sleep(Math.min(waitMs, 5_000), signal);
    }
  }

  async exhaust(accountKey: string, rule: CreditRule, until: Date): Promise<void> {
    const windowStartMs = String(until.getTime() - rule.windowMs - WINDOW_GUARD_MS);
    const repo = this.ds.getRepository(JoorCreditWindow);
    const updated = await repo.update({ accountKey }, { windowStartMs, used: rule.budget });
    if (!updated.affected) await repo.insert({ accountKey, windowStartMs, used: rule.budget }).catch(() => undefined);
  }
}

// KEYS[1] = window key; ARGV = cost, budget, windowMs. Returns 0 (spent) or the ms until the window resets.
const SPEND = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local cost = tonumber(ARGV[1])
if used + cost <= tonumber(ARGV[2]) then
  local n = redis.call('INCRBY', KEYS[1], cost)
  if n == cost then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
  return 0
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]); ttl = tonumber(ARGV[3]) end
return ttl`;

/** With REDIS_URL: a counter per account with the window as its TTL, spent atomically by a Lua script. */
export class RedisCreditBudget implements CreditBudget {
  constructor(private readonly redis: Redis, private readonly prefix = "selvedge:joor:credits:") {}

  async reserve(accountKey: string, cost: number, rule: CreditRule, signal?: AbortSignal, onWait?: (until: Date) => void): Promise<void> {
    for (;;) {
      const waitMs = Number(await this.redis.eval(SPEND, 1, this.prefix + accountKey, Math.min(cost, rule.budget), rule.budget, rule.windowMs + WINDOW_GUARD_MS));
      if (waitMs <= 0) return;
      onWait?.(new Date(Date.now() + waitMs));
      await sleep(Math.min(waitMs, 5_000), signal);
    }
  }

  async exhaust(accountKey: string, rule: CreditRule, until: Date): Promise<void> {
    const ms = Math.max(1, until.getTime() - Date.now());
    await this.redis.set(this.prefix + accountKey, String(rule.budget), "PX", ms);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
