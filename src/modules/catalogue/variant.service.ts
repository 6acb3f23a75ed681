import { DataSource, EntityManager, In } from "typeorm";
import { oneByKey } from "../../api/batch";
import { InputProblems, badInput, notFound } from "../../api/errors";
import { isUniqueViolation } from "../../db/db-errors";
import { requiredText } from "../../domain/input-rules";
import { Product } from "../../entities/product.entity";
import { Variant } from "../../entities/variant.entity";
import { checkBarcodes, normaliseBarcode } from "./barcode-rules";
import { UpdateVariantInput } from "./catalogue.inputs";
import { lockProduct } from "./write-races";

/** Variants (SKUs): sizes of a product with their barcodes. */
export class VariantService {
  constructor(private readonly ds: DataSource) {}

  async get(brandId: number, id: number, field = "id"): Promise<Variant> {
    const variant = await this.ds.getRepository(Variant).findOneBy({ id, brandId });
    if (!variant) throw notFound("Variant", id, field);
    return variant;
  }

  findByBarcode(brandId: number, barcode: string): Promise<Variant | null> {
    return this.ds.getRepository(Variant).findOneBy({ brandId, barcode: barcode.trim() });
  }

  /** Variants by barcode for many barcodes in one query (order import matching). */
  async byBarcodes(brandId: number, barcodes: readonly string[]): Promise<Map<string, Variant>> {
    if (!barcodes.length) return new Map();
    const rows = await this.ds.getRepository(Variant).findBy({ brandId, barcode: In([...new Set(barcodes)]) });
    return new Map(rows.map((v) => [v.barcode!, v]));
  }

  async byIds(brandId: number, ids: readonly number[]): Promise<(Variant | null)[]> {
    return oneByKey(ids, await this.ds.getRepository(Variant).findBy({ brandId, id: In([...ids]) }), (v) => v.id);
  }

  async add(brandId: number, productId: number, sizeInput: string, barcodeInput: string | null | undefined): Promise<Variant> {
    if (!(await this.ds.getRepository(Product).existsBy({ id: productId, brandId }))) throw notFound("Product", productId, "productId");
    const p = new InputProblems();
    const size = sizeInput.trim();
    requiredText(p, "size", size, 30);
    const barcode = normaliseBarcode(barcodeInput);
    if (barcode) await checkBarcodes(this.ds.manager, brandId, [{ field: "barcode", barcode }], p);
    p.throwIfAny();
    if (await this.ds.getRepository(Variant).existsBy({ productId, size })) throw badInput("size", `The product already has size "${size}"`);
    return this.write(async (m) => {
      await lockProduct(m, productId);
      const repo = m.getRepository(Variant);
      const last = await repo.findOne({ where: { productId }, order: { position: "DESC" } });
      return repo.save(repo.create({ brandId, productId, size, barcode, position: last ? last.position + 1 : 0, active: true }));
    });
  }

  /**
   * Changes a variant's size label and/or barcode, and/or moves it to another position of the size run
   * (the other sizes shift; positions stay 0..n-1 without gaps or ties).
   */
  async update(brandId: number, input: UpdateVariantInput, id: number): Promise<Variant> {
    const variant = await this.get(brandId, id);
    const p = new InputProblems();
    const size = input.size === undefined || input.size === null ? undefined : input.size.trim();
    if (size !== undefined) requiredText(p, "size", size, 30);
    const position = input.position ?? undefined;
    if (position !== undefined) {
      const sizes = await this.ds.getRepository(Variant).countBy({ productId: variant.productId });
      if (!Number.isInteger(position) || position < 0 || position >= sizes) {
        p.add("position", `must be a whole number from 0 to ${sizes - 1} (the product has ${sizes} sizes)`);
      }
    }
    const barcode = input.barcode === undefined ? undefined : normaliseBarcode(input.barcode);
    if (barcode) await checkBarcodes(this.ds.manager, brandId, [{ field: "barcode", barcode, variantId: id }], p);
    p.throwIfAny();
    if (size !== undefined && size !== variant.size) {
      if (await this.ds.getRepository(Variant).existsBy({ productId: variant.productId, size })) {
        throw badInput("size", `The product already has size "${size}"`);
      }
      variant.size = size;
    }
    if (barcode !== undefined) variant.barcode = barcode;
    if (position === undefined) return this.save(variant);
    await this.write(async (m) => {
      await lockProduct(m, variant.productId);
      // The run as it is now (a size may have been added since validation), with this variant at its new place.
      const others = (await m.getRepository(Variant).find({ where: { productId: variant.productId }, order: { position: "ASC", id: "ASC" } }))
        .filter((v) => v.id !== variant.id);
      others.splice(Math.min(position, others.length), 0, variant);
      const moved = others.filter((v, i) => v.position !== i || v === variant);
      moved.forEach((v) => (v.position = others.indexOf(v)));
      await m.getRepository(Variant).save(moved);
    });
    return variant;
  }

  async deactivate(brandId: number, id: number): Promise<Variant> {
    const variant = await this.get(brandId, id);
    variant.active = false;
    return this.ds.getRepository(Variant).save(variant);
  }

  private save(variant: Variant): Promise<Variant> {
    return this.write((m) => m.getRepository(Variant).save(variant));
  }

  private async write<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.ds.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw badInput("barcode", "The barcode or size is already used");
      throw error;
    }
  }
}
