import type { Operation } from "./operations";

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [k: string]: unknown } }[];
}

/** A tiny GraphQL-over-HTTP client, as the ERP front-end would speak. */
export class GraphQLClient {
  constructor(
    readonly url: string,
    readonly token: string | null,
  ) {}

  async request<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<T>;
  }

  /** Runs an operation and fails the test on any error. */
  async ok<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await this.request<T>(query, variables);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  }

  /** Runs a shared, typed operation (test/harness/operations.ts) and fails the test on any error. */
  run<TData, TVars>(operation: Operation<TData, TVars>, ...variables: keyof TVars extends never ? [] : [TVars]): Promise<TData> {
    return this.ok<TData>(operation.document, (variables[0] ?? {}) as Record<string, unknown>);
  }

  /** Runs an operation that must fail; returns the first error. */
  async fails(query: string, variables: Record<string, unknown> = {}) {
    const res = await this.request(query, variables);
    if (!res.errors?.length) throw new Error(`Expected an error, got ${JSON.stringify(res.data)}`);
    return res.errors[0];
  }
}
