import { Client } from "graphql-ws";

export interface WsResult {
  data?: any;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  /** Set when the socket closed instead (code from the server). */
  closeCode?: number;
}

/** Runs one query or mutation over graphql-ws: its result, its errors, or the close code that ended it. */
export function wsOnce(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<WsResult> {
  return new Promise((resolve) => {
    let result: WsResult = {};
    client.subscribe(
      { query, variables },
      {
        next: (msg) => (result = msg as WsResult),
        error: (e) => {
          if (Array.isArray(e)) resolve({ errors: e });
          else if (e && typeof (e as { code?: unknown }).code === "number") resolve({ closeCode: (e as { code: number }).code });
          else resolve({ errors: [{ message: String(e) }] });
        },
        complete: () => resolve(result),
      },
    );
  });
}
