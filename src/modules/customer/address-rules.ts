import { InputProblems } from "../../api/errors";
import { clean, countryCode, optionalEmail, optionalText, requiredText } from "../../domain/input-rules";
import { AddressFields } from "../../entities/address-fields";
import { AddressInput } from "./customer.inputs";

/** Validates an address input; problems are reported under `prefix.field`. */
export function validateAddress(p: InputProblems, prefix: string, a: AddressInput): void {
  requiredText(p, `${prefix}.line1`, a.line1, 200);
  requiredText(p, `${prefix}.city`, a.city, 100);
  countryCode(p, `${prefix}.countryCode`, a.countryCode, true);
  optionalText(p, `${prefix}.name`, a.name, 200);
  optionalText(p, `${prefix}.company`, a.company, 200);
  optionalText(p, `${prefix}.line2`, a.line2, 200);
  optionalText(p, `${prefix}.region`, a.region, 100);
  optionalText(p, `${prefix}.postalCode`, a.postalCode, 20);
  optionalText(p, `${prefix}.phone`, a.phone, 50);
  optionalEmail(p, `${prefix}.email`, a.email);
}

/** The stored fields of a validated address input. */
export function addressFields(a: AddressInput): Omit<AddressFields, never> {
  return {
    type: a.type,
    name: clean(a.name),
    company: clean(a.company),
    line1: a.line1.trim(),
    line2: clean(a.line2),
    city: a.city.trim(),
    region: clean(a.region),
    postalCode: clean(a.postalCode),
    countryCode: a.countryCode,
    phone: clean(a.phone),
    email: clean(a.email),
  };
}
