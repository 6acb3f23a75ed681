import { DataSource } from "typeorm";
import { groupByKey, sortGroupsById } from "../../api/batch";
import { brandTerm, columnHydrator, placeholders, selectRows } from "../../db/hot-rows";
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
  constructor(private readonly ds: DataSource) {}

  /**
   * Prices of many products in one statement, through UQ_season_price (productId, …); `updatedAt` only when
   * asked for. Amounts are formatted in the currency's minor units once per row. Each product's prices are in id order.
   */
  async pricesByProduct(brandId: number, productIds: readonly number[], withUpdatedAt = true): Promise<SeasonPrice[][]> {
    const rows = await selectRows(this.ds,
      `SELECT t.id, t.productId, t.seasonId, t.currency, t.wholesale, t.retail${withUpdatedAt ? ", t.updatedAt" : ""} FROM season_price t` +
        ` WHERE t.productId IN (${placeholders(productIds.length)}) AND ${brandTerm("t")}`,
      [...productIds, brandId],
    );
    const updatedAt = withUpdatedAt ? columnHydrator(this.ds, SeasonPrice, "updatedAt") : undefined;
    const prices = rows.map((r) => {
      const price = new SeasonPrice();
      price.id = r[0] as number;
      price.brandId = brandId;
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

  async visibilityByProduct(brandId: number, productIds: readonly number[]): Promise<ProductSeason[][]> {
    const rows = await selectRows(this.ds,
      `SELECT t.id, t.productId, t.seasonId FROM product_season t WHERE t.productId IN (${placeholders(productIds.length)}) AND ${brandTerm("t")}`,
      [...productIds, brandId],
    );
    const visibility = rows.map((r) => {
      const v = new ProductSeason();
      v.id = r[0] as number;
      v.brandId = brandId;
      v.productId = r[1] as number;
      v.seasonId = r[2] as number;
      return v;
    });
    const groups = groupByKey(productIds, visibility, (r) => r.productId);
    sortGroupsById(groups);
    return groups;
  }

  /** Makes a product visible (or not) in a season. Hiding it also removes its prices for that season. */
  async setVisibility(brandId: number, productIdRaw: string, seasonIdRaw: string, visible: boolean): Promise<boolean> {
    const { productId, seasonId } = await this.resolve(brandId, productIdRaw, seasonIdRaw);
    await this.ds.transaction(async (m) => {
      if (visible) {
        await m.getRepository(ProductSeason).upsert({ brandId, productId, seasonId }, { conflictPaths: ["productId", "seasonId"] });
      } else {
        await m.getRepository(SeasonPrice).delete({ brandId, productId, seasonId });
        await m.getRepository(ProductSeason).delete({ brandId, productId, seasonId });
      }
    });
    return visible;
  }

  /** Sets the wholesale/retail price of a product in a season and currency; the product becomes visible there. */
  async setPrice(brandId: number, input: SetProductPriceInput): Promise<SeasonPrice> {
    const p = new InputProblems();
    currencyCode(p, "currency", input.currency, true);
    moneyRule(p, "wholesale", input.wholesale);
    if (input.retail !== undefined && input.retail !== null) moneyRule(p, "retail", input.retail);
    p.throwIfAny();
    const { productId, seasonId } = await this.resolve(brandId, input.productId, input.seasonId);
    return upsertTransaction(this.ds, async (m) => {
      await m.getRepository(ProductSeason).upsert({ brandId, productId, seasonId }, { conflictPaths: ["productId", "seasonId"] });
      const repo = m.getRepository(SeasonPrice);
      const existing = await repo.findOneBy({ productId, seasonId, currency: input.currency });
      const price = existing ?? repo.create({ brandId, productId, seasonId, currency: input.currency });
      price.wholesale = toStoredMoney(input.wholesale);
      price.retail = input.retail === undefined || input.retail === null ? null : toStoredMoney(input.retail);
      return repo.save(price);
    });
  }

  async removePrice(brandId: number, productIdRaw: string, seasonIdRaw: string, currency: string): Promise<boolean> {
    const { productId, seasonId } = await this.resolve(brandId, productIdRaw, seasonIdRaw);
    const result = await this.ds.getRepository(SeasonPrice).delete({ brandId, productId, seasonId, currency });
    if (!result.affected) throw notFound("Price", `${currency} of product ${productId} in season ${seasonId}`, "currency");
    return true;
  }

  private async resolve(brandId: number, productIdRaw: string, seasonIdRaw: string): Promise<{ productId: number; seasonId: number }> {
    const productId = parseId(productIdRaw, "productId");
    const seasonId = parseId(seasonIdRaw, "seasonId");
    if (!(await this.ds.getRepository(Product).existsBy({ id: productId, brandId }))) throw notFound("Product", productId, "productId");
    if (!(await this.ds.getRepository(Season).existsBy({ id: seasonId, brandId }))) throw notFound("Season", seasonId, "seasonId");
    return { productId, seasonId };
  }
}

function moneyRule(p: InputProblems, field: string, value: string): void {
  if (!isDecimalString(value)) p.add(field, `"${value}" is not a decimal amount with at most 4 decimals (e.g. "49.50")`);
  else if (parseMoney(value) < 0n) p.add(field, "must not be negative");
}
