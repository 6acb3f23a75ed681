import { DataSource } from "typeorm";
import { withCheckDigit } from "../../src/domain/barcode";
import { Product } from "../../src/entities/product.entity";
import { ProductSeason } from "../../src/entities/product-season.entity";
import { SeasonPrice } from "../../src/entities/season-price.entity";
import { Season } from "../../src/entities/season.entity";
import { Variant } from "../../src/entities/variant.entity";

/**
 * The test data every suite shares: one barcode generator and one catalogue builder (rows straight through
 * TypeORM, for tests about something else than the catalogue API; the catalogue's own tests go through GraphQL).
 */

let serial = 0;
const processTag = String(process.pid % 100).padStart(2, "0");

/** A fresh valid EAN-13, never the same twice in a test process (body 49·pid·serial; `ean13(n)` bodies start 4000). */
export function freshBarcode(): string {
  return withCheckDigit(`49${processTag}${String(++serial).padStart(8, "0")}`);
}

/** A fresh valid 12-digit UPC-A, never the same twice in a test process (same serial as `freshBarcode`). */
export function freshUpc(): string {
  return withCheckDigit(`0${processTag}${String(++serial).padStart(8, "0")}`);
}

/** The valid EAN-13 numbered `n` (the same every run: for data a test spells out, e.g. a seeded JOOR catalogue). */
export function ean13(n: number): string {
  return withCheckDigit(
    String(400_000_000_000 + n)
      .padStart(12, "0")
      .slice(-12),
  );
}

export interface ProductOptions {
  colourCode?: string;
  colourName?: string;
  name?: string;
  /** Sizes that get no barcode. */
  noBarcode?: string[];
}

/** Catalogue rows of one brand. */
export function catalogueBuilder(ds: DataSource, brandId: number) {
  return {
    season: (name: string, startDate: string, code: string | null = null): Promise<Season> =>
      ds.getRepository(Season).save(ds.getRepository(Season).create({ brandId, name, code, startDate, active: true })),

    /** An active product with the sizes in order, each with a fresh barcode unless `noBarcode` lists it. */
    product: async (styleNumber: string, sizes = ["S", "M", "L"], o: ProductOptions = {}): Promise<{ product: Product; variants: Variant[] }> => {
      const product = await ds.getRepository(Product).save(
        ds.getRepository(Product).create({
          brandId,
          styleNumber,
          colourCode: o.colourCode ?? "BLK",
          colourName: o.colourName ?? "Black",
          name: o.name ?? `Style ${styleNumber}`,
          active: true,
        }),
      );
      const variants = await ds.getRepository(Variant).save(
        sizes.map((size, position) =>
          ds.getRepository(Variant).create({
            brandId,
            productId: product.id,
            size,
            position,
            barcode: o.noBarcode?.includes(size) ? null : freshBarcode(),
            active: true,
          }),
        ),
      );
      return { product, variants };
    },

    /** Season prices by currency: [wholesale, retail]. */
    prices: async (productId: number, seasonId: number, prices: Record<string, [string, string | null]>): Promise<void> => {
      await ds
        .getRepository(SeasonPrice)
        .save(
          Object.entries(prices).map(([currency, [wholesale, retail]]) =>
            ds.getRepository(SeasonPrice).create({ brandId, productId, seasonId, currency, wholesale, retail }),
          ),
        );
    },

    /** Shows the product in the season (the JOOR export sends only products of a season). */
    showInSeason: async (productId: number, seasonId: number): Promise<void> => {
      await ds.getRepository(ProductSeason).save({ brandId, productId, seasonId });
    },
  };
}
