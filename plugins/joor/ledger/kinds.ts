/**
 * Record kinds of the sync ledger and what their Selvedge key is. Operations add their kinds here
 * (one line each); the GraphQL enum JoorRecordKind is built from this list.
 */
export const JOOR_RECORD_KINDS = {
  CUSTOMER: "customer", // key: customer id; joorId: JOOR connection id
  PRODUCT: "product", // key: product id; joorId: JOOR product id
  SKU: "sku", // key: variant id; joorId: JOOR SKU id
  SEASON: "season", // key: season id; joorId: JOOR v4 season id
  LINESHEET: "linesheet", // key: linesheet id; joorId: JOOR collection id
  PRICE: "price", // key: product id; joorIds: { "<sku id>|<price type id>": JOOR price id } (export-prices)
  IMAGE: "image", // key: product id; joorId: JOOR asset id (export-images)
  INVENTORY: "inventory", // key: variant id; joorIds: what was last sent { upc, positions: { "<warehouse>|<date>": qty } } (export-inventory)
} as const;

export type JoorRecordKind = (typeof JOOR_RECORD_KINDS)[keyof typeof JOOR_RECORD_KINDS];
