import { SandboxClock } from "../clock";
import { IdGen } from "../ids";
import { AccountState } from "./account";
import { TokenStore } from "./tokens";

export class UnknownAccountError extends Error {
  constructor(public readonly accountId: string) {
    super(`Unknown JOOR account '${accountId}'`);
  }
}

/** The whole sandbox: accounts, the clock, id counters and tokens. */
export class SandboxState {
  readonly clock = new SandboxClock();
  ids = new IdGen();
  readonly accounts = new Map<string, AccountState>();
  tokens = new TokenStore();
  defaultAccountId = "";
  /** Set by the server to schedule persistence after a change. */
  onChange: (() => void) | null = null;

  now(): number {
    return this.clock.now();
  }

  account(id?: string): AccountState {
    const key = id ?? this.defaultAccountId;
    const a = this.accounts.get(key);
    if (!a) throw new UnknownAccountError(key);
    return a;
  }

  findAccount(id: string): AccountState | undefined {
    return this.accounts.get(id);
  }

  changed(): void {
    this.onChange?.();
  }
}
