import type { JoorSandbox } from "../../plugins/joor/sandbox";
import { COLOR_TRAIT_ID, SIZE_TRAIT_ID } from "../../plugins/joor/mapping/ids";
import { DEFAULT_SEED } from "../../plugins/joor/sandbox";

/**
 * What an existing JOOR system already holds, created through the sandbox's own API (as another tool or
 * JOOR's staff would have): connections in the seed, products and SKUs over v4 HTTP.
 */
export function seedWithConnections(codes: string[]) {
  const seed = structuredClone(DEFAULT_SEED) as any;
  seed.accounts[0].connections = codes.map((code) => ({ customer_code: code, customer_name: `JOOR shop ${code}` }));
  return seed;
}

async function token(sandbox: JoorSandbox): Promise<string> {
  const c = sandbox.credentials;
  const body = new URLSearchParams({
    grant_type: "password",
    client_id: c.client_id,
    client_secret: c.client_secret,
    username: c.username,
    password: c.password,
  });
  const res = await fetch(sandbox.urls.auth, { method: "POST", body });
  return ((await res.json()) as { access_token: string }).access_token;
}

async function v4(sandbox: JoorSandbox, path: string, body: unknown): Promise<any> {
  const res = await fetch(`${sandbox.urls.v4}${path}?account=${sandbox.accountId}`, {
    method: "POST",
    headers: { authorization: `Bearer ${await token(sandbox)}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { data: any[]; errors: any[] };
  if (json.errors?.length) throw new Error(`${path}: ${JSON.stringify(json.errors)}`);
  return json.data;
}

/** A JOOR product (style number, one colour) with SKUs size → barcode. */
export async function joorProduct(
  sandbox: JoorSandbox,
  styleNumber: string,
  colourCode: string,
  skus: [size: string, upc: string][],
): Promise<{ productId: string; skuIds: string[] }> {
  const [product] = await v4(sandbox, "/products/bulk_create", [
    { name: `JOOR ${styleNumber}`, external_id: `ext-${styleNumber}-${colourCode}`, product_identifier: styleNumber },
  ]);
  const created = await v4(
    sandbox,
    "/skus/bulk_create",
    skus.map(([size, upc]) => ({
      product_id: product.id,
      external_id: `ext-${upc}`,
      trait_values: [
        { trait_id: COLOR_TRAIT_ID, value: "Black", external_id: colourCode },
        { trait_id: SIZE_TRAIT_ID, value: size },
      ],
      identifiers: [{ type: "UPC", value: upc }],
    })),
  );
  return { productId: String(product.id), skuIds: created.map((s: { id: string }) => String(s.id)) };
}
