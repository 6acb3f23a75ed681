import { In } from "typeorm";
import { groupByKey, oneByKey } from "../../api/batch";
import type { BrandScope } from "../../db/brand-scope";
import { brandTerm, placeholders } from "../../db/hot-rows";
import { InputProblems, badInput, notFound } from "../../api/errors";
import { parseId } from "../../api/ids";
import { Page, PageArgs, decodeCursor, keysetPage, pageSize } from "../../api/pagination";
import { isUniqueViolation } from "../../db/db-errors";
import { clean, countryCode, optionalText, requiredText } from "../../domain/input-rules";
import { containsPattern } from "../../domain/like-pattern";
import { Product } from "../../entities/product.entity";
import { Variant } from "../../entities/variant.entity";
import { checkBarcodes, normaliseBarcode } from "./barcode-rules";
import { CreateProductInput, ProductFilter, UpdateProductInput } from "./catalogue.inputs";

/** Products (style + colourway) and their size runs. */
export class ProductService {
  /**
   * A page of products in id order: one plain keyset statement (read through IDX_product_brand_id), rows straight
   * into entities; the count runs only when `totalCount` is asked for.
   */
  async list(scope: BrandScope, filter: ProductFilter | undefined, page: PageArgs, selected?: ReadonlySet<string>): Promise<Page<Product>> {
    const limit = pageSize(page.first);
    const where = ["p.brandId = ?"];
    const params: unknown[] = [scope.brandId];
    if (filter?.active !== undefined && filter.active !== null) {
      where.push("p.active = ?");
      params.push(filter.active);
    }
    if (filter?.styleNumber) {
      where.push("p.styleNumber = ?");
      params.push(filter.styleNumber);
    }
    if (filter?.category) {
      where.push("p.category = ?");
      params.push(filter.category);
    }
    if (filter?.search) {
      // The search text is literal: % and _ are escaped ("!" is the escape character on both databases).
      const q = containsPattern(filter.search);
      where.push("(LOWER(p.name) LIKE ? ESCAPE '!' OR LOWER(p.styleNumber) LIKE ? ESCAPE '!')");
      params.push(q, q);
    }
    if (filter?.seasonId) {
      where.push("EXISTS (SELECT 1 FROM product_season ps WHERE ps.productId = p.id AND ps.seasonId = ?)");
      params.push(parseId(filter.seasonId, "filter.seasonId"));
    }
    const filtered = where.join(" AND ");
    const keyset = page.after ? [decodeCursor(page.after)] : [];
    const read = productRead(selected);
    const rows = await scope.rows(
      `SELECT ${read.columns} FROM product p WHERE ${filtered}${keyset.length ? " AND p.id > ?" : ""} ORDER BY p.id LIMIT ${limit + 1}`,
      [...params, ...keyset],
    );
    const products = rows.map((r) => read.entity(r, scope));
    return keysetPage(products, limit, async () => Number((await scope.rows(`SELECT COUNT(*) FROM product p WHERE ${filtered}`, params))[0][0]));
  }

  async get(scope: BrandScope, id: number, field = "id"): Promise<Product> {
    const product = await scope.repo(Product).findOneBy({ id });
    if (!product) throw notFound("Product", id, field);
    return product;
  }

  async byIds(scope: BrandScope, ids: readonly number[]): Promise<(Product | null)[]> {
    return oneByKey(ids, await scope.repo(Product).findBy({ id: In([...ids]) }), (p) => p.id);
  }

  /** The size runs of many products in one statement, read through IDX_variant_product_position (in order). */
  async variantsByProduct(scope: BrandScope, productIds: readonly number[]): Promise<Variant[][]> {
    const rows = await scope.rows(
      `SELECT v.id, v.productId, v.size, v.position, v.barcode, v.active FROM variant v WHERE v.productId IN (${placeholders(productIds.length)}) AND ${brandTerm("v")} ORDER BY v.productId, v.position, v.id`,
      [...productIds, scope.brandId],
    );
    const variants = rows.map((r) => {
      const v = new Variant();
      v.id = r[0] as number;
      v.brandId = scope.brandId;
      v.productId = r[1] as number;
      v.size = r[2] as string;
      v.position = r[3] as number;
      v.barcode = r[4] as string | null;
      v.active = !!r[5];
      return v;
    });
    return groupByKey(productIds, variants, (v) => v.productId);
  }

  async create(scope: BrandScope, input: CreateProductInput): Promise<Product> {
    const p = new InputProblems();
    validateProductFields(p, input, true);
    // Size labels are trimmed ("S " is "S") and compared case-sensitively ("s" and "S" are two sizes).
    const sizes = (input.sizes ?? []).map((s) => ({ size: s.size?.trim() ?? "", barcode: s.barcode }));
    const seenSizes = new Set<string>();
    sizes.forEach((s, i) => {
      requiredText(p, `sizes[${i}].size`, s.size, 30);
      if (s.size && seenSizes.has(s.size)) p.add(`sizes[${i}].size`, `Size "${s.size}" appears twice (sizes are case-sensitive)`);
      seenSizes.add(s.size);
    });
    await checkBarcodes(
      scope,
      sizes.flatMap((s, i) => {
        const barcode = normaliseBarcode(s.barcode);
        return barcode ? [{ field: `sizes[${i}].barcode`, barcode }] : [];
      }),
      p,
    );
    p.throwIfAny();
    await this.assertStyleColourFree(scope, input.styleNumber.trim(), input.colourCode.trim());
    return this.write(scope, async (tx) => {
      const product = await tx.repo(Product).save(
        tx.repo(Product).create({
          styleNumber: input.styleNumber.trim(),
          colourCode: input.colourCode.trim(),
          colourName: input.colourName.trim(),
          name: input.name.trim(),
          description: clean(input.description),
          category: clean(input.category),
          composition: clean(input.composition),
          countryOfOrigin: input.countryOfOrigin ?? null,
          active: input.active ?? true,
        }),
      );
      if (sizes.length) {
        await tx.repo(Variant).insert(
          sizes.map((s, position) => ({
            productId: product.id,
            size: s.size,
            position,
            barcode: normaliseBarcode(s.barcode),
            active: true,
          })),
        );
      }
      return product;
    });
  }

  async update(scope: BrandScope, input: UpdateProductInput, id: number): Promise<Product> {
    const product = await this.get(scope, id);
    const p = new InputProblems();
    validateProductFields(p, input, false);
    p.throwIfAny();
    const style = input.styleNumber?.trim() ?? product.styleNumber;
    const colour = input.colourCode?.trim() ?? product.colourCode;
    if (style !== product.styleNumber || colour !== product.colourCode) await this.assertStyleColourFree(scope, style, colour, product.id);
    product.styleNumber = style;
    product.colourCode = colour;
    if (input.colourName !== undefined && input.colourName !== null) product.colourName = input.colourName.trim();
    if (input.name !== undefined && input.name !== null) product.name = input.name.trim();
    if (input.description !== undefined) product.description = clean(input.description);
    if (input.category !== undefined) product.category = clean(input.category);
    if (input.composition !== undefined) product.composition = clean(input.composition);
    if (input.countryOfOrigin !== undefined) product.countryOfOrigin = input.countryOfOrigin;
    if (input.active !== undefined && input.active !== null) product.active = input.active;
    return this.write(scope, (tx) => tx.repo(Product).save(product));
  }

  async deactivate(scope: BrandScope, id: number): Promise<Product> {
    const product = await this.get(scope, id);
    product.active = false;
    return scope.repo(Product).save(product);
  }

  /** Style + colour is unique per brand whatever the case, on SQLite as on MariaDB (whose unique key ignores case). */
  private async assertStyleColourFree(scope: BrandScope, styleNumber: string, colourCode: string, exceptId?: number): Promise<void> {
    const qb = scope
      .repo(Product)
      .queryBuilder("p")
      .andWhere("LOWER(p.styleNumber) = LOWER(:styleNumber) AND LOWER(p.colourCode) = LOWER(:colourCode)", { styleNumber, colourCode });
    if (exceptId !== undefined) qb.andWhere("p.id <> :exceptId", { exceptId });
    if (await qb.getExists()) {
      throw badInput("styleNumber", `Style ${styleNumber} in colour ${colourCode} already exists`);
    }
  }

  private async write<T>(scope: BrandScope, work: (tx: BrandScope) => Promise<T>): Promise<T> {
    try {
      return await scope.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw badInput("styleNumber", "This style and colour, or one of the barcodes, already exists");
      throw error;
    }
  }
}

function validateProductFields(p: InputProblems, input: Partial<CreateProductInput>, creating: boolean): void {
  const text = (field: keyof CreateProductInput, max: number) => {
    const value = input[field] as string | null | undefined;
    if (creating || (value !== undefined && value !== null)) requiredText(p, field, value, max);
  };
  text("styleNumber", 50);
  text("colourCode", 30);
  text("colourName", 60);
  text("name", 200);
  optionalText(p, "category", input.category, 100);
  optionalText(p, "composition", input.composition, 255);
  optionalText(p, "description", input.description, 10_000);
  if (input.countryOfOrigin !== null) countryCode(p, "countryOfOrigin", input.countryOfOrigin);
}

/**
 * How a page reads its products: the identity columns always, the others only when the query selects them (a
 * selection without `description` or the dates reads neither). Built once per selection (selections are cached).
 */
interface ProductRead {
  columns: string;
  entity(row: unknown[], scope: BrandScope): Product;
}
const ALWAYS = ["id", "styleNumber", "colourCode", "colourName", "name"] as const;
const OPTIONAL = ["description", "category", "composition", "countryOfOrigin", "active", "createdAt", "updatedAt"] as const;
const DATES = new Set<string>(["createdAt", "updatedAt"]);
const productReads = new WeakMap<ReadonlySet<string>, ProductRead>();
const FULL = new Set<string>(OPTIONAL);

function productRead(selected: ReadonlySet<string> = FULL): ProductRead {
  let read = productReads.get(selected);
  if (read) return read;
  const props = [...ALWAYS, ...OPTIONAL.filter((c) => selected.has(c))];
  read = {
    columns: props.map((c) => `p.${c}`).join(", "),
    entity(r, scope) {
      const p = new Product() as unknown as Record<string, unknown>;
      p.brandId = scope.brandId;
      for (let i = 0; i < props.length; i++) {
        const prop = props[i];
        const value = r[i];
        if (prop === "active") p.active = !!value;
        else if (DATES.has(prop)) p[prop] = productDates(scope)(value);
        else p[prop] = value;
      }
      return p as unknown as Product;
    },
  };
  productReads.set(selected, read);
  return read;
}

const dateHydrators = new WeakMap<object, (value: unknown) => unknown>();
function productDates(scope: BrandScope): (value: unknown) => unknown {
  const key = scope.unitOfWork.connection;
  let hydrate = dateHydrators.get(key);
  if (!hydrate) dateHydrators.set(key, (hydrate = scope.hydrator(Product, "createdAt")));
  return hydrate;
}
