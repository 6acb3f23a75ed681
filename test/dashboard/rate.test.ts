import { addSample, displayRate, etaMs, formatDuration, formatRate, recentRate, throughputSeries } from "../../dashboard/src/rate";

const running = {
  state: "RUNNING",
  processed: 0,
  failed: 0,
  total: 1000 as number | null,
  startedAt: "2026-01-01T00:00:00.000Z",
  finishedAt: null as string | null,
};

describe("job rate, elapsed time and an honest ETA", () => {
  it("the rate is measured over the recent window, and only once a second of data exists", () => {
    let s = addSample([], { t: 0, done: 0 });
    s = addSample(s, { t: 500, done: 50 });
    expect(recentRate(s)).toBeNull();
    s = addSample(s, { t: 2000, done: 200 });
    expect(recentRate(s)).toBe(100);
    for (let t = 3000; t <= 20_000; t += 1000) s = addSample(s, { t, done: 200 + (t - 2000) / 10 }); // 100/s
    s = addSample(s, { t: 30_000, done: s[s.length - 1].done + 100 }); // 10 s at 10/s
    expect(recentRate(s)).toBeCloseTo(10, 5);
  });

  it("a new attempt (counters going back) restarts the samples", () => {
    const s = addSample(
      [
        { t: 0, done: 0 },
        { t: 1000, done: 500 },
      ],
      { t: 2000, done: 10 },
    );
    expect(s).toEqual([{ t: 2000, done: 10 }]);
  });

  it("no ETA without a total, without a measured rate, for a stalled job, or once the job is no longer running", () => {
    expect(etaMs(running, 50)).toBe(20_000);
    expect(etaMs({ ...running, processed: 900, failed: 50 }, 50)).toBe(1000);
    expect(etaMs({ ...running, total: null }, 50)).toBeNull();
    expect(etaMs(running, null)).toBeNull();
    expect(etaMs(running, 0)).toBeNull();
    expect(etaMs({ ...running, state: "SUCCEEDED" }, 50)).toBeNull();
  });

  it("a finished job shows its average rate over the whole run", () => {
    const done = { ...running, state: "SUCCEEDED", processed: 900, failed: 100, finishedAt: "2026-01-01T00:00:10.000Z" };
    expect(displayRate(done, [], Date.now())).toBe(100);
  });

  it("the chart series is records per second per bucket", () => {
    const s = [0, 500, 1000, 1500, 2000, 3000].map((t) => ({ t, done: t / 10 }));
    expect(throughputSeries(s)).toEqual([
      [1, 2, 3],
      [100, 100, 100],
    ]);
  });

  it("durations and rates read like a person would write them", () => {
    expect(formatDuration(400)).toBe("0.4 s");
    expect(formatDuration(12_400)).toBe("12 s");
    expect(formatDuration(187_000)).toBe("3 min 07 s");
    expect(formatDuration(7_500_000)).toBe("2 h 05 min");
    expect(formatDuration(null)).toBe("—");
    expect(formatRate(1234.5)).toBe("1,235/s");
    expect(formatRate(12.34)).toBe("12.3/s");
    expect(formatRate(null)).toBe("—");
  });
});

import { isNewer } from "../../dashboard/src/job-order";

describe("which event of a job the page shows", () => {
  const running = { state: "RUNNING", updatedAt: "2026-01-01T00:00:10.500Z", processed: 40, failed: 0, attempts: 1 };
  it("the terminal state is always shown, even when its time is coarser than the last live event's", () => {
    expect(isNewer({ ...running, state: "CANCELLED", updatedAt: "2026-01-01T00:00:10.000Z" }, running)).toBe(true);
  });
  it("a finished job never goes back to running; a late, older progress event is ignored", () => {
    expect(isNewer(running, { ...running, state: "SUCCEEDED" })).toBe(false);
    expect(isNewer({ ...running, processed: 30, updatedAt: "2026-01-01T00:00:10.400Z" }, running)).toBe(false);
    expect(isNewer({ ...running, processed: 41, updatedAt: "2026-01-01T00:00:10.600Z" }, running)).toBe(true);
  });
  it("a new attempt replaces the old one's counters", () => {
    expect(isNewer({ ...running, attempts: 2, processed: 0 }, running)).toBe(true);
  });
});
