import WebSocket from "ws";
import { createClient, Client } from "graphql-ws";

/** The CLI's view of a running Selvedge: GraphQL over HTTP and graphql-ws, authenticated with SELVEDGE_TOKEN. */
export class RemoteSelvedge {
  private ws: Client | null = null;

  constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  static fromEnv(env: NodeJS.ProcessEnv = process.env, url?: string): RemoteSelvedge {
    const token = env.SELVEDGE_TOKEN;
    if (!token) throw new Error("Set SELVEDGE_TOKEN to an API token of your brand (and SELVEDGE_URL when the server is not http://127.0.0.1:4000)");
    return new RemoteSelvedge((url ?? env.SELVEDGE_URL ?? "http://127.0.0.1:4000").replace(/\/+$/, ""), token);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers name the result type; untyped callers read JSON
  async query<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${this.token}` },
        body: JSON.stringify({ query, variables }),
      });
    } catch (error) {
      throw new Error(`Cannot reach Selvedge at ${this.url} (${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message})`);
    }
    const body = (await res.json().catch(() => ({}))) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
    if (!body.data) throw new Error(`Selvedge answered HTTP ${res.status} without data`);
    return body.data;
  }

  /** Calls `next` for every event; resolves when the subscription completes (jobUpdated: after the terminal state). */
  subscribe<T>(query: string, variables: Record<string, unknown>, next: (data: T) => void): Promise<void> {
    this.ws ??= createClient({
      url: this.url.replace(/^http/, "ws") + "/graphql",
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${this.token}` },
      retryAttempts: 5,
    });
    return new Promise((resolve, reject) => {
      this.ws!.subscribe<T>(
        { query, variables },
        {
          next: (r) => (r.errors?.length ? reject(new Error(r.errors.map((e) => e.message).join("; "))) : r.data && next(r.data as T)),
          error: (e) => reject(e instanceof Error ? e : new Error(`Subscription failed: ${(e as { reason?: string }).reason ?? JSON.stringify(e)}`)),
          complete: resolve,
        },
      );
    });
  }

  async close(): Promise<void> {
    await this.ws?.dispose();
    this.ws = null;
  }
}
