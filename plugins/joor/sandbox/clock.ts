/**
 * The sandbox's notion of "now". Tokens, rate-limit windows, order dates and connection matching
 * delays all read it, so tests can jump forward (`POST /__admin/clock/advance`) instead of sleeping.
 */
export class SandboxClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  iso(): string {
    return new Date(this.now()).toISOString();
  }

  advance(seconds: number): void {
    this.offsetMs += Math.round(seconds * 1000);
  }

  get offset(): number {
    return this.offsetMs;
  }

  set offset(ms: number) {
    this.offsetMs = ms;
  }
}
