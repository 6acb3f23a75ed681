import { groupByKey, sortGroupsById } from "../../api/batch";
import type { BrandScope } from "../../db/brand-scope";
import { brandTerm, placeholders } from "../../db/hot-rows";
import { InputProblems, notFound } from "../../api/errors";
import { parseId } from "../../api/ids";
import { currencyCode } from "../../domain/input-rules";
import { isDecimalString, parseMoney, toStoredMoney } from "../../domain/money";
import { Product } from "../../entities/product.entity";
import { ProductSeason } from "../../entities/product-season.entity";
import { Season } from "../../entities/season.entity";
import { SeasonPrice } from "../../entities/season-price.entity";
import { SetProductPriceInput } from "./catalogue.inputs";
import { upsertTransaction } from "./write-races";

/** Season visibility and season prices. A product is visible in a season when it has a visibility row. */
export class PriceService {
  /**
   * Prices of many products in one statement, through UQ_season_price (productId, …); `updatedAt` only when
   * asked for. Amounts are formatted in the currency's minor units once per row. Each product's prices are in id order.
   */
  async pricesByProduct(scope: BrandScope, productIds: readonly number[], withUpdatedAt = true): Promise<SeasonPrice[][]> {
    const rows = await scope.rows(
      `SELECT t.id, t.productId, t.seasonId, t.currency, t.wholesale, t.retail${withUpdatedAt ? ", t.updatedAt" : ""} FROM season_price t` +
        ` WHERE t.productId IN (${placeholders(productIds.length)}) AND ${brandTerm("t")}`,
      [...productIds, scope.brandId],
    );
    const updatedAt = withUpdatedAt ? scope.hydrator(SeasonPrice, "updatedAt") : undefined;
    const prices = rows.map((r) => {
      const price = new SeasonPrice();
      price.id = r[0] as number;
      price.brandId = scope.brandId;
      price.productId = r[1] as number;
      price.seasonId = r[2] as number;
      price.currency = r[3] as string;
      price.wholesale = String(r[4]);
      price.retail = r[5] === null ? null : String(r[5]);
      if (updatedAt) price.updatedAt = updatedAt(r[6]) as Date;
      price.formatAmounts();
      return price;
    });
    const groups = groupByKey(productIds, prices, (r) => r.productId);
    sortGroupsById(groups);
    return groups;
  }

  async visibilityByProduct(scope: BrandScope, productIds: readonly number[]): Promise<ProductSeason[][]> {
    const rows = await scope.rows(
      `SELECT t.id, t.productId, t.seasonId FROM product_season t WHERE t.productId IN (${placeholders(productIds.length)}) AND ${brandTerm("t")}`,
      [...productIds, scope.brandId],
    );
    const visibility = rows.map((r) => {
      const v = new ProductSeason();
      v.id = r[0] as number;
      v.brandId = scope.brandId;
      v.productId = r[1] as number;
      v.seasonId = r[2] as number;
      return v;
    });
    const groups = groupByKey(productIds, visibility, (r) => r.productId);
    sortGroupsById(groups);
    return groups;
  }

  /** Makes a product visible (or not) in a season. Hiding it also removes its prices for that season. */
  async setVisibility(scope: BrandScope, productIdRaw: string, seasonIdRaw: string, visible: boolean): Promise<boolean> {
    const { productId, seasonId } = await this.resolve(scope, productIdRaw, seasonIdRaw);
    await scope.transaction(async (tx) => {
      if (visible) {
        await tx.repo(ProductSeason).upsert({ productId, seasonId }, ["productId", "seasonId"]);
      } else {
        await tx.repo(SeasonPrice).delete({ productId, seasonId });
        await tx.repo(ProductSeason).delete({ productId, seasonId });
      }
    });
    return visible;
  }

  /** Sets the wholesale/retail price of a product in a season and currency; the product becomes visible there. */
  async setPrice(scope: BrandScope, input: SetProductPriceInput): Promise<SeasonPrice> {
    const p = new InputProblems();
    currencyCode(p, "currency", input.currency, true);
    moneyRule(p, "wholesale", input.wholesale);
    if (input.retail !== undefined && input.retail !== null) moneyRule(p, "retail", input.retail);
    p.throwIfAny();
    const { productId, seasonId } = await this.resolve(scope, input.productId, input.seasonId);
    return upsertTransaction(scope, async (tx) => {
      await tx.repo(ProductSeason).upsert({ productId, seasonId }, ["productId", "seasonId"]);
      const repo = tx.repo(SeasonPrice);
      const existing = await repo.findOneBy({ productId, seasonId, currency: input.currency });
      const price = existing ?? repo.create({ productId, seasonId, currency: input.currency });
      price.wholesale = toStoredMoney(input.wholesale);
      price.retail = input.retail === undefined || input.retail === null ? null : toStoredMoney(input.retail);
      return repo.save(price);
    });
  }

  async removePrice(scope: BrandScope, productIdRaw: string, seasonIdRaw: string, currency: string): Promise<boolean> {
    const { productId, seasonId } = await this.resolve(scope, productIdRaw, seasonIdRaw);
    const affected = await scope.repo(SeasonPrice).delete({ productId, seasonId, currency });
    if (!affected) throw notFound("Price", `${currency} of product ${productId} in season ${seasonId}`, "currency");
    return true;
  }

  private async resolve(scope: BrandScope, productIdRaw: string, seasonIdRaw: string): Promise<{ productId: number; seasonId: number }> {
    const productId = parseId(productIdRaw, "productId");
    const seasonId = parseId(seasonIdRaw, "seasonId");
    if (!(await scope.repo(Product).exists({ id: productId }))) throw notFound("Product", productId, "productId");
    if (!(await scope.repo(Season).exists({ id: seasonId }))) throw notFound("Season", seasonId, "seasonId");
    return { productId, seasonId };
  }
}

function moneyRule(p: InputProblems, field: string, value: string): void {
  if (!isDecimalString(value)) p.add(field, `"${value}" is not a decimal amount with at most 4 decimals (e.g. "49.50")`);
  else if (parseMoney(value) < 0n) p.add(field, "must not be negative");
}
