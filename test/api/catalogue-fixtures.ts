import { freshBarcode } from "../harness/fixtures";
import { GraphQLClient } from "../harness/graphql-client";

let counter = 0;

export const CREATE_PRODUCT = `mutation($input: CreateProductInput!) { createProduct(input: $input) {
  id styleNumber colourCode colourName name active sizes variants { id size position barcode active } } }`;

export function productInput(overrides: Record<string, unknown> = {}) {
  return {
    styleNumber: `ST${counter++}`,
    colourCode: "BLK",
    colourName: "Black",
    name: "Wool Coat",
    category: "Outerwear",
    composition: "100% Wool",
    countryOfOrigin: "PT",
    sizes: [
      { size: "S", barcode: freshBarcode() },
      { size: "M", barcode: freshBarcode() },
      { size: "L", barcode: freshBarcode() },
    ],
    ...overrides,
  };
}

export async function createProduct(client: GraphQLClient, overrides: Record<string, unknown> = {}) {
  return (await client.ok(CREATE_PRODUCT, { input: productInput(overrides) })).createProduct;
}

export async function createSeason(client: GraphQLClient, name: string, startDate: string) {
  return (await client.ok(`mutation($i: CreateSeasonInput!) { createSeason(input: $i) { id name } }`, { i: { name, startDate } })).createSeason;
}
