/**
 * v4 product assets (`POST /v4/assets/products`): the sandbox downloads each `source_url` and
 * records the real dimensions and type. Colour-level assignment is [UNKNOWN] in JOOR's docs; the
 * sandbox accepts an optional `trait_value` ({ trait_id: Color, value | external_id }) per item.
 */
import { z } from "zod";
import { ProbeError, probeAsset } from "../image-probe";
import type { AccountState } from "../state/account";
import type { SandboxState } from "../state/state";
import { type Asset, COLOR_TRAIT_ID } from "../types";
import { type ItemError, itemError, parseWith, reqStr, str, validationError } from "../validation";

const IMAGE_EXT = /\.(gif|jpe?g|png)$/i;
const VIDEO_EXT = /\.mp4$/i;
const MB = 1024 * 1024;

export const assetItemSchema = z
  .strictObject({
    product: z.strictObject({ id: reqStr(100) }),
    asset: z.strictObject({
      type: z.enum(["image", "swatch", "video"]),
      filename: reqStr(100),
      source_url: reqStr(20 * MB),
    }),
    display_order: z.int().min(0).optional(),
    trait_value: z
      .strictObject({
        trait_id: z.literal(COLOR_TRAIT_ID, { error: "only Color trait values can carry assets" }),
        value: str(100).optional(),
        external_id: str(100).optional(),
      })
      .optional(),
  })
  .superRefine((it, c) => {
    const isVideo = it.asset.type === "video";
    if (isVideo && !VIDEO_EXT.test(it.asset.filename)) c.addIssue({ code: "custom", path: ["asset", "filename"], message: "video filenames must end in .mp4" });
    if (!isVideo && !IMAGE_EXT.test(it.asset.filename))
      c.addIssue({ code: "custom", path: ["asset", "filename"], message: "image filenames must end in .gif, .jpeg, .jpg or .png" });
    if (it.trait_value && !it.trait_value.value && !it.trait_value.external_id)
      c.addIssue({ code: "custom", path: ["trait_value"], message: "value or external_id is required" });
  });

/** Run async work over items with bounded concurrency, keeping result order. */
async function pool<T, R>(items: T[], limit: number, fn: (t: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export async function createAssets(
  state: SandboxState,
  acct: AccountState,
  items: unknown[],
  opts: { replaceAll: boolean; timeoutMs: number; permissive: boolean },
): Promise<{ data: Asset[]; errors: ItemError[] }> {
  const errors: ItemError[] = [];
  type Ok = { index: number; item: z.infer<typeof assetItemSchema> };
  const valid: Ok[] = [];
  const videoCount = new Map<string, number>();
  items.forEach((raw, index) => {
    const parsed = parseWith(assetItemSchema, raw);
    if (!parsed.ok) return void errors.push(validationError(index, parsed.issues));
    const it = parsed.value;
    if (!acct.products.has(it.product.id))
      return void errors.push(itemError("NOT_FOUND", index, `Product ${it.product.id} not found`, { product_id: it.product.id }));
    if (it.asset.type === "video") {
      if (!acct.settings.video_enabled)
        return void errors.push(itemError("FEATURE_NOT_ENABLED", index, "Video assets are a paid feature that is not enabled for this account"));
      const n = (videoCount.get(it.product.id) ?? 0) + 1;
      videoCount.set(it.product.id, n);
      const existing = opts.replaceAll ? 0 : acct.productAssets(it.product.id).filter((a) => a.type === "video").length;
      if (n + existing > 1) return void errors.push(itemError("VALIDATION_ERROR", index, "At most one video per product", { product_id: it.product.id }));
    }
    const clash =
      valid.some((v) => v.item.product.id === it.product.id && v.item.asset.filename === it.asset.filename) ||
      (!opts.replaceAll && acct.productAssets(it.product.id).some((a) => a.filename === it.asset.filename));
    if (clash) return void errors.push(itemError("DUPLICATED", index, `Product ${it.product.id} already has an asset named ${it.asset.filename}`));
    valid.push({ index, item: it });
  });

  const probed = await pool(valid, 4, async (v) => {
    try {
      const kind = v.item.asset.type === "video" ? "video" : "image";
      return {
        v,
        probe: await probeAsset(v.item.asset.source_url, kind, {
          timeoutMs: opts.timeoutMs,
          maxBytes: kind === "video" ? 15 * MB : 10 * MB,
          permissive: opts.permissive,
        }),
      };
    } catch (e) {
      if (e instanceof ProbeError)
        return { v, error: itemError(e.code, v.index, e.message, { product_id: v.item.product.id, filename: v.item.asset.filename }) };
      throw e;
    }
  });

  // replace_all deletes existing assets of the uploaded kinds, once per product.
  if (opts.replaceAll) {
    const kinds = new Map<string, Set<string>>();
    for (const p of probed) {
      if (!("probe" in p)) continue;
      let s = kinds.get(p.v.item.product.id);
      if (!s) kinds.set(p.v.item.product.id, (s = new Set()));
      s.add(p.v.item.asset.type);
    }
    for (const [productId, set] of kinds) {
      for (const a of acct.productAssets(productId)) if (set.has(a.type)) acct.deleteAsset(a.id);
    }
  }

  const data: Asset[] = [];
  for (const p of probed) {
    if (!("probe" in p) || !p.probe) {
      if ("error" in p && p.error) errors.push(p.error);
      continue;
    }
    const it = p.v.item;
    if (!acct.products.has(it.product.id)) {
      errors.push(itemError("NOT_FOUND", p.v.index, `Product ${it.product.id} was deleted`, { product_id: it.product.id }));
      continue;
    }
    const existing = acct.productAssets(it.product.id);
    const asset: Asset = {
      id: state.ids.nextString("asset"),
      product_id: it.product.id,
      type: it.asset.type,
      filename: it.asset.filename,
      source_url: it.asset.source_url,
      display_order: it.display_order ?? existing.length,
      color: it.trait_value ? { value: it.trait_value.value ?? null, external_id: it.trait_value.external_id ?? null } : null,
      width: p.probe.width,
      height: p.probe.height,
      content_type: p.probe.content_type,
      declared_content_type: p.probe.declared_content_type,
      size_bytes: p.probe.size_bytes,
      created_at: state.now(),
    };
    acct.putAsset(asset);
    data.push(asset);
  }
  errors.sort((a, b) => (a.details.index as number) - (b.details.index as number));
  return { data, errors };
}

export function serializeAsset(a: Asset, opts: { fullDataUrls?: boolean } = {}): Record<string, unknown> {
  const url =
    !opts.fullDataUrls && a.source_url.startsWith("data:") && a.source_url.length > 120
      ? `${a.source_url.slice(0, 60)}…(${a.source_url.length} chars)`
      : a.source_url;
  return {
    id: a.id,
    product: { id: a.product_id },
    type: a.type,
    filename: a.filename,
    source_url: url,
    display_order: a.display_order,
    trait_value: a.color,
    width: a.width,
    height: a.height,
    content_type: a.content_type,
    declared_content_type: a.declared_content_type,
    size_bytes: a.size_bytes,
    date_created: new Date(a.created_at).toISOString(),
  };
}
