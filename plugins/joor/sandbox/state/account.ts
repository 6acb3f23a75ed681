import type {
  AccountSettings,
  Asset,
  BulkJob,
  Category,
  Collection,
  Connection,
  Credentials,
  ExportBucket,
  InventoryRow,
  Order,
  OrderStatus,
  Price,
  PriceType,
  Product,
  Retailer,
  Season,
  Sku,
  Warehouse,
} from "../types";
import { SortedIdSet } from "./sorted-id-set";

export const DEFAULT_SETTINGS: AccountSettings = {
  order_required_fields: [],
  connection_visibility_delay_seconds: 0,
  video_enabled: false,
  bulk_job_delay_seconds: 0,
  messy_orders: false,
};

/** Cache of an array derived from a Map, rebuilt only when its version changes. */
class ListCache<T> {
  private version = -1;
  private items: T[] = [];
  get(version: number, build: () => T[]): T[] {
    if (version !== this.version) {
      this.items = build();
      this.version = version;
    }
    return this.items;
  }
}

function inventoryKey(warehouse: string, date: string | null): string {
  return `${warehouse}\u0000${date ?? ""}`;
}

/**
 * Everything one JOOR account holds, with the indexes that keep every lookup O(1) and order
 * paging proportional to the page, whatever the catalogue or order book size.
 */
export class AccountState {
  settings: AccountSettings = { ...DEFAULT_SETTINGS, order_required_fields: [] };

  readonly priceTypes = new Map<string, PriceType>();
  readonly warehouses = new Map<string, Warehouse>(); // by name (JOOR matches warehouses by name)
  readonly categories = new Map<string, Category>();
  readonly retailers = new Map<string, Retailer>();

  readonly connections = new Map<string, Connection>();
  readonly connectionsByCode = new Map<string, string>();

  readonly products = new Map<string, Product>();
  readonly productsByExternalId = new Map<string, string>();
  readonly productsByIdentifier = new Map<string, string>();

  readonly skus = new Map<string, Sku>();
  readonly skusByProduct = new Map<string, Set<string>>();
  readonly skusByUpc = new Map<string, string>();
  readonly skusByExternalId = new Map<string, string>();
  /** product_id \0 colour value \0 size value -> sku id (sizes are case-sensitive). */
  readonly skusByCombo = new Map<string, string>();

  readonly prices = new Map<string, Price>();
  readonly pricesBySkuType = new Map<string, string>();
  readonly pricesBySku = new Map<string, Set<string>>();

  readonly assets = new Map<string, Asset>();
  readonly assetsByProduct = new Map<string, Set<string>>();

  readonly collections = new Map<string, Collection>();
  readonly collectionsByExternalId = new Map<string, string>();
  readonly seasons = new Map<string, Season>();
  readonly seasonsByExternalId = new Map<string, string>();

  /** sku id -> (warehouse \0 date) -> row. */
  readonly inventory = new Map<string, Map<string, InventoryRow>>();
  inventoryRowCount = 0;

  readonly orders = new Map<number, Order>();
  /** sku id -> ids of the orders with a line for it (kept by putOrder). */
  private readonly ordersBySku = new Map<string, Set<number>>();
  private readonly orderSkuIds = new Map<number, string[]>();
  /** `${status}|${bucket}` -> ascending order ids. */
  private readonly orderBuckets = new Map<string, SortedIdSet>();
  ordersVersion = 0;
  /** Cached filtered id lists for read-only (sync=0) v2 order paging. */
  readonly orderQueryCache = new Map<string, { version: number; ids: number[] }>();

  readonly jobs = new Map<string, BulkJob>();
  /** Queued job ids, FIFO (JOOR processes bulk jobs in order). */
  readonly jobQueue: string[] = [];

  /** Last page served per paged route (for the duplicate_page fault). */
  readonly lastPages = new Map<string, unknown[]>();

  productsVersion = 0;
  skusVersion = 0;
  pricesVersion = 0;
  connectionsVersion = 0;
  private readonly productList = new ListCache<Product>();
  private readonly skuList = new ListCache<Sku>();
  private readonly priceList = new ListCache<Price>();
  private readonly connectionList = new ListCache<Connection>();

  constructor(
    public readonly id: string,
    public name: string,
    public credentials: Credentials,
  ) {}

  // ---- lists (stable order, O(page) slicing) ---------------------------------------------------
  productArray(): Product[] {
    return this.productList.get(this.productsVersion, () => [...this.products.values()]);
  }
  skuArray(): Sku[] {
    return this.skuList.get(this.skusVersion, () => [...this.skus.values()]);
  }
  priceArray(): Price[] {
    return this.priceList.get(this.pricesVersion, () => [...this.prices.values()]);
  }
  connectionArray(): Connection[] {
    return this.connectionList.get(this.connectionsVersion, () => [...this.connections.values()]);
  }

  // ---- reference data --------------------------------------------------------------------------
  defaultWarehouse(): Warehouse | undefined {
    for (const w of this.warehouses.values()) if (w.is_default) return w;
    return undefined;
  }

  priceTypeByName(name: string): PriceType | undefined {
    for (const p of this.priceTypes.values()) if (p.name === name) return p;
    return undefined;
  }

  // ---- connections -----------------------------------------------------------------------------
  putConnection(c: Connection): void {
    const prev = this.connections.get(c.id);
    if (prev && prev.customer_code !== c.customer_code) this.connectionsByCode.delete(prev.customer_code);
    this.connections.set(c.id, c);
    this.connectionsByCode.set(c.customer_code, c.id);
    this.connectionsVersion++;
  }

  deleteConnection(id: string): boolean {
    const c = this.connections.get(id);
    if (!c) return false;
    this.connections.delete(id);
    this.connectionsByCode.delete(c.customer_code);
    this.connectionsVersion++;
    return true;
  }

  connectionByCode(code: string): Connection | undefined {
    const id = this.connectionsByCode.get(code);
    return id === undefined ? undefined : this.connections.get(id);
  }

  // ---- products --------------------------------------------------------------------------------
  putProduct(p: Product): void {
    const prev = this.products.get(p.id);
    if (prev) {
      if (prev.external_id) this.productsByExternalId.delete(prev.external_id);
      if (prev.product_identifier) this.productsByIdentifier.delete(prev.product_identifier);
    } else {
      this.productsVersion++;
    }
    this.products.set(p.id, p);
    if (p.external_id) this.productsByExternalId.set(p.external_id, p.id);
    if (p.product_identifier) this.productsByIdentifier.set(p.product_identifier, p.id);
  }

  deleteProduct(id: string): boolean {
    const p = this.products.get(id);
    if (!p) return false;
    for (const skuId of [...(this.skusByProduct.get(id) ?? [])]) this.deleteSku(skuId);
    for (const assetId of [...(this.assetsByProduct.get(id) ?? [])]) this.deleteAsset(assetId);
    for (const c of this.collections.values()) {
      if (c.items.some((i) => i.product_id === id)) c.items = c.items.filter((i) => i.product_id !== id);
    }
    if (p.external_id) this.productsByExternalId.delete(p.external_id);
    if (p.product_identifier) this.productsByIdentifier.delete(p.product_identifier);
    this.products.delete(id);
    this.skusByProduct.delete(id);
    this.productsVersion++;
    return true;
  }

  // ---- collections and seasons ----------------------------------------------------------------
  putCollection(c: Collection): void {
    const prev = this.collections.get(c.id);
    if (prev && this.collectionsByExternalId.get(prev.external_id) === prev.id) this.collectionsByExternalId.delete(prev.external_id);
    this.collections.set(c.id, c);
    this.collectionsByExternalId.set(c.external_id, c.id);
  }

  putSeason(x: Season): void {
    const prev = this.seasons.get(x.id);
    if (prev?.external_id && this.seasonsByExternalId.get(prev.external_id) === prev.id) this.seasonsByExternalId.delete(prev.external_id);
    this.seasons.set(x.id, x);
    if (x.external_id) this.seasonsByExternalId.set(x.external_id, x.id);
  }

  /** Collections a product is in (admin read views; scans the collections, which are few). */
  collectionsOf(productId: string): Collection[] {
    return [...this.collections.values()].filter((c) => c.items.some((i) => i.product_id === productId));
  }

  // ---- skus ------------------------------------------------------------------------------------
  static comboKey(productId: string, color: string, size: string): string {
    return `${productId}\u0000${color}\u0000${size}`;
  }

  static upcOf(s: Sku): string | null {
    const id = s.identifiers.find((i) => i.type === "UPC") ?? s.identifiers.find((i) => i.type === "EAN" || i.type === "GTIN");
    return id ? id.value : null;
  }

  private unindexSku(s: Sku): void {
    for (const i of s.identifiers) if (i.type !== "MPN" && this.skusByUpc.get(i.value) === s.id) this.skusByUpc.delete(i.value);
    if (s.external_id && this.skusByExternalId.get(s.external_id) === s.id) this.skusByExternalId.delete(s.external_id);
    const combo = AccountState.comboKey(s.product_id, s.color.value, s.size.value);
    if (this.skusByCombo.get(combo) === s.id) this.skusByCombo.delete(combo);
  }

  putSku(s: Sku): void {
    const prev = this.skus.get(s.id);
    if (prev) this.unindexSku(prev);
    else this.skusVersion++;
    this.skus.set(s.id, s);
    let set = this.skusByProduct.get(s.product_id);
    if (!set) this.skusByProduct.set(s.product_id, (set = new Set()));
    set.add(s.id);
    for (const i of s.identifiers) if (i.type !== "MPN") this.skusByUpc.set(i.value, s.id);
    if (s.external_id) this.skusByExternalId.set(s.external_id, s.id);
    this.skusByCombo.set(AccountState.comboKey(s.product_id, s.color.value, s.size.value), s.id);
  }

  deleteSku(id: string): boolean {
    const s = this.skus.get(id);
    if (!s) return false;
    this.unindexSku(s);
    this.skus.delete(id);
    for (const c of this.collections.values()) {
      for (const it of c.items) if (it.product_id === s.product_id && it.sku_ids?.includes(id)) it.sku_ids = it.sku_ids.filter((x) => x !== id);
    }
    this.skusByProduct.get(s.product_id)?.delete(id);
    for (const priceId of [...(this.pricesBySku.get(id) ?? [])]) this.deletePrice(priceId);
    if (this.inventory.has(id)) {
      this.inventoryRowCount -= this.inventory.get(id)?.size ?? 0;
      this.inventory.delete(id);
    }
    this.skusVersion++;
    return true;
  }

  skuByUpc(upc: string): Sku | undefined {
    const id = this.skusByUpc.get(upc);
    return id === undefined ? undefined : this.skus.get(id);
  }

  productSkus(productId: string): Sku[] {
    const out: Sku[] = [];
    for (const id of this.skusByProduct.get(productId) ?? []) {
      const s = this.skus.get(id);
      if (s) out.push(s);
    }
    return out;
  }

  // ---- prices ----------------------------------------------------------------------------------
  static priceKey(skuId: string, priceTypeId: string): string {
    return `${skuId}\u0000${priceTypeId}`;
  }

  putPrice(p: Price): void {
    if (!this.prices.has(p.id)) this.pricesVersion++;
    this.prices.set(p.id, p);
    this.pricesBySkuType.set(AccountState.priceKey(p.sku_id, p.price_type_id), p.id);
    let set = this.pricesBySku.get(p.sku_id);
    if (!set) this.pricesBySku.set(p.sku_id, (set = new Set()));
    set.add(p.id);
  }

  deletePrice(id: string): void {
    const p = this.prices.get(id);
    if (!p) return;
    this.prices.delete(id);
    this.pricesBySkuType.delete(AccountState.priceKey(p.sku_id, p.price_type_id));
    this.pricesBySku.get(p.sku_id)?.delete(id);
    this.pricesVersion++;
  }

  priceFor(skuId: string, priceTypeId: string): Price | undefined {
    const id = this.pricesBySkuType.get(AccountState.priceKey(skuId, priceTypeId));
    return id === undefined ? undefined : this.prices.get(id);
  }

  // ---- assets ----------------------------------------------------------------------------------
  putAsset(a: Asset): void {
    this.assets.set(a.id, a);
    let set = this.assetsByProduct.get(a.product_id);
    if (!set) this.assetsByProduct.set(a.product_id, (set = new Set()));
    set.add(a.id);
  }

  deleteAsset(id: string): void {
    const a = this.assets.get(id);
    if (!a) return;
    this.assets.delete(id);
    this.assetsByProduct.get(a.product_id)?.delete(id);
  }

  productAssets(productId: string): Asset[] {
    const out: Asset[] = [];
    for (const id of this.assetsByProduct.get(productId) ?? []) {
      const a = this.assets.get(id);
      if (a) out.push(a);
    }
    return out.sort((x, y) => x.display_order - y.display_order || Number(x.id) - Number(y.id));
  }

  // ---- inventory -------------------------------------------------------------------------------
  putInventory(row: InventoryRow): void {
    let m = this.inventory.get(row.sku_id);
    if (!m) this.inventory.set(row.sku_id, (m = new Map()));
    const key = inventoryKey(row.warehouse, row.inventory_date);
    if (!m.has(key)) this.inventoryRowCount++;
    m.set(key, row);
  }

  clearInventory(): void {
    this.inventory.clear();
    this.inventoryRowCount = 0;
  }

  clearSkuWarehouse(skuId: string, warehouse: string): void {
    const m = this.inventory.get(skuId);
    if (!m) return;
    for (const [k, row] of m) {
      if (row.warehouse === warehouse) {
        m.delete(k);
        this.inventoryRowCount--;
      }
    }
  }

  // ---- orders ----------------------------------------------------------------------------------
  private bucket(status: OrderStatus, b: ExportBucket): SortedIdSet {
    const key = `${status}|${b}`;
    let s = this.orderBuckets.get(key);
    if (!s) this.orderBuckets.set(key, (s = new SortedIdSet()));
    return s;
  }

  bucketsFor(statuses: OrderStatus[], buckets: ExportBucket[]): SortedIdSet[] {
    const out: SortedIdSet[] = [];
    for (const st of statuses) for (const b of buckets) out.push(this.bucket(st, b));
    return out;
  }

  /** Insert or re-index an order; `prev` is its status/bucket before the change. */
  putOrder(o: Order, prev?: { status: OrderStatus; bucket: ExportBucket }): void {
    if (prev) this.bucket(prev.status, prev.bucket).delete(o.id);
    this.orders.set(o.id, o);
    for (const s of this.orderSkuIds.get(o.id) ?? []) this.ordersBySku.get(s)?.delete(o.id);
    const skus = [...new Set(o.lines.map((l) => l.sku_id).filter((x): x is string => x !== null))];
    for (const s of skus) {
      let set = this.ordersBySku.get(s);
      if (!set) this.ordersBySku.set(s, (set = new Set()));
      set.add(o.id);
    }
    this.orderSkuIds.set(o.id, skus);
    this.bucket(o.status, o.export_bucket).add(o.id);
    this.ordersVersion++;
  }

  /** Apply a mutation to an order while keeping the bucket index right. */
  updateOrder(o: Order, mutate: (o: Order) => void): void {
    const prev = { status: o.status, bucket: o.export_bucket };
    mutate(o);
    this.putOrder(o, prev);
  }

  /** Orders with a line for any of these SKUs (index lookup, no scan of the order book). */
  ordersWithSkus(skuIds: Iterable<string>): Order[] {
    const ids = new Set<number>();
    for (const s of skuIds) for (const id of this.ordersBySku.get(s) ?? []) ids.add(id);
    return [...ids].sort((a, b) => a - b).map((id) => this.orders.get(id) as Order);
  }

  touchOrders(): void {
    this.ordersVersion++;
  }
}
