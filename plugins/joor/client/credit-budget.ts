import { randomBytes } from "node:crypto";
import type Redis from "ioredis";
import { isUniqueViolation, type PluginData } from "../../../src/plugin";
import { JoorCreditWindow } from "../entities/credit-window.entity";
import { sleep } from "./sleep";

/**
 * JOOR's credit limit (joor-api.md §1.4): GET 1 credit, writes 5, `budget` credits per fixed window that starts
 * with the first request. The budget is per JOOR account and shared by every worker process: credits are spent
 * *before* a request is sent, so Selvedge normally never gets a 429.
 *
 * Selvedge cannot see where JOOR's window starts, so it keeps a **sliding** window: credits spent in any
 * `window + guard` milliseconds never exceed the budget. Then every fixed window of JOOR's (whenever it starts)
 * receives at most the budget, as long as a request reaches JOOR within `guard` of its reservation (the token
 * is fetched before credits are reserved, so only the request itself lies in between).
 */
export interface CreditBudget {
  /** Spends `cost` credits of the account, waiting (and telling `onWait` until when) while the budget is spent. */
  reserve(accountKey: string, cost: number, rule: CreditRule, signal?: AbortSignal, onWait?: (until: Date) => void): Promise<void>;
  /** After a 429: no credits for this account until `until` (JOOR's Retry-After). */
  exhaust(accountKey: string, rule: CreditRule, until: Date): Promise<void>;
  close?(): Promise<void>;
}

export interface CreditRule {
  budget: number;
  windowMs: number;
}

/** Added to the window: the most a request may take to reach JOOR after its credits were reserved. */
export const WINDOW_GUARD_MS = 500;

/** Decides one reservation on a list of spends (pure; both stores use it or its Lua twin). Returns 0 or ms to wait. */
export function decide(
  spends: [number, number][],
  now: number,
  cost: number,
  rule: CreditRule,
  blockedUntil = 0,
): { wait: number; spends: [number, number][] } {
  const windowMs = rule.windowMs + WINDOW_GUARD_MS;
  const live = spends.filter(([at]) => at > now - windowMs);
  if (now < blockedUntil) return { wait: blockedUntil - now, spends: live };
  const spend = Math.min(cost, rule.budget);
  const used = live.reduce((n, [, c]) => n + c, 0);
  if (used + spend <= rule.budget) return { wait: 0, spends: [...live, [now, spend]] };
  let freed = 0;
  for (const [at, c] of live) {
    freed += c;
    if (used - freed + spend <= rule.budget) return { wait: Math.max(1, at + windowMs - now), spends: live };
  }
  return { wait: windowMs, spends: live };
}

async function waitLoop(trySpend: () => Promise<number>, signal?: AbortSignal, onWait?: (until: Date) => void): Promise<void> {
  let told = 0;
  for (;;) {
    const waitMs = await trySpend();
    if (waitMs <= 0) return;
    const until = Date.now() + waitMs;
    if (Math.abs(until - told) > 250) onWait?.(new Date(until));
    told = until;
    await sleep(Math.min(waitMs, 5_000), signal);
  }
}

/** Without Redis: one row per account in `joor_credit_window`, read and written in a transaction (row-locked on MySQL). */
export class DatabaseCreditBudget implements CreditBudget {
  constructor(private readonly data: PluginData) {}

  private get lock() {
    const t = this.data.dialect;
    return t === "mysql" || t === "mariadb" ? ({ mode: "pessimistic_write" } as const) : undefined;
  }

  /** Tries to spend; returns 0 when spent, else the ms to wait. */
  async trySpend(accountKey: string, cost: number, rule: CreditRule, now = Date.now()): Promise<number> {
    try {
      return await this.data.transaction(async (tx) => {
        const repo = tx.repo(JoorCreditWindow);
        const row = await repo.findOne({ where: { accountKey }, lock: this.lock });
        const spends = row?.spendsJson ? (JSON.parse(row.spendsJson) as [number, number][]) : [];
        const d = decide(spends, now, cost, rule, Number(row?.blockedUntilMs ?? 0));
        if (d.wait > 0) return d.wait;
        if (row) await repo.update({ id: row.id }, { spendsJson: JSON.stringify(d.spends) });
        else await repo.insert({ accountKey, spendsJson: JSON.stringify(d.spends), blockedUntilMs: null });
        return 0;
      });
    } catch (error) {
      if (isUniqueViolation(error)) return this.trySpend(accountKey, cost, rule, now); // a concurrent first row
      throw error;
    }
  }

  reserve(accountKey: string, cost: number, rule: CreditRule, signal?: AbortSignal, onWait?: (until: Date) => void): Promise<void> {
    return waitLoop(() => this.trySpend(accountKey, cost, rule), signal, onWait);
  }

  async exhaust(accountKey: string, _rule: CreditRule, until: Date): Promise<void> {
    const repo = this.data.repo(JoorCreditWindow);
    const updated = await repo.update({ accountKey }, { blockedUntilMs: String(until.getTime()) });
    if (!updated.affected) await repo.insert({ accountKey, spendsJson: "[]", blockedUntilMs: String(until.getTime()) }).catch(() => undefined);
  }
}

// KEYS: spends (sorted set, score = ms, member = "<credits>:<nonce>"), blocked-until key.
// ARGV: now, cost, budget, window ms (with guard), nonce. Returns 0 (spent) or the ms to wait. Same rule as decide().
const SPEND = `
local now = tonumber(ARGV[1]); local cost = tonumber(ARGV[2]); local budget = tonumber(ARGV[3]); local win = tonumber(ARGV[4])
local blocked = tonumber(redis.call('GET', KEYS[2]) or '0')
if now < blocked then return blocked - now end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - win)
local items = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
local used = 0
for i = 1, #items, 2 do used = used + tonumber(string.match(items[i], '^(%d+):')) end
if used + cost <= budget then
  redis.call('ZADD', KEYS[1], now, cost .. ':' .. ARGV[5])
  redis.call('PEXPIRE', KEYS[1], win)
  return 0
end
local freed = 0
for i = 1, #items, 2 do
  freed = freed + tonumber(string.match(items[i], '^(%d+):'))
  if used - freed + cost <= budget then return math.max(1, tonumber(items[i + 1]) + win - now) end
end
return win`;

/** With REDIS_URL: a sorted set of spends per account, checked and written atomically by a Lua script. */
export class RedisCreditBudget implements CreditBudget {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = "selvedge:joor:credits:",
  ) {}

  reserve(accountKey: string, cost: number, rule: CreditRule, signal?: AbortSignal, onWait?: (until: Date) => void): Promise<void> {
    const keys = [this.prefix + accountKey, `${this.prefix}${accountKey}:blocked`];
    return waitLoop(
      async () =>
        Number(
          await this.redis.eval(
            SPEND,
            2,
            ...keys,
            Date.now(),
            Math.min(cost, rule.budget),
            rule.budget,
            rule.windowMs + WINDOW_GUARD_MS,
            randomBytes(6).toString("hex"),
          ),
        ),
      signal,
      onWait,
    );
  }

  async exhaust(accountKey: string, _rule: CreditRule, until: Date): Promise<void> {
    const ms = Math.max(1, until.getTime() - Date.now());
    await this.redis.set(`${this.prefix}${accountKey}:blocked`, String(until.getTime()), "PX", ms);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
