import { DataSource, EntityTarget, ObjectLiteral } from "typeorm";

/**
 * Helpers for the hot read paths (the product page's DataLoaders): plain SQL that selects only the columns the
 * page needs, rows turned straight into entity objects, no ORM hydration. Only a column that needs a
 * driver-specific conversion (a datetime) goes through the driver, and only when it is read at all.
 */
export function placeholders(count: number): string {
  return new Array(count).fill("?").join(", ");
}

/** Converts one raw column value the way TypeORM would (dates on SQLite are UTC text, on MySQL Date objects). */
export function columnHydrator(ds: DataSource, target: EntityTarget<ObjectLiteral>, property: string): (value: unknown) => unknown {
  const column = ds.getMetadata(target).findColumnWithPropertyName(property);
  if (!column) throw new Error(`No column ${property}`);
  return (value) => (value === null || value === undefined ? value : ds.driver.prepareHydratedValue(value, column));
}

/** Sorts each group by id (statements need no ORDER BY the index cannot give for free). */
export function byId<T extends { id: number }>(a: T, b: T): number {
  return a.id - b.id;
}

/**
 * The brand condition of a child-table read (`alias.brandId + 0 = ?`): brand isolation stays in the statement,
 * but the planner cannot use a brand-leading index for it. SQLite (without statistics) and MariaDB would
 * otherwise read every row of the brand through `(brandId, …)` indexes instead of the few rows of the parent
 * keys, and the page would slow down as the catalogue grows (test/db/product-page-plans.test.ts).
 */
export function brandTerm(alias: string): string {
  return `${alias}.brandId + 0 = ?`;
}
