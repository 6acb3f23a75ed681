/**
 * Fault injection. Rules are deterministic: each fires on the next `count` matching requests,
 * or with probability `rate` drawn from its own seeded PRNG (mulberry32), so a test that sends
 * the same requests sees the same faults.
 */
import { z } from "zod";
import { seededRandom } from "../../../src/domain/seeded-random";

export const FAULT_TYPES = ["rate_limit", "server_error", "latency", "drop_connection", "malformed_json", "truncated_json", "duplicate_page"] as const;
export type FaultType = (typeof FAULT_TYPES)[number];

export const faultRuleSchema = z.strictObject({
  type: z.enum(FAULT_TYPES),
  /** Fire on the next N matching requests; null = no limit. Default: 1 unless `rate` is given. */
  count: z.int().min(1).nullable().optional(),
  /** Probability (0..1) that a matching request triggers the fault. Default 1. */
  rate: z.number().min(0).max(1).optional(),
  /** PRNG seed for `rate` (default 1). */
  seed: z.int().optional(),
  match: z
    .strictObject({
      method: z.string().optional(),
      /** Path prefix, e.g. "/v4/skus" or "/v2/order". */
      path: z.string().optional(),
    })
    .optional(),
  /** server_error: HTTP status (default 503). */
  status: z.int().min(500).max(599).optional(),
  /** server_error: body kind (default json). */
  body: z.enum(["json", "html", "empty"]).optional(),
  /** rate_limit: Retry-After seconds (default 5). */
  retry_after: z.int().min(0).max(3600).optional(),
  /** latency: delay in ms (default 500). */
  latency_ms: z.int().min(0).max(120_000).optional(),
  /** drop_connection: before the handler runs (default), after it ran (state changed, no reply), or mid-body. */
  phase: z.enum(["before", "after", "mid_body"]).optional(),
});
export type FaultRuleInput = z.infer<typeof faultRuleSchema>;

export interface FaultRule {
  id: string;
  type: FaultType;
  remaining: number | null;
  rate: number;
  seed: number;
  match: { method?: string; path?: string };
  status: number;
  body: "json" | "html" | "empty";
  retry_after: number;
  latency_ms: number;
  phase: "before" | "after" | "mid_body";
  fired: number;
  created_at: string;
}

export interface FaultDecision {
  latencyMs: number;
  /** Terminal fault answered before the handler runs. */
  before: FaultRule | null;
  /** Fault applied to the handler's response. */
  after: FaultRule | null;
  /**
   * duplicate_page is decided lazily by the list route, and only when there is a previous page to
   * repeat, so a rule's count is never spent on a request that could not show the fault.
   */
  takeDuplicatePage: () => boolean;
  names: string[];
}

type Entry = { rule: FaultRule; rng: () => number };

export class FaultInjector {
  private rules: Entry[] = [];
  private nextId = 1;
  /** Called for every fault that fires (the server counts them). */
  onFire: ((type: FaultType) => void) | null = null;

  private fire(entry: Entry): boolean {
    const r = entry.rule;
    if (r.remaining === 0) return false;
    if (r.rate < 1 && entry.rng() >= r.rate) return false;
    if (r.remaining !== null) r.remaining--;
    r.fired++;
    this.onFire?.(r.type);
    return true;
  }

  add(input: FaultRuleInput): FaultRule {
    const rate = input.rate ?? 1;
    const remaining = input.count === undefined ? (input.rate === undefined ? 1 : null) : input.count;
    const rule: FaultRule = {
      id: `f${this.nextId++}`,
      type: input.type,
      remaining,
      rate,
      seed: input.seed ?? 1,
      match: input.match ?? {},
      status: input.status ?? 503,
      body: input.body ?? "json",
      retry_after: input.retry_after ?? 5,
      latency_ms: input.latency_ms ?? 500,
      phase: input.phase ?? "before",
      fired: 0,
      created_at: new Date().toISOString(),
    };
    this.rules.push({ rule, rng: seededRandom(rule.seed) });
    return rule;
  }

  list(): FaultRule[] {
    return this.rules.map((r) => r.rule);
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.rule.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.rules = [];
  }

  decide(req: { method: string; path: string; paged: boolean }): FaultDecision {
    const dup: Entry[] = [];
    const d: FaultDecision = {
      latencyMs: 0,
      before: null,
      after: null,
      names: [],
      takeDuplicatePage: () => {
        for (const e of dup) {
          if (this.fire(e)) {
            d.names.push(e.rule.type);
            return true;
          }
        }
        return false;
      },
    };
    if (this.rules.length === 0) return d;
    for (const entry of this.rules) {
      const r = entry.rule;
      if (r.remaining === 0) continue;
      if (r.match.method && r.match.method.toUpperCase() !== req.method.toUpperCase()) continue;
      if (r.match.path && !req.path.startsWith(r.match.path)) continue;
      if (r.type === "duplicate_page") {
        if (req.paged) dup.push(entry);
        continue;
      }
      const terminal = r.type !== "latency";
      if (terminal && (d.before || d.after)) continue;
      if (!this.fire(entry)) continue;
      d.names.push(r.type);
      switch (r.type) {
        case "latency":
          d.latencyMs += r.latency_ms;
          break;
        case "rate_limit":
        case "server_error":
          d.before = r;
          break;
        case "drop_connection":
          if (r.phase === "before") d.before = r;
          else d.after = r;
          break;
        case "malformed_json":
        case "truncated_json":
          d.after = r;
          break;
      }
    }
    return d;
  }
}

/** A JSON text made invalid by splicing a raw control character and junk into its middle. */
export function corruptJson(text: string): string {
  const mid = Math.floor(text.length / 2);
  return `${text.slice(0, mid)}\u0007}{<<garbled>>${text.slice(mid)}`;
}

export function truncateJson(text: string): string {
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}
