/** Shared helpers for the JOOR sandbox black-box tests: real HTTP against a sandbox on port 0. */
import { COLOR_TRAIT_ID, type JoorSandbox, type JoorSandboxOptions, SIZE_TRAIT_ID, startJoorSandbox } from "../../plugins/joor/sandbox";
import { freshUpc } from "../harness/fixtures";

export { COLOR_TRAIT_ID, SIZE_TRAIT_ID };

export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

export async function http<T = any>(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown; raw?: string } = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  let body: string | undefined = init.raw;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers["content-type"] ??= "application/json";
  }
  const res = await fetch(url, { method: init.method ?? (body !== undefined ? "POST" : "GET"), headers, body });
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, text, body: parsed as T };
}

export async function passwordToken(sb: JoorSandbox): Promise<any> {
  const c = sb.credentials;
  const form = new URLSearchParams({
    grant_type: "password",
    client_id: c.client_id,
    client_secret: c.client_secret,
    username: c.username,
    password: c.password,
  });
  const res = await fetch(sb.urls.auth, { method: "POST", body: form });
  if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${await res.text()}`);
  return res.json();
}

/** A connected client: v2 (OAuth2 static token), v4 (Bearer + ?account=) and admin calls. */
export class Client {
  token = "";
  constructor(public readonly sb: JoorSandbox) {}

  async login(): Promise<this> {
    this.token = (await passwordToken(this.sb)).access_token;
    return this;
  }

  v4<T = any>(method: string, path: string, body?: unknown): Promise<HttpResult<T>> {
    const sep = path.includes("?") ? "&" : "?";
    return http<T>(`${this.sb.urls.v4}${path}${sep}account=${this.sb.accountId}`, { method, body, headers: { authorization: `Bearer ${this.token}` } });
  }

  v2<T = any>(method: string, path: string, body?: unknown): Promise<HttpResult<T>> {
    return http<T>(`${this.sb.urls.v2}${path}`, { method, body, headers: { authorization: `OAuth2 ${this.sb.credentials.v2_token}` } });
  }

  admin<T = any>(method: string, path: string, body?: unknown): Promise<HttpResult<T>> {
    return http<T>(`${this.sb.urls.admin}${path}`, { method, body });
  }
}

export async function start(opts: JoorSandboxOptions = {}): Promise<{ sb: JoorSandbox; c: Client }> {
  const sb = await startJoorSandbox({ port: 0, rateLimit: { enabled: false }, ...opts });
  const c = await new Client(sb).login();
  return { sb, c };
}

export function trait(id: string, value: string, external_id?: string): Record<string, unknown> {
  return external_id === undefined ? { trait_id: id, value } : { trait_id: id, value, external_id };
}

/** A valid 12-digit UPC-A (GS1 check digit) unique within the test process. */
export const upc = freshUpc;

export interface PushedStyle {
  productId: string;
  skus: Array<{ id: string; color: string; colorCode: string; size: string; upc: string }>;
}

/** Create a product and its full colour × size SKU matrix through v4. */
export async function pushStyle(c: Client, style: string, colors: Array<[string, string]>, sizes: string[]): Promise<PushedStyle> {
  const p = await c.v4("POST", "/products/bulk_create", [{ name: `Style ${style}`, external_id: style, product_identifier: style }]);
  if (p.status !== 200) throw new Error(`product create failed: ${p.text}`);
  const productId = p.body.data[0].id as string;
  const items = colors.flatMap(([color, code]) =>
    sizes.map((size) => ({
      product_id: productId,
      external_id: `${style}-${code}-${size}`,
      trait_values: [trait(COLOR_TRAIT_ID, color, code), trait(SIZE_TRAIT_ID, size, size)],
      identifiers: [{ type: "UPC", value: upc() }],
    })),
  );
  const s = await c.v4("POST", "/skus/bulk_create", items);
  if (s.status !== 200 || s.body.errors.length) throw new Error(`sku create failed: ${s.text}`);
  return {
    productId,
    skus: s.body.data.map((d: any, i: number) => ({
      id: d.id,
      color: colors[Math.floor(i / sizes.length)][0],
      colorCode: colors[Math.floor(i / sizes.length)][1],
      size: sizes[i % sizes.length],
      upc: items[i].identifiers[0].value,
    })),
  };
}

export async function priceAll(c: Client, skuIds: string[], priceTypeName = "USD-1", wholesale = "40.00"): Promise<void> {
  const types = (await c.v4("GET", "/price_types")).body.data as Array<{ id: string; name: string }>;
  const pt = types.find((t) => t.name === priceTypeName);
  if (!pt) throw new Error(`no price type ${priceTypeName}`);
  const r = await c.v4(
    "POST",
    "/prices/bulk_create",
    skuIds.map((sku_id) => ({ sku_id, price_type_id: pt.id, wholesale_value: wholesale, retail_value: "100.00" })),
  );
  if (r.status !== 200 || r.body.errors.length) throw new Error(`price create failed: ${r.text}`);
}

export function connection(code: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    customer_code: code,
    customer_name: `Customer ${code}`,
    shipping: {
      shipping_addresses: {
        shipping_address: [
          {
            shipping_code: `${code}-D1`,
            shipping_name: "Warehouse",
            shipping_address_1: "1 Dock Road",
            shipping_city: "London",
            shipping_postal_code: "E1 1AA",
            shipping_country: "GB",
          },
        ],
      },
    },
    billing: {
      billing_addresses: {
        billing_address: [
          {
            billing_code: `${code}-A1`,
            billing_name: "Accounts",
            billing_address_1: "2 Bank St",
            billing_city: "London",
            billing_postal_code: "EC2 2BB",
            billing_country: "GB",
          },
        ],
      },
    },
    ...extra,
  };
}

/** POST a bulk-connection job and read its result (JOOR processes it in the background). */
export async function bulkConnections(c: Client, items: unknown[]): Promise<HttpResult> {
  const r = await c.v2("POST", "/bulk-connection", { bulk_connections: { connection: items } });
  if (r.status !== 200) return r;
  return c.v2("GET", `/bulk-connection/${r.body.job_id}`);
}

export async function pushConnections(c: Client, codes: string[]): Promise<void> {
  const r = await bulkConnections(
    c,
    codes.map((code) => connection(code)),
  );
  if (r.status !== 200 || r.body.job.status !== "COMPLETED") throw new Error(`connection push failed: ${r.text}`);
}
