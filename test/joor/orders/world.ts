import { placeOrder, editOrder } from "../../../plugins/joor/sandbox";
import { upsertConnection } from "../../../plugins/joor/sandbox/domain/connections";
import type { JoorEnv } from "../harness";
import { freshBarcode } from "../harness";

/**
 * A brand and its JOOR account set up for order imports: customers that exist on both sides (Selvedge account
 * code = JOOR customer code), products whose barcodes JOOR sends as UPCs, and orders placed in the sandbox as a
 * retailer would (through its domain functions, the same code as its admin API).
 */

export interface Customer {
  id: number;
  code: string;
}

/** A customer in Selvedge (ACTIVE, with DELIVERY/ACCOUNTS/STORE addresses) and the same code as a JOOR connection. */
export async function customer(env: JoorEnv, over: Record<string, unknown> = {}, inJoor = true): Promise<Customer> {
  const c = await env.seed.customer(over);
  if (inJoor) connection(env, c.accountCode!);
  return { id: c.id, code: c.accountCode! };
}

/** A JOOR connection only (no Selvedge customer). */
export function connection(env: JoorEnv, code: string): void {
  const acct = env.sandbox.state.account();
  const r = upsertConnection(
    env.sandbox.state,
    acct,
    {
      customer_code: code,
      customer_name: `Shop ${code}`,
      price_currency: "EUR",
      price_label: "EUR-1",
      shipping: {
        shipping_addresses: {
          shipping_address: [{ shipping_code: `${code}-D`, shipping_address_1: "1 Joor Way", shipping_city: "Paris", shipping_country: "FR" }],
        },
      },
    },
    0,
  );
  if (r.status !== "pass") throw new Error(`connection ${code}: ${JSON.stringify(r)}`);
}

/** A product with sizes S, M, L; its barcodes (EAN-13). */
export async function product(env: JoorEnv): Promise<string[]> {
  const barcodes = ["S", "M", "L"].map(() => freshBarcode());
  await env.seed.product({ sizes: ["S", "M", "L"].map((size, i) => ({ size, barcode: barcodes[i] })) });
  return barcodes;
}

export interface PlaceInput {
  customer_code: string;
  lines: { upc: string; quantity: number; unit_price?: string; discount_percent?: string; discount_amount?: string; overrides?: Record<string, unknown> }[];
  status?: string;
  [k: string]: unknown;
}

/** Places an order in JOOR (EUR price type; lines by UPC with their unit price); answers JOOR's order id. */
export function place(env: JoorEnv, input: PlaceInput): string {
  const o = placeOrder(env.sandbox.state, env.sandbox.state.account(), {
    price_type: "EUR-1",
    allow_unknown_upcs: true,
    ...input,
    lines: input.lines.map((l) => ({ unit_price: "10.00", ...l })),
  });
  return String(o.id);
}

export function edit(env: JoorEnv, orderId: string, patch: Record<string, unknown>): void {
  const acct = env.sandbox.state.account();
  editOrder(env.sandbox.state, acct, acct.orders.get(Number(orderId))!, { allow_unknown_upcs: true, ...patch });
}

export const ORDER_FIELDS = `id number source externalId poNumber approved currency shipStart shipEnd notes platformModifiedAt
  totalAmount totalQuantity discount shippingTotal
  customer { id accountCode } season { id name } owner { id }
  deliveryAddress { line1 city postalCode countryCode } accountsAddress { line1 city countryCode } storeAddress { line1 city countryCode }
  lines { quantity unitPrice discount lineTotal variant { barcode } }`;

/** The Selvedge orders imported from JOOR with this JOOR id (0 or 1 of them). */
export async function importedOrders(env: JoorEnv, joorId: string): Promise<any[]> {
  const r = await env.admin.ok(`query($e: String) { orders(first: 10, filter: { source: "JOOR", externalId: $e }) { edges { node { ${ORDER_FIELDS} } } } }`, {
    e: joorId,
  });
  return r.orders.edges.map((e: any) => e.node);
}

export const INBOUND_FIELDS = `id joorOrderId state customerCode reasons { code message field line } changes attempts order { id number } payload`;

export async function inbound(env: JoorEnv, joorId: string): Promise<any> {
  const r = await env.admin.ok(`query($f: JoorInboundOrderFilter) { joorInboundOrders(first: 5, filter: $f) { edges { node { ${INBOUND_FIELDS} } } } }`, {
    f: { joorOrderId: joorId },
  });
  return r.joorInboundOrders.edges[0]?.node ?? null;
}

export async function addresses(env: JoorEnv, customerId: number): Promise<any[]> {
  const r = await env.admin.ok(`query($id: ID!) { customer(id: $id) { addresses { type line1 city postalCode countryCode } } }`, { id: String(customerId) });
  return r.customer.addresses;
}
