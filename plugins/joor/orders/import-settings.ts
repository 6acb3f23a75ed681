import { type BrandScope, Season, User } from "../../../src/plugin";
import { ImportSettings } from "./import-staged";

/**
 * The seed's three import settings as ids: "Import Order Season" (the fallback season), "Import Order Approved"
 * and "Order Owner". A season or owner is given by id, or by name / e-mail; one that no longer exists in the
 * brand counts as not set (the order then has no season / no owner) — it never points at another brand's record.
 */
export interface RawImportSettings {
  importOrderSeason?: unknown;
  importOrderApproved?: unknown;
  orderOwner?: unknown;
}

export async function resolveImportSettings(data: BrandScope, raw: RawImportSettings): Promise<ImportSettings> {
  return {
    fallbackSeasonId: await seasonId(data, raw.importOrderSeason),
    approved: raw.importOrderApproved === true || raw.importOrderApproved === "true",
    ownerId: await ownerId(data, raw.orderOwner),
  };
}

function asId(v: unknown): number | null {
  if (typeof v === "number" && Number.isSafeInteger(v) && v > 0) return v;
  if (typeof v === "string" && /^\d{1,15}$/.test(v.trim())) return Number(v.trim());
  return null;
}

async function seasonId(data: BrandScope, v: unknown): Promise<number | null> {
  if (v === null || v === undefined || v === "") return null;
  const id = asId(v);
  if (id !== null) return (await data.repo(Season).exists({ id })) ? id : null;
  if (typeof v !== "string") return null;
  const s = await data.repo(Season).findOneBy({ name: v.trim() });
  return s?.id ?? null;
}

async function ownerId(data: BrandScope, v: unknown): Promise<number | null> {
  if (v === null || v === undefined || v === "") return null;
  const id = asId(v);
  if (id !== null) return (await data.repo(User).exists({ id })) ? id : null;
  if (typeof v !== "string") return null;
  const u = await data.repo(User).findOneBy({ email: v.trim().toLowerCase() });
  return u?.id ?? null;
}
