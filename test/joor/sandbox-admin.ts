import type { JoorEnv } from "./harness";

/** Reads the sandbox's admin API (what JOOR has), over HTTP. */
export async function sandboxAdmin(env: JoorEnv, path: string): Promise<any> {
  const res = await fetch(`${env.sandbox.urls.admin}${path}${path.includes("?") ? "&" : "?"}limit=100000`);
  if (!res.ok) throw new Error(`sandbox admin ${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

export const joorProducts = async (env: JoorEnv) => (await sandboxAdmin(env, "/products")).items as any[];
export const joorSkus = async (env: JoorEnv) => (await sandboxAdmin(env, "/skus")).items as any[];
export const joorCollections = async (env: JoorEnv) => (await sandboxAdmin(env, "/collections")).items as any[];
export const joorSeasons = async (env: JoorEnv) => (await sandboxAdmin(env, "/seasons")).items as any[];

/** Every JOOR product external_id and SKU UPC appears once (no duplicate records). */
export async function expectNoDuplicates(env: JoorEnv): Promise<void> {
  const products = await joorProducts(env);
  const ext = products.map((p) => p.external_id);
  expect(new Set(ext).size).toBe(ext.length);
  const upcs = (await joorSkus(env)).map((s) => s.upc);
  expect(new Set(upcs).size).toBe(upcs.length);
}
