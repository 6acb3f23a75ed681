import { DataSource } from "typeorm";
import { Brand } from "../entities/brand.entity";
import { SelvedgeConfig } from "../config/config";
import { IdentityService } from "../modules/identity/identity.service";

export interface FirstStartResult {
  brandSlug: string;
  adminEmail: string;
  token: string;
}

/**
 * On an empty database: create a brand, an admin user and one admin token. The token is returned once
 * (the caller prints it); `SELVEDGE_BOOTSTRAP_TOKEN` makes it deterministic. Does nothing otherwise.
 */
export async function firstStart(ds: DataSource, identity: IdentityService, config: SelvedgeConfig): Promise<FirstStartResult | null> {
  if ((await ds.getRepository(Brand).count()) > 0) return null;
  return ds.transaction(async (m) => {
    const brand = await identity.createBrand(config.bootstrapBrand.name, config.bootstrapBrand.slug, ["inventory"], m);
    const admin = await identity.createUser(brand.id, { name: "Administrator", email: `admin@${brand.slug}.local`, role: "ADMIN" }, m);
    const { token } = await identity.createToken(brand.id, admin.id, "bootstrap", m, config.bootstrapToken);
    return { brandSlug: brand.slug, adminEmail: admin.email, token };
  });
}
