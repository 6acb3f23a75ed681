import { randomUUID } from "node:crypto";

/** Monotonic id counters shared by all accounts of one sandbox (persisted with the state). */
export interface IdCounters {
  product: number;
  sku: number;
  price: number;
  asset: number;
  collection: number;
  season: number;
  category: number;
  price_type: number;
  warehouse: number;
  retailer: number;
  connection: number;
  address: number;
  order: number;
  line: number;
  job: number;
  /** Sequence behind generated UPCs (admin catalogue generator). */
  upc: number;
}

export function initialCounters(): IdCounters {
  return {
    product: 5517000,
    sku: 18230000,
    price: 9100000,
    asset: 7300000,
    collection: 41000,
    season: 33600,
    category: 2000,
    price_type: 300,
    warehouse: 10,
    retailer: 880000,
    connection: 660000,
    address: 120000,
    order: 3400000,
    line: 52000000,
    job: 1000,
    upc: 0,
  };
}

export class IdGen {
  constructor(public counters: IdCounters = initialCounters()) {}

  next(kind: keyof IdCounters): number {
    this.counters[kind] += 1;
    return this.counters[kind];
  }

  nextString(kind: keyof IdCounters): string {
    return String(this.next(kind));
  }

  /** JOOR SKU ids are opaque base64 strings, e.g. "MHw1NTE3MDk1fDE4MjMwODYy" = base64("0|5517095|18230862"). */
  skuId(productId: string): string {
    return Buffer.from(`0|${productId}|${this.next("sku")}`).toString("base64");
  }
}

export function logId(): string {
  return randomUUID();
}
