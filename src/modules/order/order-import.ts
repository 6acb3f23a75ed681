import { OrderAddressData } from "./order-rules";
import { Order } from "../../entities/order.entity";

/** What a connector passes to OrderService.createImportedOrder: ids already matched within the brand. */
export interface ImportedOrderData {
  /** MANUAL, or the importing plugin's own source name (upper case letters, digits, _; at most 20). */
  source: string;
  /** The platform's order id; (brand, source, externalId) is unique. */
  externalId: string;
  /** Default: generated (SO-000001…). */
  number?: string | null;
  poNumber?: string | null;
  customerId: number;
  seasonId?: number | null;
  ownerId?: number | null;
  approved: boolean;
  /** ISO 4217. */
  currency: string;
  shipStart?: string | null;
  shipEnd?: string | null;
  notes?: string | null;
  /** Order-level discount amount and shipping total (decimal strings ≥ 0); the total is Σ lines − discount + shipping. */
  discount?: string | null;
  shippingTotal?: string | null;
  /** Set when the platform reports the order changed after it was imported. */
  platformModifiedAt?: Date | null;
  /**
   * unitPrice: decimal string ≥ 0; default the product's wholesale price for the season and currency.
   * discount: an amount ≥ 0 taken off the whole line (quantity × unitPrice).
   */
  lines: { variantId: number; quantity: number; unitPrice?: string | null; discount?: string | null }[];
  /** Snapshots from the platform; absent ones are copied from the customer. STORE always comes from the customer. */
  deliveryAddress?: OrderAddressData | null;
  accountsAddress?: OrderAddressData | null;
}

export interface ImportedOrderResult {
  order: Order;
  /** false when an order with this source and externalId already existed (nothing was written). */
  created: boolean;
}
