import { DataSource } from "typeorm";
import { Brand } from "../entities/brand.entity";
import { SelvedgeConfig } from "../config/config";
import { IdentityService } from "../modules/identity/identity.service";
import { BrandScope } from "../db/brand-scope";

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
    const scope = new BrandScope(brand.id, m, true); // the new brand, in this transaction
    const admin = await identity.createUser(scope, { name: "Administrator", email: `admin@${brand.slug}.local`, role: "ADMIN" });
    const { token } = await identity.createToken(scope, admin.id, "bootstrap", config.bootstrapToken);
    return { brandSlug: brand.slug, adminEmail: admin.email, token };
  });
}
