// Which of two events of one job the page shows (pure; unit-tested in test/dashboard/job-order.test.ts).

export interface JobVersion {
  state: string;
  updatedAt: string;
  processed: number;
  failed: number;
  attempts: number;
}

const TERMINAL_STATES = ["SUCCEEDED", "FAILED", "CANCELLED"];

/**
 * Whether `next` may replace `last` on screen: a finished job never goes back to running, a terminal event is
 * always shown (its time may be the database's, coarser than the live events' publication times), and otherwise
 * the later or further one wins.
 */
export function isNewer(next: JobVersion, last: JobVersion): boolean {
  const lastDone = TERMINAL_STATES.includes(last.state);
  const nextDone = TERMINAL_STATES.includes(next.state);
  if (lastDone) return nextDone && Date.parse(next.updatedAt) >= Date.parse(last.updatedAt);
  if (nextDone) return true;
  if (next.attempts !== last.attempts) return next.attempts > last.attempts;
  const a = next.processed + next.failed;
  const b = last.processed + last.failed;
  if (a !== b) return a > b;
  return Date.parse(next.updatedAt) >= Date.parse(last.updatedAt);
}
