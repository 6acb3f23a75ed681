/** A clean JOOR v2 order record (the sandbox's shape) to start unit tests from; override what a test needs. */
export function rawOrder(over: Record<string, unknown> = {}, lines?: Record<string, unknown>[]): Record<string, unknown> {
  return {
    order_id: 50001, order_type: 6, order_status: "APPROVED", order_season_name: "AUTUMN/WINTER 20", order_season_code: "AW20",
    order_currency: "EUR", order_discount: "0.00", order_discount_percent: "0.00", order_shipping_total: "0.00", order_total: "55.00",
    order_comments: "Please pack by size", order_internal_comments: "", date_modified: "2026-11-30T10:00:00.000Z",
    date_ship_start: "2026-08-01", date_ship_end: "2026-09-15", customer_code: " ACME01 ", customer_name: "Acme",
    customer_purchase_order: "PO-778",
    shipping_code: "D1", shipping_name: "Acme Store", shipping_company: "", shipping_phone: "", shipping_email: "",
    shipping_address_1: "1 High St", shipping_address_2: "", shipping_city: "London", shipping_region: "", shipping_postal_code: "SW1A 1AA",
    shipping_country: "United Kingdom", shipping_country_iso_two: "GB", shipping_country_iso_three: "",
    billing_code: "", billing_name: "", billing_address_1: "", billing_address_2: "", billing_city: "", billing_region: "",
    billing_postal_code: "", billing_country: "", billing_country_iso_two: "", billing_phone: "",
    line_items: lines ?? [
      { line_id: "1", item_upc: "012345678905", item_quantity: 2, item_price: "10.00", item_unit_price: "10.00", item_price_adjustment: "0.00", item_price_extended: "20.00", item_number: "ST1", item_color: "Black", item_size: "S" },
      { line_id: "2", item_upc: "4006381333931", item_quantity: 1, item_price: "35.00", item_unit_price: "35.00", item_price_adjustment: "0.00", item_price_extended: "35.00", item_number: "ST2", item_color: "Navy", item_size: "M" },
    ],
    ...over,
  };
}
