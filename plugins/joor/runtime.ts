import Redis from "ioredis";
import type { DataSource } from "typeorm";
import type { PluginHostContext } from "../../src/plugin";
import { type CreditBudget, DatabaseCreditBudget, RedisCreditBudget } from "./client/credit-budget";

/**
 * Process-wide parts of the JOOR plugin, per DataSource (a test process may run several Selvedge apps): the
 * shared credit budget — in Redis when the host has REDIS_URL, else in the database. One Redis connection per
 * URL, shared by the apps of the process and closed when the last of them shuts down.
 */
const budgets = new WeakMap<DataSource, CreditBudget>();
const redisBudgets = new Map<string, { budget: RedisCreditBudget; users: number }>();
let started = 0;

export function bootstrapJoor(host: PluginHostContext): void {
  started++;
  if (host.redisUrl) {
    let shared = redisBudgets.get(host.redisUrl);
    if (!shared) {
      shared = { budget: new RedisCreditBudget(new Redis(host.redisUrl, { maxRetriesPerRequest: 3 })), users: 0 };
      redisBudgets.set(host.redisUrl, shared);
    }
    shared.users++;
    budgets.set(host.ds, shared.budget);
  } else {
    budgets.set(host.ds, new DatabaseCreditBudget(host.ds));
  }
}

/** onShutdown carries no context: Redis connections close when every app that started has stopped. */
export async function shutdownJoor(): Promise<void> {
  started = Math.max(0, started - 1);
  if (started > 0) return;
  for (const [url, shared] of redisBudgets) {
    redisBudgets.delete(url);
    await shared.budget.close();
  }
}

export function creditBudgetFor(ds: DataSource): CreditBudget {
  let b = budgets.get(ds);
  if (!b) budgets.set(ds, (b = new DatabaseCreditBudget(ds)));
  return b;
}
