/**
 * Keeps one page's send (its JOOR request, then its ledger write and progress) in flight while the caller
 * prepares the next page (reads, maps and hashes it): Selvedge's CPU work on page N + 1 overlaps JOOR's
 * answer to page N. At most one send is in flight, so requests to an endpoint stay one at a time and in
 * page order, and a crash loses at most the page in flight (its ledger rows are not written, so it is sent
 * again; JOOR's DUPLICATED answers turn those creates into updates).
 */
export class SendBehind {
  private inflight: Promise<void> | null = null;

  /** Waits for the send in flight (its error surfaces here), then starts this one without waiting for it. */
  async push(send: () => Promise<void>): Promise<void> {
    await this.drain();
    const p = send();
    p.catch(() => undefined); // surfaced by the next push or drain
    this.inflight = p;
  }

  /** Waits for the send in flight, if any; its error surfaces here. */
  async drain(): Promise<void> {
    const p = this.inflight;
    this.inflight = null;
    if (p) await p;
  }

  /** Runs the loop, then waits for the last send; when the loop throws, the send in flight still finishes first (no ledger write after the job ended). */
  static async run(loop: (behind: SendBehind) => Promise<void>): Promise<void> {
    const behind = new SendBehind();
    try {
      await loop(behind);
    } catch (error) {
      await behind.drain().catch(() => undefined);
      throw error;
    }
    await behind.drain();
  }
}
