import { decide, WINDOW_GUARD_MS } from "../../plugins/joor/client/credit-budget";
import { seededRandom } from "../../src/domain/seeded-random";

describe("JOOR credit budget rule (sliding window)", () => {
  it("spends are never more than the budget in any window, wherever JOOR's fixed window starts", () => {
    const rule = { budget: 300, windowMs: 300_000 };
    const rnd = seededRandom(42);
    let spends: [number, number][] = [];
    const all: [number, number][] = [];
    let now = 0;
    for (let i = 0; i < 2_500; i++) {
      now += Math.floor(rnd() * 3_000);
      const cost = rnd() < 0.5 ? 1 : 5;
      const d = decide(spends, now, cost, rule);
      spends = d.spends;
      if (d.wait === 0) all.push([now, cost]);
      else now += d.wait; // the caller sleeps and tries again
    }
    // every fixed window [start, start + window) of JOOR's, starting at any spend
    for (const [start] of all) {
      const inWindow = all.filter(([at]) => at >= start && at < start + rule.windowMs).reduce((n, [, c]) => n + c, 0);
      expect(inWindow).toBeLessThanOrEqual(rule.budget);
    }
    expect(all.length).toBeGreaterThan(500);
  });

  it("says how long to wait: until enough old credits leave the window; a 429 blocks until its Retry-After", () => {
    const rule = { budget: 10, windowMs: 1_000 };
    const full: [number, number][] = [
      [0, 5],
      [100, 5],
    ];
    // the credits spent at 0 leave the (guarded) window at 1000 + guard
    expect(decide(full, 200, 5, rule).wait).toBe(1_000 + WINDOW_GUARD_MS - 200);
    expect(decide(full, 200, 1, rule).wait).toBe(1_000 + WINDOW_GUARD_MS - 200);
    expect(decide(full, 1_000 + WINDOW_GUARD_MS, 5, rule).wait).toBe(0);
    expect(decide(full, 1_000 + WINDOW_GUARD_MS, 10, rule).wait).toBe(100);
    expect(decide([], 0, 1, rule, 5_000).wait).toBe(5_000);
  });
});
