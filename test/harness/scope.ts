import type { DataSource } from "typeorm";
import { BrandScope } from "../../src/db/brand-scope";

/** A brand's scope for tests that call services directly (what a request or a job builds for itself). */
export function scopeFor(app: { ds: DataSource }, brandId: number): BrandScope {
  return BrandScope.of(app.ds, brandId);
}
