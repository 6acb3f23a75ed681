import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { RequestContext } from "../../api/context";
import { currencyDigits } from "../../domain/codes";
import { formatUnits, parseMoney } from "../../domain/money";
import { OrderLine } from "../../entities/order-line.entity";
import { Variant } from "../../entities/variant.entity";
import { variantLoader } from "../catalogue/catalogue.loaders";

const STORED_DECIMALS = 4;

/** Minor units of the line's currency (lines get the order's currency from the order resolver). */
function digitsOf(currency: string | undefined): number {
  return currency ? currencyDigits(currency) : 2;
}

/** quantity × unitPrice − the line's discount, rounded (half away from zero) to the currency's minor units, as units of 1/10,000. */
export function lineTotalUnits(line: Pick<OrderLine, "unitPrice" | "quantity" | "discount">, currency: string | undefined): bigint {
  const exact = parseMoney(line.unitPrice) * BigInt(line.quantity) - (line.discount ? parseMoney(line.discount) : 0n);
  return roundUnits(exact, digitsOf(currency));
}

const DROP = [10000n, 1000n, 100n, 10n, 1n];

/** Units of 1/10,000 rounded (half away from zero) to `digits` decimals, still in units of 1/10,000. */
function roundUnits(units: bigint, digits: number): bigint {
  const drop = DROP[Math.max(0, Math.min(4, digits))];
  if (drop === 1n) return units;
  const abs = units < 0n ? -units : units;
  const rounded = ((abs + drop / 2n) / drop) * drop;
  return units < 0n ? -rounded : rounded;
}

/** A unit price in the currency's minor units, keeping extra stored decimals when they matter ("12.345"). */
export function formatUnitPrice(stored: string, currency: string | undefined): string {
  const digits = digitsOf(currency);
  const full = formatUnits(parseMoney(stored), STORED_DECIMALS);
  const [whole, fraction = ""] = full.split(".");
  const kept = fraction.replace(/0+$/, "").padEnd(digits, "0");
  return kept ? `${whole}.${kept}` : whole;
}

@Resolver(() => OrderLine)
export class OrderLineResolver {
  @FieldResolver(() => Variant)
  async variant(@Root() line: OrderLine, @Ctx() ctx: RequestContext): Promise<Variant> {
    const variant = await variantLoader(ctx).load(line.variantId);
    if (!variant) throw new Error(`Variant ${line.variantId} of order line ${line.id} is missing`);
    return variant;
  }

  @FieldResolver(() => String, { description: "Decimal string in the order's currency (at least its minor units)" })
  unitPrice(@Root() line: OrderLine): string {
    return formatUnitPrice(line.unitPrice, line.currency);
  }

  @FieldResolver(() => String, { nullable: true, description: "Discount on the whole line, in the order's currency; null = none" })
  discount(@Root() line: OrderLine): string | null {
    return line.discount === null || line.discount === undefined ? null : formatUnits(parseMoney(line.discount), digitsOf(line.currency));
  }

  @FieldResolver(() => String, { description: "quantity × unitPrice − discount, rounded to the currency's minor units" })
  lineTotal(@Root() line: OrderLine): string {
    return formatUnits(lineTotalUnits(line, line.currency), digitsOf(line.currency));
  }
}
