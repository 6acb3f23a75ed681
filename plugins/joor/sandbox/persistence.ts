/**
 * Optional persistence of the whole sandbox to one JSON file. Writes go to a temporary file that
 * is renamed over the target, so a crash never leaves a half-written state file. Indexes are not
 * stored; they are rebuilt on load.
 */
import { readFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { IdGen, type IdCounters, initialCounters } from "./ids";
import { AccountState, DEFAULT_SETTINGS } from "./state/account";
import { SandboxState } from "./state/state";
import type { TokenRecord } from "./state/tokens";
import type {
  AccountSettings,
  Asset,
  BulkJob,
  Category,
  Collection,
  Connection,
  Credentials,
  InventoryRow,
  Order,
  Price,
  PriceType,
  Product,
  Retailer,
  Season,
  Sku,
  Warehouse,
} from "./types";

export const SNAPSHOT_FORMAT = "joor-sandbox-state";
export const SNAPSHOT_VERSION = 2;

export interface AccountSnapshot {
  id: string;
  name: string;
  credentials: Credentials;
  settings: AccountSettings;
  price_types: PriceType[];
  warehouses: Warehouse[];
  categories: Category[];
  retailers: Retailer[];
  connections: Connection[];
  products: Product[];
  skus: Sku[];
  prices: Price[];
  assets: Asset[];
  collections: Collection[];
  seasons: Season[];
  inventory: InventoryRow[];
  orders: Order[];
  jobs: BulkJob[];
}

export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  saved_at: string;
  default_account_id: string;
  clock_offset_ms: number;
  ids: IdCounters;
  token_secret: string;
  tokens: TokenRecord[];
  accounts: AccountSnapshot[];
}

export function toSnapshot(state: SandboxState): Snapshot {
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    saved_at: new Date().toISOString(),
    default_account_id: state.defaultAccountId,
    clock_offset_ms: state.clock.offset,
    ids: { ...state.ids.counters },
    token_secret: state.tokens.secret,
    tokens: [...state.tokens.records.values()].filter((t) => t.expires_at > state.now()),
    accounts: [...state.accounts.values()].map((a) => ({
      id: a.id,
      name: a.name,
      credentials: a.credentials,
      settings: a.settings,
      price_types: [...a.priceTypes.values()],
      warehouses: [...a.warehouses.values()],
      categories: [...a.categories.values()],
      retailers: [...a.retailers.values()],
      connections: [...a.connections.values()],
      products: [...a.products.values()],
      skus: [...a.skus.values()],
      prices: [...a.prices.values()],
      assets: [...a.assets.values()],
      collections: [...a.collections.values()],
      seasons: [...a.seasons.values()],
      inventory: [...a.inventory.values()].flatMap((m) => [...m.values()]),
      orders: [...a.orders.values()],
      jobs: [...a.jobs.values()],
    })),
  };
}

export function fromSnapshot(snap: Snapshot): SandboxState {
  if (snap?.format !== SNAPSHOT_FORMAT) throw new Error("not a JOOR sandbox state file");
  if (snap.version !== SNAPSHOT_VERSION) {
    throw new Error(
      `unsupported sandbox state version ${snap.version} (collections changed to JOOR's documented shape in version 2; delete the state file to start again)`,
    );
  }
  const state = new SandboxState();
  state.ids = new IdGen({ ...initialCounters(), ...snap.ids });
  state.clock.offset = snap.clock_offset_ms;
  state.defaultAccountId = snap.default_account_id;
  state.tokens.secret = snap.token_secret;
  for (const t of snap.tokens) state.tokens.records.set(t.token, t);
  for (const s of snap.accounts) {
    const a = new AccountState(s.id, s.name, s.credentials);
    a.settings = { ...DEFAULT_SETTINGS, ...s.settings };
    for (const x of s.price_types) a.priceTypes.set(x.id, x);
    for (const x of s.warehouses) a.warehouses.set(x.name, x);
    for (const x of s.categories) a.categories.set(x.id, x);
    for (const x of s.retailers) a.retailers.set(x.id, x);
    for (const x of s.connections) a.putConnection(x);
    for (const x of s.products) a.putProduct(x);
    for (const x of s.skus) a.putSku(x);
    for (const x of s.prices) a.putPrice(x);
    for (const x of s.assets) a.putAsset(x);
    for (const x of s.seasons ?? []) a.putSeason(x);
    for (const x of s.collections) a.putCollection(x);
    for (const x of s.inventory) a.putInventory(x);
    for (const x of s.orders) a.putOrder(x);
    for (const x of s.jobs) {
      a.jobs.set(x.id, x);
      if (x.status === "QUEUED") a.jobQueue.push(x.id);
    }
    a.jobQueue.sort((x, y) => Number(x) - Number(y));
    state.accounts.set(a.id, a);
  }
  return state;
}

/** Load a state file; null when it does not exist. */
export function loadStateFile(path: string): SandboxState | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
  return fromSnapshot(JSON.parse(text) as Snapshot);
}

let tmpCounter = 0;

export async function saveStateFile(path: string, state: SandboxState): Promise<void> {
  const text = JSON.stringify(toSnapshot(state));
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${++tmpCounter}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}
