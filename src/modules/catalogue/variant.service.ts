import { In } from "typeorm";
import type { BrandScope } from "../../db/brand-scope";
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
  async get(scope: BrandScope, id: number, field = "id"): Promise<Variant> {
    const variant = await scope.repo(Variant).findOneBy({ id });
    if (!variant) throw notFound("Variant", id, field);
    return variant;
  }

  findByBarcode(scope: BrandScope, barcode: string): Promise<Variant | null> {
    return scope.repo(Variant).findOneBy({ barcode: barcode.trim() });
  }

  /** Variants by barcode for many barcodes in one query (order import matching). */
  async byBarcodes(scope: BrandScope, barcodes: readonly string[]): Promise<Map<string, Variant>> {
    if (!barcodes.length) return new Map();
    const rows = await scope.repo(Variant).findBy({ barcode: In([...new Set(barcodes)]) });
    return new Map(rows.map((v) => [v.barcode!, v]));
  }

  async byIds(scope: BrandScope, ids: readonly number[]): Promise<(Variant | null)[]> {
    return oneByKey(ids, await scope.repo(Variant).findBy({ id: In([...ids]) }), (v) => v.id);
  }

  async add(scope: BrandScope, productId: number, sizeInput: string, barcodeInput: string | null | undefined): Promise<Variant> {
    if (!(await scope.repo(Product).exists({ id: productId }))) throw notFound("Product", productId, "productId");
    const p = new InputProblems();
    const size = sizeInput.trim();
    requiredText(p, "size", size, 30);
    const barcode = normaliseBarcode(barcodeInput);
    if (barcode) await checkBarcodes(scope, [{ field: "barcode", barcode }], p);
    p.throwIfAny();
    if (await scope.repo(Variant).exists({ productId, size })) throw badInput("size", `The product already has size "${size}"`);
    return this.write(scope, async (tx) => {
      await lockProduct(tx, productId);
      const repo = tx.repo(Variant);
      const last = await repo.findOne({ where: { productId }, order: { position: "DESC" } });
      return repo.save(repo.create({ productId, size, barcode, position: last ? last.position + 1 : 0, active: true }));
    });
  }

  /**
   * Changes a variant's size label and/or barcode, and/or moves it to another position of the size run
   * (the other sizes shift; positions stay 0..n-1 without gaps or ties).
   */
  async update(scope: BrandScope, input: UpdateVariantInput, id: number): Promise<Variant> {
    const variant = await this.get(scope, id);
    const p = new InputProblems();
    const size = input.size === undefined || input.size === null ? undefined : input.size.trim();
    if (size !== undefined) requiredText(p, "size", size, 30);
    const position = input.position ?? undefined;
    if (position !== undefined) {
      const sizes = await scope.repo(Variant).count({ productId: variant.productId });
      if (!Number.isInteger(position) || position < 0 || position >= sizes) {
        p.add("position", `must be a whole number from 0 to ${sizes - 1} (the product has ${sizes} sizes)`);
      }
    }
    const barcode = input.barcode === undefined ? undefined : normaliseBarcode(input.barcode);
    if (barcode) await checkBarcodes(scope, [{ field: "barcode", barcode, variantId: id }], p);
    p.throwIfAny();
    if (size !== undefined && size !== variant.size) {
      if (await scope.repo(Variant).exists({ productId: variant.productId, size })) {
        throw badInput("size", `The product already has size "${size}"`);
      }
      variant.size = size;
    }
    if (barcode !== undefined) variant.barcode = barcode;
    if (position === undefined) return this.save(scope, variant);
    await this.write(scope, async (tx) => {
      await lockProduct(tx, variant.productId);
      // The run as it is now (a size may have been added since validation), with this variant at its new place.
      const others = (await tx.repo(Variant).find({ where: { productId: variant.productId }, order: { position: "ASC", id: "ASC" } })).filter(
        (v) => v.id !== variant.id,
      );
      others.splice(Math.min(position, others.length), 0, variant);
      const moved = others.filter((v, i) => v.position !== i || v === variant);
      moved.forEach((v) => (v.position = others.indexOf(v)));
      await tx.repo(Variant).save(moved);
    });
    return variant;
  }

  async deactivate(scope: BrandScope, id: number): Promise<Variant> {
    const variant = await this.get(scope, id);
    variant.active = false;
    return scope.repo(Variant).save(variant);
  }

  private save(scope: BrandScope, variant: Variant): Promise<Variant> {
    return this.write(scope, (tx) => tx.repo(Variant).save(variant));
  }

  private async write<T>(scope: BrandScope, work: (tx: BrandScope) => Promise<T>): Promise<T> {
    try {
      return await scope.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw badInput("barcode", "The barcode or size is already used");
      throw error;
    }
  }
}
