import { SystemData } from "../db/system-data";
import "reflect-metadata";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { DataSource, ObjectLiteral, Repository } from "typeorm";
import { loadConfig } from "../config/config";
import { openDatabase } from "../db/data-source";
import { withCheckDigit } from "../domain/barcode";
import {
  Address,
  Brand,
  Customer,
  Order,
  OrderAddress,
  OrderLine,
  Product,
  ProductImage,
  ProductSeason,
  ProductionDocketLine,
  Season,
  SeasonPrice,
  StockLevel,
  User,
  Variant,
} from "../entities";
import { LocalDiskStorage } from "../media/local-disk-storage";
import { MediaStorage } from "../media/media-storage";
import { IdentityService } from "../modules/identity/identity.service";
import { firstStart } from "../server/first-start";
import { CITIES, COLOURS, GARMENTS, SEASONS, SHOP_NAMES, SHOP_WORDS, STREETS } from "./demo-catalogue";
import { intBetween, pick, seededRandom } from "../domain/seeded-random";

export interface DemoSeedOptions {
  /** Styles to create (each in 2-4 colourways). Default 70 → about 200 products. */
  styles?: number;
  customers?: number;
  orders?: number;
  images?: boolean;
  mediaDir?: string;
  seed?: number;
}

export interface DemoSeedResult {
  brandId: number;
  seasons: number;
  customers: number;
  products: number;
  variants: number;
  images: number;
  orders: number;
}

/** Loads a realistic demo catalogue into a brand that has no products yet. */
export async function seedDemo(ds: DataSource, brandId: number, options: DemoSeedOptions = {}): Promise<DemoSeedResult> {
  const rand = seededRandom(options.seed ?? 2026);
  const styles = options.styles ?? 70;
  if (await ds.getRepository(Product).existsBy({ brandId })) throw new Error("This brand already has products: the demo seed only fills an empty brand");
  const storage: MediaStorage | null = options.images === false ? null : new LocalDiskStorage(options.mediaDir ?? "./data/media");

  return ds.transaction(async (m) => {
    const seasons = await m.getRepository(Season).save(SEASONS.map((s) => m.getRepository(Season).create({ ...s, brandId, active: true })));
    await m
      .getRepository(User)
      .save([
        m.getRepository(User).create({ brandId, name: "Sales Manager", email: "sales@demo.local", role: "EDITOR", active: true }),
        m.getRepository(User).create({ brandId, name: "Showroom Viewer", email: "showroom@demo.local", role: "VIEWER", active: true }),
      ]);

    // Customers: mixed statuses, some without account codes, DELIVERY/ACCOUNTS/STORE addresses.
    const customerCount = options.customers ?? 50;
    const customers: Customer[] = [];
    const addresses: Partial<Address>[] = [];
    for (let i = 0; i < customerCount; i++) {
      const place = pick(rand, CITIES);
      customers.push(
        m.getRepository(Customer).create({
          brandId,
          name: `${pick(rand, SHOP_NAMES)} ${pick(rand, SHOP_WORDS)} ${i + 1}`,
          accountCode: rand() < 0.85 ? `C${String(1000 + i)}` : null,
          status: rand() < 0.8 ? "ACTIVE" : "INACTIVE",
          email: `buying${i + 1}@shop${i + 1}.example`,
          phone: `+44 20 7946 ${String(1000 + i).slice(-4)}`,
          currency: place.currency,
        }),
      );
    }
    await m.getRepository(Customer).save(customers, { chunk: 100 });
    for (const c of customers) {
      const place = pick(rand, CITIES);
      for (const type of ["DELIVERY", "ACCOUNTS", "STORE"] as const) {
        if (type !== "DELIVERY" && rand() < 0.25) continue;
        addresses.push({
          brandId,
          customerId: c.id,
          type,
          isDefault: true,
          name: c.name,
          company: c.name,
          line1: `${intBetween(rand, 1, 200)} ${pick(rand, STREETS)}`,
          line2: null,
          city: place.city,
          region: null,
          postalCode: place.postal,
          countryCode: place.country,
          phone: c.phone,
          email: c.email,
        });
      }
    }
    await insertInChunks(m.getRepository(Address), addresses);

    // Products: styles × colourways, variants with EAN-13 barcodes (a few deliberately without).
    const products: Product[] = [];
    for (let s = 0; s < styles; s++) {
      const garment = GARMENTS[s % GARMENTS.length];
      const colours = [...COLOURS].sort(() => rand() - 0.5).slice(0, intBetween(rand, 2, 4));
      for (const colour of colours) {
        products.push(
          m.getRepository(Product).create({
            brandId,
            styleNumber: `ST${String(2000 + s)}`,
            colourCode: colour.code,
            colourName: colour.name,
            name: `${garment.name} ${Math.floor(s / GARMENTS.length) + 1}`,
            description: `${garment.name} in ${colour.name.toLowerCase()}.`,
            category: garment.category,
            composition: garment.composition,
            countryOfOrigin: pick(rand, ["PT", "IT", "GB", "RO", "TR"]),
            active: rand() < 0.95,
          }),
        );
      }
    }
    await m.getRepository(Product).save(products, { chunk: 200 });

    let barcodeCounter = 0;
    const variants: Partial<Variant>[] = [];
    const visibility: Partial<ProductSeason>[] = [];
    const prices: Partial<SeasonPrice>[] = [];
    const dockets: Partial<ProductionDocketLine>[] = [];
    const productSeasons = new Map<number, Season[]>();
    for (const p of products) {
      const garment = GARMENTS.find((g) => p.name.startsWith(g.name))!;
      garment.sizes.forEach((size, position) => {
        const barcode = rand() < 0.02 ? null : withCheckDigit(`50601234${String(barcodeCounter++).padStart(4, "0")}`);
        variants.push({ brandId, productId: p.id, size, position, barcode, active: true });
      });
      const first = intBetween(rand, 0, seasons.length - 2);
      const visibleIn = seasons.slice(first, first + intBetween(rand, 1, 3));
      productSeasons.set(p.id, visibleIn);
      visibleIn.forEach((season, i) => {
        visibility.push({ brandId, productId: p.id, seasonId: season.id });
        const base = garment.price * (1 + 0.05 * i);
        prices.push({ brandId, productId: p.id, seasonId: season.id, currency: "EUR", wholesale: base.toFixed(2), retail: (base * 2.4).toFixed(2) });
        prices.push({
          brandId,
          productId: p.id,
          seasonId: season.id,
          currency: "GBP",
          wholesale: (base * 0.86).toFixed(2),
          retail: (base * 0.86 * 2.4).toFixed(2),
        });
        const start = new Date(`${season.startDate}T00:00:00Z`);
        start.setUTCDate(start.getUTCDate() + intBetween(rand, 30, 150));
        dockets.push({ brandId, productId: p.id, seasonId: season.id, lineStartDate: start.toISOString().slice(0, 10), quantity: intBetween(rand, 50, 500) });
      });
    }
    await insertInChunks(m.getRepository(Variant), variants);
    await insertInChunks(m.getRepository(ProductSeason), visibility);
    await insertInChunks(m.getRepository(SeasonPrice), prices);
    await insertInChunks(m.getRepository(ProductionDocketLine), dockets);

    const savedVariants = await m.getRepository(Variant).find({ where: { brandId }, order: { id: "ASC" } });
    const stock: Partial<StockLevel>[] = [];
    for (const v of savedVariants) {
      for (const season of productSeasons.get(v.productId) ?? []) {
        stock.push({ brandId, variantId: v.id, seasonId: season.id, availableToSell: intBetween(rand, 0, 60), projected: intBetween(rand, 0, 120) });
      }
    }
    await insertInChunks(m.getRepository(StockLevel), stock);

    // Images: a swatch-coloured 660×900 "Image 1" per product, and a second image for some.
    let imageCount = 0;
    if (storage) {
      const images: Partial<ProductImage>[] = [];
      for (const p of products) {
        const colour = COLOURS.find((c) => c.code === p.colourCode)!;
        for (let position = 1; position <= (rand() < 0.3 ? 2 : 1); position++) {
          const width = position === 1 ? 660 : 1320;
          const height = position === 1 ? 900 : 1800;
          const data = await sharp({ create: { width, height, channels: 3, background: colour.rgb } })
            .jpeg({ quality: 70 })
            .toBuffer();
          const checksum = createHash("sha256").update(data).digest("hex");
          const storageKey = `brand-${brandId}/product-${p.id}/${checksum}.jpg`;
          await storage.put(storageKey, data, "image/jpeg");
          images.push({ brandId, productId: p.id, position, width, height, contentType: "image/jpeg", byteSize: data.length, storageKey, checksum });
        }
      }
      await insertInChunks(m.getRepository(ProductImage), images);
      imageCount = images.length;
    }

    // A few manual orders from active customers.
    const orderCount = options.orders ?? 20;
    const active = customers.filter((c) => c.status === "ACTIVE" && c.accountCode);
    const owner = await m.getRepository(User).findOneByOrFail({ brandId, email: "sales@demo.local" });
    const byProduct = new Map<number, Variant[]>();
    for (const v of savedVariants) byProduct.set(v.productId, [...(byProduct.get(v.productId) ?? []), v]);
    const customerAddresses = await m.getRepository(Address).find({ where: { brandId } });
    for (let i = 0; i < orderCount && active.length; i++) {
      const customer = pick(rand, active);
      const product = pick(rand, products);
      const season = (productSeasons.get(product.id) ?? seasons)[0];
      const currency = customer.currency ?? "EUR";
      const order = await m.getRepository(Order).save(
        m.getRepository(Order).create({
          brandId,
          number: `SO-${String(i + 1).padStart(6, "0")}`,
          source: "MANUAL",
          externalId: null,
          poNumber: `PO-${4000 + i}`,
          customerId: customer.id,
          seasonId: season.id,
          ownerId: owner.id,
          approved: rand() < 0.6,
          locked: false,
          closed: false,
          currency,
          shipStart: season.startDate,
          shipEnd: null,
          notes: null,
        }),
      );
      const price = prices.find((p) => p.productId === product.id && p.seasonId === season.id && p.currency === currency);
      await m.getRepository(OrderLine).insert(
        (byProduct.get(product.id) ?? []).map((v) => ({
          brandId,
          orderId: order.id,
          variantId: v.id,
          quantity: intBetween(rand, 1, 6),
          unitPrice: price?.wholesale ?? "0.00",
        })),
      );
      await m.getRepository(OrderAddress).insert(
        customerAddresses
          .filter((a) => a.customerId === customer.id)
          .map((a) => ({
            orderId: order.id,
            type: a.type,
            name: a.name,
            company: a.company,
            line1: a.line1,
            line2: a.line2,
            city: a.city,
            region: a.region,
            postalCode: a.postalCode,
            countryCode: a.countryCode,
            phone: a.phone,
            email: a.email,
          })),
      );
    }

    return {
      brandId,
      seasons: seasons.length,
      customers: customers.length,
      products: products.length,
      variants: savedVariants.length,
      images: imageCount,
      orders: orderCount,
    };
  });
}

/** Inserts in chunks of 400 rows (SQLite limits expression depth, MySQL packet size). */
async function insertInChunks<T extends ObjectLiteral>(repo: Repository<T>, rows: Partial<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) await repo.insert(rows.slice(i, i + 400) as never);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const ds = await openDatabase({ databaseUrl: config.databaseUrl });
  try {
    const identity = new IdentityService(new SystemData(ds));
    const created = await firstStart(ds, identity, config);
    if (created) process.stdout.write(`Created brand '${created.brandSlug}'. Admin token (shown once):\n  ${created.token}\n`);
    const brand: Brand = await identity.brandBySlug(config.bootstrapBrand.slug);
    const result = await seedDemo(ds, brand.id, { mediaDir: config.mediaDir });
    process.stdout.write(`Demo data loaded into brand '${brand.slug}': ${JSON.stringify(result)}\n`);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`seed:demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
