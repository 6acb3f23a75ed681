import sharp from "sharp";
import type { DataSource } from "typeorm";
import { withCheckDigit } from "../../src/domain/barcode";
import { Address } from "../../src/entities/address.entity";
import { Customer } from "../../src/entities/customer.entity";
import { Product } from "../../src/entities/product.entity";
import { ProductSeason } from "../../src/entities/product-season.entity";
import { ProductionDocketLine } from "../../src/entities/production-docket-line.entity";
import { Season } from "../../src/entities/season.entity";
import { SeasonPrice } from "../../src/entities/season-price.entity";
import { StockLevel } from "../../src/entities/stock-level.entity";
import { Variant } from "../../src/entities/variant.entity";
import type { ImageService } from "../../src/modules/images/images.service";
import { BrandScope } from "../../src/db/brand-scope";

const SIZES = ["XS", "S", "M", "L", "XL", "XXL", "3XL", "4XL"];

async function insertChunks(ds: DataSource, target: Function, rows: object[], chunk = 400): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await ds
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(i, i + chunk) as never)
      .updateEntity(false)
      .execute();
  }
}

/**
 * A large catalogue straight into the database (bulk inserts), for the JOOR export benches: `products`
 * products × 8 sizes with GS1 barcodes, two seasons with prices in EUR and USD, stock in both, docket dates,
 * `customers` active customers with a delivery and an accounts address, Image 1 on `images` products.
 */
export async function seedJoorCatalogue(
  ds: DataSource,
  brandId: number,
  options: { products: number; customers: number; images: number; imagesService?: ImageService },
): Promise<{ seasonIds: number[]; variants: number }> {
  const seasons = await ds.getRepository(Season).save([
    { brandId, name: "AUTUMN/WINTER 26", code: "AW26", startDate: "2026-02-01", active: true },
    { brandId, name: "SPRING/SUMMER 27", code: "SS27", startDate: "2026-08-01", active: true },
  ]);
  const seasonIds = seasons.map((s) => s.id);
  const batch = 1000;
  let variants = 0;
  for (let start = 0; start < options.products; start += batch) {
    const n = Math.min(batch, options.products - start);
    const products = Array.from({ length: n }, (_, k) => ({
      brandId,
      styleNumber: `B${String(start + k).padStart(6, "0")}`,
      colourCode: "BLK",
      colourName: "Black",
      name: `Bench style ${start + k}`,
      active: true,
    }));
    await insertChunks(ds, Product, products);
    const saved = (await ds.query(`SELECT id, styleNumber FROM product WHERE brandId = ? AND styleNumber >= ? AND styleNumber <= ? ORDER BY id`, [
      brandId,
      products[0].styleNumber,
      products[n - 1].styleNumber,
    ])) as { id: number; styleNumber: string }[];
    const vrows: object[] = [];
    const ps: object[] = [];
    const prices: object[] = [];
    const dockets: object[] = [];
    for (const p of saved) {
      const idx = Number(p.styleNumber.slice(1));
      SIZES.forEach((size, position) =>
        vrows.push({
          brandId,
          productId: p.id,
          size,
          position,
          barcode: withCheckDigit(`4${String(idx).padStart(7, "0")}${String(position).padStart(4, "0")}`),
          active: true,
        }),
      );
      for (const seasonId of seasonIds) {
        ps.push({ brandId, productId: p.id, seasonId });
        for (const currency of ["EUR", "USD"])
          prices.push({ brandId, productId: p.id, seasonId, currency, wholesale: String(40 + (idx % 50) + seasonId), retail: String(100 + (idx % 50)) });
        dockets.push({ brandId, productId: p.id, seasonId, lineStartDate: seasonId === seasonIds[0] ? "2027-01-15" : "2027-03-01", quantity: 100 });
      }
    }
    await insertChunks(ds, Variant, vrows);
    await insertChunks(ds, ProductSeason, ps);
    await insertChunks(ds, SeasonPrice, prices);
    await insertChunks(ds, ProductionDocketLine, dockets);
    const vids = (await ds.query(`SELECT id FROM variant WHERE brandId = ? AND productId >= ? AND productId <= ?`, [
      brandId,
      saved[0].id,
      saved[saved.length - 1].id,
    ])) as { id: number }[];
    variants += vids.length;
    const stock: object[] = [];
    for (const v of vids)
      for (const seasonId of seasonIds) stock.push({ brandId, variantId: v.id, seasonId, availableToSell: (v.id % 7) + seasonId, projected: v.id % 5 });
    await insertChunks(ds, StockLevel, stock);
  }
  const customers = Array.from({ length: options.customers }, (_, i) => ({
    brandId,
    name: `Bench shop ${i}`,
    accountCode: `BC${String(i).padStart(5, "0")}`,
    status: "ACTIVE",
    currency: "EUR",
  }));
  await insertChunks(ds, Customer, customers);
  const cids = (await ds.query(`SELECT id FROM customer WHERE brandId = ? ORDER BY id`, [brandId])) as { id: number }[];
  const addresses: object[] = [];
  for (const c of cids) {
    addresses.push({
      brandId,
      customerId: c.id,
      type: "DELIVERY",
      line1: "1 Bench Street",
      city: "Paris",
      postalCode: "75003",
      countryCode: "FR",
      isDefault: true,
    });
    addresses.push({
      brandId,
      customerId: c.id,
      type: "ACCOUNTS",
      line1: "2 Ledger Road",
      city: "Paris",
      postalCode: "75003",
      countryCode: "FR",
      isDefault: true,
    });
  }
  await insertChunks(ds, Address, addresses);
  if (options.images && options.imagesService) {
    const some = (await ds.query(`SELECT id FROM product WHERE brandId = ? ORDER BY id LIMIT ${Number(options.images)}`, [brandId])) as { id: number }[];
    for (const [i, p] of some.entries()) {
      const data = await sharp({ create: { width: 990, height: 1350, channels: 3, background: { r: (i * 37) % 256, g: (i * 91) % 256, b: (i * 13) % 256 } } })
        .png()
        .toBuffer();
      await options.imagesService.attach(BrandScope.of(ds, brandId), p.id, 1, { url: `data:image/png;base64,${data.toString("base64")}` });
    }
  }
  return { seasonIds, variants };
}
