import { OrderLine } from "../../src/entities/order-line.entity";
import { Order } from "../../src/entities/order.entity";
import { OrderAddress } from "../../src/entities/order-address.entity";
import { Product } from "../../src/entities/product.entity";
import { Season } from "../../src/entities/season.entity";
import { Variant } from "../../src/entities/variant.entity";
import { catalogueBuilder } from "../harness/fixtures";
import { GraphQLClient } from "../harness/graphql-client";
import { TestServer } from "../harness/test-server";

/** Test data for the order tests: catalogue rows straight through TypeORM, customers through the API. */

let serial = 0;

export interface Catalogue {
  season: Season;
  product: Product;
  variants: Variant[];
  /** A product of the same brand with no price in the season. */
  unpriced: Variant;
}

/** A season, a product in sizes S/M/L with barcodes and a wholesale price of 12.50 EUR / 10.00 GBP, and an unpriced product. */
export async function seedCatalogue(s: TestServer, brandId: number, tag = String(++serial)): Promise<Catalogue> {
  const build = catalogueBuilder(s.app.ds, brandId);
  const season = await build.season(`SS25 ${tag}`, "2025-01-15");
  const { product, variants } = await build.product(`ST-${tag}`, ["S", "M", "L"], { name: `Shirt ST-${tag}` });
  await build.prices(product.id, season.id, { EUR: ["12.5000", "30.0000"], GBP: ["10.0000", null] });
  const {
    variants: [unpriced],
  } = await build.product(`UP-${tag}`, ["OS"], { name: `Shirt UP-${tag}` });
  return { season, product, variants, unpriced };
}

export const address = <T extends string>(type: T, line1: string, extra: Record<string, unknown> = {}) => ({
  type,
  line1,
  city: "Paris",
  countryCode: "FR",
  ...extra,
});

/** A customer with two DELIVERY addresses (the second is the default), one ACCOUNTS and one STORE address. */
export async function createCustomer(client: GraphQLClient, name: string, currency: string | null = "EUR"): Promise<string> {
  const { createCustomer } = await client.ok(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
    input: {
      name,
      currency,
      addresses: [
        address("DELIVERY", "1 Rue A"),
        address("DELIVERY", "2 Rue Default", { isDefault: true }),
        address("ACCOUNTS", "3 Rue Compta"),
        address("STORE", "4 Rue Boutique"),
      ],
    },
  });
  return createCustomer.id;
}

export async function brandIdOf(client: GraphQLClient): Promise<number> {
  return Number((await client.ok(`{ brand { id } }`)).brand.id);
}

/** Rows in the order tables (all brands): the "nothing was written" check. */
export async function orderRowCounts(s: TestServer): Promise<{ orders: number; lines: number; addresses: number }> {
  const ds = s.app.ds;
  return {
    orders: await ds.getRepository(Order).count(),
    lines: await ds.getRepository(OrderLine).count(),
    addresses: await ds.getRepository(OrderAddress).count(),
  };
}

export const ORDER_FIELDS = `id number source externalId poNumber approved locked closed currency shipStart shipEnd notes createdAt updatedAt
  customer { id name } season { id } owner { id name }
  deliveryAddress { type line1 city countryCode } accountsAddress { type line1 } storeAddress { type line1 }
  lines { id quantity unitPrice lineTotal variant { id } } totalQuantity totalAmount`;

export const CREATE_ORDER = `mutation($input: CreateOrderInput!) { createOrder(input: $input) { ${ORDER_FIELDS} } }`;
