/**
 * The hand-over between the pull and the import when they run side by side: the pull calls `committed()` after
 * each page's staging transaction has committed, and `close()` when it is done (or failed); the importer, having
 * imported every staged row it could see, `wait()`s for the next committed page. The staged rows themselves are
 * the hand-over (a crash loses nothing: the next run imports what is staged); this only says when to look again.
 */
export class StagedFeed {
  private generation = 0;
  private seen = 0;
  private closed = false;
  private waiters: (() => void)[] = [];

  committed(): void {
    this.generation++;
    this.wake();
  }

  close(): void {
    this.closed = true;
    this.wake();
  }

  /** Resolves true once a page was committed since the last call, false when the feed is closed and nothing new came. */
  async wait(): Promise<boolean> {
    if (this.generation === this.seen && !this.closed) await new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.generation !== this.seen) {
      this.seen = this.generation;
      return true;
    }
    return false;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
