import Redis from "ioredis";
import type { HostServices, PluginHostContext } from "../../src/plugin";
import { type CreditBudget, DatabaseCreditBudget, RedisCreditBudget } from "./client/credit-budget";

/**
 * Process-wide parts of the JOOR plugin, per host (one HostServices object per Selvedge app; a test process may
 * run several): the shared credit budget — in Redis when the host has REDIS_URL, else in the database through
 * the plugin-level handle (`joor_credit_window` belongs to a JOOR account, not to a brand). One Redis connection per
 * URL, shared by the apps of the process and closed when the last of them shuts down.
 */
const budgets = new WeakMap<HostServices, CreditBudget>();
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
    budgets.set(host.host, shared.budget);
  } else {
    budgets.set(host.host, new DatabaseCreditBudget(host.pluginData));
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

/** The credit budget of the app whose port this is (set up by onBootstrap, which every app runs at start-up). */
export function creditBudgetFor(host: HostServices): CreditBudget {
  const b = budgets.get(host);
  if (!b) throw new Error("The JOOR plugin was not bootstrapped in this app (onBootstrap sets up its credit budget)");
  return b;
}
