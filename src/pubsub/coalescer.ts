/**
 * Calls `emit` at most once per `intervalMs` however often `changed()` is called (the latest state wins);
 * `now()` emits at once (state changes, terminal states) and resets the window.
 */
export class Coalescer {
  private last = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly emit: () => void,
    private readonly intervalMs: number,
  ) {}

  changed(): void {
    if (this.timer) return;
    const wait = this.last + this.intervalMs - Date.now();
    if (wait <= 0) this.now();
    else this.timer = setTimeout(() => this.now(), wait);
  }

  now(): void {
    this.cancel();
    this.last = Date.now();
    this.emit();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
