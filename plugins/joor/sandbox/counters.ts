/** Request and credit counters plus a ring buffer of recent requests, read by the admin API. */
export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  route: string;
  status: number;
  account: string | null;
  credits: number;
  fault: string | null;
  duration_ms: number;
}

export interface AccountCounters {
  requests: number;
  reads: number;
  writes: number;
  credits_charged: number;
  read_credits: number;
  write_credits: number;
  rate_limited: number;
}

function emptyAccount(): AccountCounters {
  return { requests: 0, reads: 0, writes: 0, credits_charged: 0, read_credits: 0, write_credits: 0, rate_limited: 0 };
}

export class Counters {
  requests_total = 0;
  by_route = new Map<string, number>();
  by_status = new Map<number, number>();
  faults_injected = new Map<string, number>();
  accounts = new Map<string, AccountCounters>();
  private log: RequestLogEntry[] = [];
  constructor(private readonly logSize = 2000) {}

  account(id: string): AccountCounters {
    let c = this.accounts.get(id);
    if (!c) this.accounts.set(id, (c = emptyAccount()));
    return c;
  }

  charge(accountId: string, method: string, credits: number): void {
    const c = this.account(accountId);
    c.credits_charged += credits;
    if (method === "GET" || method === "HEAD") {
      c.reads++;
      c.read_credits += credits;
    } else {
      c.writes++;
      c.write_credits += credits;
    }
  }

  fault(type: string): void {
    this.faults_injected.set(type, (this.faults_injected.get(type) ?? 0) + 1);
  }

  record(e: RequestLogEntry): void {
    this.requests_total++;
    const key = this.by_route.has(e.route) || this.by_route.size < 2000 ? e.route : "(other routes)";
    this.by_route.set(key, (this.by_route.get(key) ?? 0) + 1);
    this.by_status.set(e.status, (this.by_status.get(e.status) ?? 0) + 1);
    if (e.account) {
      const c = this.account(e.account);
      c.requests++;
      if (e.status === 429 && e.fault === null) c.rate_limited++;
    }
    this.log.push(e);
    if (this.log.length > this.logSize * 1.5) this.log = this.log.slice(-this.logSize);
  }

  recent(limit: number): RequestLogEntry[] {
    return this.log.slice(-limit);
  }

  reset(): void {
    this.requests_total = 0;
    this.by_route.clear();
    this.by_status.clear();
    this.faults_injected.clear();
    this.accounts.clear();
    this.log = [];
  }

  toJSON(): Record<string, unknown> {
    return {
      requests_total: this.requests_total,
      by_route: Object.fromEntries(this.by_route),
      by_status: Object.fromEntries(this.by_status),
      faults_injected: Object.fromEntries(this.faults_injected),
      accounts: Object.fromEntries(this.accounts),
    };
  }
}
