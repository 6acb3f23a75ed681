import { randomInt } from "node:crypto";
import { withCheckDigit } from "../../src/domain/barcode";
import type { TestServer } from "../harness/test-server";

/** What the seed needs of a server: its admin client (a TestServer, or a client of a server in another process). */
export type SeedTarget = Pick<TestServer, "admin">;

export interface SeedCatalogueOptions {
  /** Active products with a three-size run, style numbers CONF-01, CONF-02, … (default 12). */
  products?: number;
  /** Active customers with one address, account codes CUST-01, … (default 3). */
  customers?: number;
}

const PRODUCT = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id styleNumber } }`;
const CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id accountCode } }`;
const two = (i: number) => String(i).padStart(2, "0");

/**
 * A conformance `seed` for exporting connectors: gives the test brand a catalogue and customers through the API,
 * so that an export has records to process (`seed: (s) => seedCatalogue(s)`).
 */
export async function seedCatalogue(server: SeedTarget, o: SeedCatalogueOptions = {}): Promise<{ styleNumbers: string[]; accountCodes: string[] }> {
  const prefix = String(randomInt(100, 999)); // barcodes are unique per brand; one brand per suite
  const styleNumbers: string[] = [];
  for (let i = 1; i <= (o.products ?? 12); i++) {
    const sizes = ["S", "M", "L"].map((size, j) => ({ size, barcode: withCheckDigit(`40${prefix}${String(i * 10 + j).padStart(7, "0")}`) }));
    const input = { styleNumber: `CONF-${two(i)}`, colourCode: "BLK", colourName: "Black", name: `Conformance coat ${i}`, category: "Outerwear", sizes };
    styleNumbers.push((await server.admin.ok(PRODUCT, { input })).createProduct.styleNumber);
  }
  const accountCodes: string[] = [];
  for (let i = 1; i <= (o.customers ?? 3); i++) {
    const addresses = [{ type: "DELIVERY", line1: `${i} Main Street`, city: "Porto", postalCode: "4000-001", countryCode: "PT" }];
    const input = { name: `Conformance customer ${i}`, accountCode: `CUST-${two(i)}`, email: `buyer${i}@conformance.test`, addresses };
    accountCodes.push((await server.admin.ok(CUSTOMER, { input })).createCustomer.accountCode);
  }
  return { styleNumbers, accountCodes };
}
