import type { BrandScope } from "../../db/brand-scope";
import { Address } from "../../entities/address.entity";
import { AddressFields, AddressType } from "../../entities/address-fields";
import { AddressInput } from "../customer/customer.inputs";
import { addressFields } from "../customer/address-rules";
import { OrderAddressData } from "./order-rules";

/** The postal fields of an address, as kept on an order. */
export type AddressSnapshot = Pick<AddressFields, keyof AddressFields>;

function fromCustomer(a: Address): AddressSnapshot {
  const { type, name, company, line1, line2, city, region, postalCode, countryCode, phone, email } = a;
  return { type, name, company, line1, line2, city, region, postalCode, countryCode, phone, email };
}

export function fromInput(a: OrderAddressData): AddressSnapshot {
  return addressFields(a as AddressInput);
}

/** The customer's default address of a type, else the first one, else none. */
function pick(addresses: Address[], type: AddressType): Address | undefined {
  const ofType = addresses.filter((a) => a.type === type);
  return ofType.find((a) => a.isDefault) ?? ofType[0];
}

/**
 * The snapshots for a new order: DELIVERY and ACCOUNTS from the given ones when present, otherwise copied
 * from the customer; STORE always from the customer's record. One statement.
 */
export async function snapshotsForNewOrder(scope: BrandScope, customerId: number, given: OrderAddressData[]): Promise<AddressSnapshot[]> {
  const customerAddresses = await scope.repo(Address).find({ where: { customerId }, order: { id: "ASC" } });
  return snapshotsFrom(customerAddresses, given);
}

/** The same rule, with the customer's addresses already loaded (in id order). */
export function snapshotsFrom(customerAddresses: Address[], given: OrderAddressData[]): AddressSnapshot[] {
  customerAddresses = [...customerAddresses].sort((a, b) => a.id - b.id);
  const out: AddressSnapshot[] = [];
  for (const type of ["DELIVERY", "ACCOUNTS", "STORE"] as const) {
    const explicit = type === "STORE" ? undefined : given.find((a) => a.type === type);
    if (explicit) out.push(fromInput(explicit));
    else {
      const fallback = pick(customerAddresses, type);
      if (fallback) out.push(fromCustomer(fallback));
    }
  }
  return out;
}
