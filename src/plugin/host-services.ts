import type { GraphQLError } from "graphql";
import fs from "node:fs";
import path from "node:path";
import type { BrandScope } from "../db/brand-scope";
import type { Address } from "../entities/address.entity";
import type { Customer } from "../entities/customer.entity";
import type { Order } from "../entities/order.entity";
import type { Product } from "../entities/product.entity";
import type { ProductImage } from "../entities/product-image.entity";
import type { ProductSeason } from "../entities/product-season.entity";
import type { Season } from "../entities/season.entity";
import type { SeasonPrice } from "../entities/season-price.entity";
import type { StockLevel } from "../entities/stock-level.entity";
import type { User } from "../entities/user.entity";
import type { Variant } from "../entities/variant.entity";
import type { ImportedOrderData, ImportedOrderResult } from "../modules/order/order-import";
import type { AddressInput } from "../modules/customer/customer.inputs";
import type { ExportSizeRule } from "../domain/image-export-size";

/**
 * The port through which a plugin reaches the host: what a connector needs, nothing more (no tokens, no jobs,
 * no other connector's settings). Satisfied at the composition root by an adapter over the core's services
 * (src/server/host-services.adapter.ts); plugins receive it as `ctx.host` (operations) and `host.host`
 * (onBootstrap). Every method takes the caller's `BrandScope` (`ctx.data`) first: it names the brand and the unit
 * of work, so calls made inside `ctx.data.transaction(tx => …)` with `tx` join that one transaction.
 *
 * The port is versioned with the host: `HOST_API_VERSION` is this Selvedge's version, which every plugin's
 * `hostVersions` range is checked against at start-up. A breaking change to this interface is a major version.
 */
export const HOST_API_VERSION: string = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")).version;

/** A rendition of a product image at an export size (a JPEG at the plugin's rule). */
export interface ExportRendition {
  data: Buffer;
  width: number;
  height: number;
  contentType: string;
}

export interface CatalogueReader {
  /** One product of the brand; NOT_FOUND (GraphQL error) when it is not the brand's. */
  product(scope: BrandScope, id: number): Promise<Product>;
  /** Products by id in the given order; null where an id is not the brand's. */
  productsByIds(scope: BrandScope, ids: readonly number[]): Promise<(Product | null)[]>;
  /** Each product's variants (position order), one array per given product id. */
  variantsByProduct(scope: BrandScope, productIds: readonly number[]): Promise<Variant[][]>;
  /** Variants by barcode (one statement); the map is keyed by the barcode as given. */
  variantsByBarcodes(scope: BrandScope, barcodes: readonly string[]): Promise<Map<string, Variant>>;
  /** Each product's season prices, one array per given product id. */
  pricesByProduct(scope: BrandScope, productIds: readonly number[]): Promise<SeasonPrice[][]>;
  /** In which seasons each product is visible (ProductSeason rows), one array per given product id. */
  visibilityByProduct(scope: BrandScope, productIds: readonly number[]): Promise<ProductSeason[][]>;
  /** Each variant's stock levels (per season), one array per given variant id. */
  stockByVariant(scope: BrandScope, variantIds: readonly number[]): Promise<StockLevel[][]>;
  /** Each product's images (position order), one array per given product id. */
  imagesByProduct(scope: BrandScope, productIds: readonly number[]): Promise<ProductImage[][]>;
  /** Renders one image at the given export size; NOT_FOUND when it is not the brand's. */
  renderForExport(scope: BrandScope, imageId: number, rule: ExportSizeRule): Promise<ExportRendition>;
  /**
   * The stable public URL of an image's export rendition (the host renders and caches it on first fetch). The
   * rule must be one the plugin declared in `exportSizes` (else it throws).
   */
  exportUrl(image: Pick<ProductImage, "storageKey">, rule: ExportSizeRule): string;
}

export interface SeasonReader {
  /** The brand's seasons (name order); only active ones when `activeOnly`. */
  list(scope: BrandScope, activeOnly?: boolean): Promise<Season[]>;
  /** One season; NOT_FOUND when it is not the brand's. */
  get(scope: BrandScope, id: number): Promise<Season>;
  /** A season by its exact name, or null. */
  findByName(scope: BrandScope, name: string): Promise<Season | null>;
}

export interface CustomerPort {
  /** One customer; NOT_FOUND when it is not the brand's. */
  get(scope: BrandScope, id: number): Promise<Customer>;
  /** Customers by account code (trimmed, case-insensitive), keyed by the lower-cased trimmed code; in `scope`'s unit of work. */
  findByAccountCodes(scope: BrandScope, accountCodes: readonly string[]): Promise<Map<string, Customer>>;
  /** Each customer's addresses, one array per given customer id. */
  addressesByCustomer(scope: BrandScope, customerIds: readonly number[]): Promise<Address[][]>;
  /**
   * Adds addresses to a customer in `scope`'s unit of work (pass the transaction's scope to write them together
   * with an order). Every address is validated first: bad input throws BAD_USER_INPUT and nothing is written.
   */
  addAddresses(scope: BrandScope, customerId: number, inputs: AddressInput[]): Promise<Address[]>;
}

export interface OrderPort {
  /** One order; NOT_FOUND when it is not the brand's. */
  get(scope: BrandScope, id: number): Promise<Order>;
  /** The order imported earlier from (source, externalId), or null. */
  findByExternalId(scope: BrandScope, source: string, externalId: string): Promise<Order | null>;
  /**
   * Inserts an imported order (order, lines, address snapshots) in `scope`'s unit of work, or in a transaction of
   * its own outside one. Idempotent per (source, externalId): an existing order is returned with `created: false`.
   * Bad data throws BAD_USER_INPUT with `extensions.problems` and writes nothing.
   */
  createImportedOrder(scope: BrandScope, data: ImportedOrderData): Promise<ImportedOrderResult>;
  /**
   * For importing many orders: like createImportedOrder, but the caller has checked that customer, season, owner
   * and variants are the brand's, gives every unit price and the customer's addresses (for the snapshots).
   * Runs in `scope`'s unit of work (call it inside `scope.transaction`).
   */
  createImportedOrderPrechecked(
    scope: BrandScope,
    data: ImportedOrderData,
    customerAddresses: Address[],
  ): Promise<{ id: number; number: string; created: boolean }>;
  /**
   * createImportedOrderPrechecked for a page of orders in a few multi-row statements (one number lookup under the
   * brand lock). Each order is validated on its own: one that fails gets `{ ok: false, error }` (its BAD_USER_INPUT)
   * and nothing of it is written; the others are written in `scope`'s unit of work. Any other error is thrown and
   * the transaction is to be rolled back (the caller can then import the orders one by one).
   */
  createImportedOrdersPrechecked(
    scope: BrandScope,
    items: { data: ImportedOrderData; customerAddresses: Address[] }[],
  ): Promise<({ ok: true; id: number; number: string; created: boolean } | { ok: false; error: GraphQLError })[]>;
  /** Records that the platform changed an imported order after the import (nothing else changes). */
  flagPlatformModified(scope: BrandScope, orderId: number, at: Date): Promise<void>;
}

export interface UserReader {
  /** The brand's users. */
  list(scope: BrandScope): Promise<User[]>;
  /** One user; NOT_FOUND when it is not the brand's. */
  get(scope: BrandScope, id: number): Promise<User>;
}

/** The calling plugin's own per-brand settings (other connectors' settings are out of reach). */
export interface OwnSettings {
  /** Whether the brand has enabled this plugin (its module is in Brand.modules). */
  isEnabled(scope: BrandScope): Promise<boolean>;
  /** The stored values, unparsed, secrets still sealed (encrypted; `check` gives them decrypted): keys never set are absent. */
  raw(scope: BrandScope): Promise<Record<string, unknown>>;
  /**
   * Whether the stored values satisfy the declaration, the fields that are missing or invalid, and (when
   * complete) the values parsed by their schemas, defaults applied — what an operation gets as `ctx.settings`.
   */
  check(scope: BrandScope): Promise<{ complete: boolean; missing: string[]; values: Record<string, unknown> | null }>;
  /** Validates and stores values (null clears a field); bad input throws BAD_USER_INPUT and stores nothing. */
  update(scope: BrandScope, values: Record<string, unknown>): Promise<void>;
}

/** The calling plugin's persisted sync state for a brand (the same store as an operation's `ctx.state`). */
export interface OwnSyncState {
  get<T = unknown>(scope: BrandScope, key: string): Promise<T | undefined>;
  set(scope: BrandScope, key: string, value: unknown): Promise<void>;
  delete(scope: BrandScope, key: string): Promise<void>;
  list<T = unknown>(scope: BrandScope, prefix?: string): Promise<{ key: string; value: T }[]>;
}

/** The brand itself (its row is not brand-owned, so it is not reachable through a scope's repositories). */
export interface BrandReader {
  /** Whether the brand has a module enabled (Brand.modules), e.g. the core's "inventory". */
  hasModule(scope: BrandScope, module: string): Promise<boolean>;
}

/** What the host offers one plugin. */
export interface HostServices {
  /** HOST_API_VERSION of the host that built this port. */
  readonly version: string;
  brand: BrandReader;
  catalogue: CatalogueReader;
  seasons: SeasonReader;
  customers: CustomerPort;
  orders: OrderPort;
  users: UserReader;
  settings: OwnSettings;
  syncState: OwnSyncState;
}
