/**
 * Records held by the JOOR sandbox. Field names follow JOOR's documented names where they are
 * known (see plugins/joor/sandbox/README.md for which shapes are documented and which are ours).
 */

/** Fixed SKU trait ids documented by JOOR (base64 of `SKUTrait:StyleColor` / `SKUTrait:Size`). */
export const COLOR_TRAIT_ID = "U0tVVHJhaXQ6U3R5bGVDb2xvcg==";
export const SIZE_TRAIT_ID = "U0tVVHJhaXQ6U2l6ZQ==";
/** Product-level trait (Materials), base64 of `ProductTrait:MAT`. */
export const MATERIALS_TRAIT_ID = "UHJvZHVjdFRyYWl0Ok1BVA==";

export interface Credentials {
  client_id: string;
  client_secret: string;
  username: string;
  password: string;
  /** Static v2 API token (sent as `Authorization: OAuth2 <token>` or its base64). */
  v2_token: string;
}

export interface AccountSettings {
  /** v2 order fields that `check=1|3` requires (JOOR's "internal field validation"). */
  order_required_fields: string[];
  /** Seconds before a newly created connection becomes visible to lookups (JOOR's matching delay). */
  connection_visibility_delay_seconds: number;
  /** Video assets are a paid JOOR feature. */
  video_enabled: boolean;
  /** Seconds a queued v2 bulk job waits before JOOR's background worker processes it (0 = on the next request). */
  bulk_job_delay_seconds: number;
  /** "Messy orders": v2 order JSON as real JOOR sends it (see README, "Messy orders"). */
  messy_orders: boolean;
}

export interface PriceType {
  id: string;
  name: string;
  currency_code: string;
  retail_currency_code: string;
}

export type WarehouseType = "IMMEDIATE" | "FUTURE";

export interface Warehouse {
  id: string;
  name: string;
  code: string;
  type: WarehouseType;
  is_default: boolean;
}

export interface Category {
  id: string;
  name: string;
  parent_name: string | null;
  department: string | null;
}

export interface Retailer {
  id: string;
  name: string;
  city: string;
  country: string;
}

/** Neutral address record; serialised with `shipping_` / `billing_` prefixes on v2. */
export interface Address {
  id: string;
  code: string;
  name: string;
  company: string;
  address_1: string;
  address_2: string;
  city: string;
  region: string;
  postal_code: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  phone: string;
  email: string;
}

export interface Connection {
  id: string;
  retailer_id: string;
  customer_code: string;
  /** Plain string fields of the v2 connection (customer_name, customer_alias, ...). */
  fields: Record<string, string>;
  warehouses: Array<{ warehouse_name: string; warehouse_code: string }>;
  shipping: Address[];
  billing: Address[];
  created_at: number;
  modified_at: number;
  /** Epoch ms from which lookups see it (matching delay). */
  visible_at: number;
}

export type TraitStatus = "ACTIVE" | "INACTIVE";

export interface SkuTraitValue {
  value: string;
  external_id: string | null;
  order_minimum: number | null;
  status: TraitStatus;
}

export interface ProductTraitValue {
  trait_id: string;
  trait_name: string;
  value: string;
  external_id: string | null;
}

export interface ProductTag {
  name: string;
  value: string | null;
  code: string | null;
  parent_id: string | null;
}

export interface Product {
  id: string;
  name: string;
  external_id: string | null;
  product_identifier: string | null;
  description: string | null;
  order_minimum: number | null;
  category_ids: string[];
  product_trait_values: ProductTraitValue[];
  tags: ProductTag[];
  created_at: number;
  modified_at: number;
}

export type IdentifierType = "UPC" | "GTIN" | "EAN" | "MPN";

export interface Sku {
  id: string;
  product_id: string;
  external_id: string | null;
  sku_identifier: string | null;
  color: SkuTraitValue;
  size: SkuTraitValue;
  identifiers: Array<{ type: IdentifierType; value: string }>;
  created_at: number;
  modified_at: number;
}

export interface Price {
  id: string;
  sku_id: string;
  price_type_id: string;
  wholesale_value: string;
  retail_value: string | null;
  created_at: number;
  modified_at: number;
}

export type AssetType = "image" | "swatch" | "video";

export interface Asset {
  id: string;
  product_id: string;
  type: AssetType;
  filename: string;
  source_url: string;
  display_order: number;
  /** Colour the asset belongs to ([INFERRED] shape), or null for the whole product. */
  color: { value: string | null; external_id: string | null } | null;
  width: number | null;
  height: number | null;
  /** Content type detected from the bytes (sharp), e.g. image/png. */
  content_type: string;
  /** Content-Type header the source server sent, if any. */
  declared_content_type: string | null;
  size_bytes: number;
  created_at: number;
}

/** v4 season ([DOC] how-to-create-update-collection-season-data): `external_id` plays the role of a season code. */
export interface Season {
  id: string;
  name: string;
  year: number | null;
  external_id: string | null;
  created_at: number;
  modified_at: number;
}

/** Delivery window of a collection; start and complete both null = IMMEDIATE delivery. */
export interface CollectionDelivery {
  start_ship_date: string | null;
  complete_ship_date: string | null;
  cancel_date: string | null;
  minimum_shipping_window: number | null;
}

export interface CollectionItem {
  product_id: string;
  /** Display position (JOOR's `order_number`). */
  order_number: number;
  /** Shoppable SKUs of the product; null = all of them (the product was listed without `sku_ids`). */
  sku_ids: string[] | null;
}

/** v4 collection = a JOOR linesheet ([DOC] create-collections / update-collections / get-collections). */
export interface Collection {
  id: string;
  name: string;
  external_id: string;
  season_id: string | null;
  delivery: CollectionDelivery;
  /** Ordered by order_number, then by insertion. */
  items: CollectionItem[];
  created_at: number;
  modified_at: number;
}

export interface InventoryRow {
  sku_id: string;
  warehouse: string;
  /** YYYY-MM-DD for future stock, null for immediate ATS. */
  inventory_date: string | null;
  /** Quantity the brand posted. */
  inventory: number;
  dec_pending: boolean;
  /** Pending-order quantity JOOR deducted (dec_pending=1). */
  pending_deducted: number;
  /** What JOOR shows as available. */
  available: number;
  made_to_order: boolean;
  updated_at: number;
}

export type OrderStatus = "IN_PROGRESS" | "NOTES" | "PENDING" | "APPROVED" | "SHIPPED" | "CANCELLED";
export const ORDER_STATUSES: OrderStatus[] = ["IN_PROGRESS", "NOTES", "PENDING", "APPROVED", "SHIPPED", "CANCELLED"];

/** Where an order stands with respect to the brand's exports (v2 `export_status`). */
export type ExportBucket = "NEW" | "FAILED" | "EXPORTED" | "MODIFIED";

export interface OrderLine {
  line_id: string;
  /** Null when the line was placed with an unknown UPC (admin `allow_unknown_upcs`). */
  sku_id: string | null;
  upc: string;
  quantity: number;
  /** Decimal strings. */
  unit_price: string;
  retail_price: string;
  /** Catalogue snapshot at order time. */
  item_name: string;
  item_number: string;
  item_style_id: string;
  item_style_identifier: string;
  item_color: string;
  item_color_code: string;
  item_size: string;
  item_size_code: string;
  comment: string;
  /** Line discount as the retailer/rep entered it: a percentage of the unit price ("10.00") … */
  discount_percent?: string | null;
  /** … or an amount off each unit ("5.00"). At most one of the two is set. */
  discount_amount?: string | null;
  /** Raw field overrides merged into the v2 line (to simulate bad JOOR data). */
  overrides: Record<string, unknown>;
}

export interface Order {
  id: number;
  status: OrderStatus;
  retailer_id: string;
  connection_id: string | null;
  customer_code: string;
  customer_name: string;
  customer_buyer_name: string;
  customer_group_name: string;
  customer_group_code: string;
  price_type_id: string;
  currency: string;
  currency_name: string;
  collection_id: string | null;
  season_name: string;
  season_code: string;
  delivery_name: string;
  delivery_code: string;
  ship_start: string;
  ship_end: string;
  po_number: string;
  comments: string;
  internal_comments: string;
  sales_rep: string;
  sales_rep_code: string;
  payment_method_name: string;
  payment_method_code: string;
  shipping_method_name: string;
  shipping_method_code: string;
  warehouse_name: string;
  warehouse_code: string;
  /** Order discount as a percentage of the discounted lines' subtotal ("0.00" = none) … */
  discount_percent: string;
  /** … or as an amount (then discount_percent is "0.00"). */
  discount_amount?: string | null;
  /** The brand's own order type (JOOR Order Settings), not the order's status; "" when none. */
  order_type_name?: string;
  order_type_code?: string;
  shipping_total: string;
  shipping_address: Address | null;
  billing_address: Address | null;
  lines: OrderLine[];
  date_created: number;
  date_approved: number | null;
  date_modified: number;
  export_bucket: ExportBucket;
  exported_on: number | null;
  export_description: string;
  /** Raw field overrides merged into the v2 record (to simulate bad JOOR data). */
  overrides: Record<string, unknown>;
}

export interface BulkJobResult {
  index: number;
  customer_code: string | null;
  status: "pass" | "fail";
  action?: "created" | "updated";
  connection_id?: string;
  errors?: Array<{ field: string; message: string }>;
}

export interface BulkJob {
  id: string;
  kind: "connection";
  status: "QUEUED" | "COMPLETED" | "COMPLETED_WITH_ERRORS";
  created_at: number;
  /** When the background worker may process it (created_at + the account's bulk_job_delay_seconds). */
  due_at: number;
  completed_at: number | null;
  item_count: number;
  /** The queued payload, kept until the job is processed. */
  items: unknown[] | null;
  results: BulkJobResult[];
}
