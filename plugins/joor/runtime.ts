import Redis from "ioredis";
import type { DataSource } from "typeorm";
import type { PluginHostContext } from "../../src/plugin";
import { type CreditBudget, DatabaseCreditBudget, RedisCreditBudget } from "./client/credit-budget";

/**
 * Process-wide parts of the JOOR plugin, per DataSource (a test process may run several Selvedge apps): the
 * shared credit budget — in Redis when the host has REDIS_URL, else in the database.
 */
const budgets = new WeakMap<DataSource, CreditBudget>();
const closers = new Set<CreditBudget>();

export function bootstrapJoor(host: PluginHostContext): void {
  const budget = host.redisUrl
    ? new RedisCreditBudget(new Redis(host.redisUrl, { maxRetriesPerRequest: 3, enableOfflineQueue: true }))
    : new DatabaseCreditBudget(host.ds);
  budgets.set(host.ds, budget);
  closers.add(budget);
}

export async function shutdownJoor(): Promise<void> {
  for (const b of closers) await b.close?.();
  closers.clear();
}

export function creditBudgetFor(ds: DataSource): CreditBudget {
  let b = budgets.get(ds);
  if (!b) budgets.set(ds, (b = new DatabaseCreditBudget(ds)));
  return b;
}
