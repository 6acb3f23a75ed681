// The dashboard speaks the public GraphQL API only: HTTP POST /graphql for queries and mutations, graphql-ws on
// the same path for subscriptions. The API token lives in this tab's sessionStorage (never in a URL).
import { createClient, Client } from "graphql-ws";

const TOKEN_KEY = "selvedge.token";

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  signIn: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  signOut: () => sessionStorage.removeItem(TOKEN_KEY),
};

export class GraphQLError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers name the result type; untyped callers read JSON
export async function gql<T = any>(query: string, variables: Record<string, unknown> = {}, token = session.token()): Promise<T> {
  const res = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
  try {
    body = await res.json();
  } catch {
    throw new GraphQLError(`The server answered ${res.status} ${res.statusText}`);
  }
  if (body.errors?.length) {
    const e = body.errors[0];
    throw new GraphQLError(e.message, e.extensions?.code, e.extensions?.field);
  }
  return body.data as T;
}

export type LinkState = "connecting" | "live" | "reconnecting";

let client: Client | null = null;
const linkListeners = new Set<(s: LinkState) => void>();
let linkState: LinkState = "connecting";
const setLink = (s: LinkState) => {
  linkState = s;
  linkListeners.forEach((l) => l(s));
};

export function onLinkState(listener: (s: LinkState) => void): () => void {
  linkListeners.add(listener);
  listener(linkState);
  return () => linkListeners.delete(listener);
}

/** One graphql-ws connection per signed-in tab; it reconnects by itself (and says so). */
export function wsClient(): Client {
  if (client) return client;
  const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql`;
  client = createClient({
    url,
    connectionParams: () => ({ authorization: `Bearer ${session.token()}` }),
    retryAttempts: Number.MAX_SAFE_INTEGER,
    shouldRetry: () => true,
    keepAlive: 15_000,
    on: {
      connected: () => setLink("live"),
      closed: () => setLink("reconnecting"),
      connecting: () => linkState !== "live" || setLink("reconnecting"),
    },
  });
  return client;
}

export function closeWs(): void {
  client?.dispose();
  client = null;
}

/** Subscribes; returns the unsubscribe function. */
export function subscribe<T>(query: string, variables: Record<string, unknown>, next: (data: T) => void, done?: () => void): () => void {
  return wsClient().subscribe<T>(
    { query, variables },
    {
      next: (r) => r.data && next(r.data as T),
      error: () => done?.(),
      complete: () => done?.(),
    },
  );
}
