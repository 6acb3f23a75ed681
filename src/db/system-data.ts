import { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from "typeorm";
import { BrandScope } from "./brand-scope";

/**
 * Unscoped database access, for the few places that work across brands or before a brand is known:
 * authentication, job claims and recovery, the scheduler, brand administration, migrations and start-up.
 * Everything else goes through a `BrandScope`. The name is the point: `grep SystemData` lists every use,
 * and the architecture test (test/architecture/tenancy.test.ts) allows it only in the files it names.
 */
export class SystemData {
  constructor(readonly ds: DataSource) {}

  get manager(): EntityManager {
    return this.ds.manager;
  }

  repo<E extends ObjectLiteral>(entity: EntityTarget<E>): Repository<E> {
    return this.ds.getRepository(entity);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  /** A scope for one brand, e.g. for a job once its brand is known. */
  scopeFor(brandId: number): BrandScope {
    return BrandScope.of(this.ds, brandId);
  }
}
