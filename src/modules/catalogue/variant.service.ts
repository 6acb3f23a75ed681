import { DataSource, In } from "typeorm";
import { oneByKey } from "../../api/batch";
import { InputProblems, badInput, notFound } from "../../api/errors";
import { isUniqueViolation } from "../../db/db-errors";
import { requiredText } from "../../domain/input-rules";
import { Product } from "../../entities/product.entity";
import { Variant } from "../../entities/variant.entity";
import { checkBarcodes, normaliseBarcode } from "./barcode-rules";
import { UpdateVariantInput } from "./catalogue.inputs";

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

  async add(brandId: number, productId: number, size: string, barcodeInput: string | null | undefined): Promise<Variant> {
    if (!(await this.ds.getRepository(Product).existsBy({ id: productId, brandId }))) throw notFound("Product", productId, "productId");
    const p = new InputProblems();
    requiredText(p, "size", size, 30);
    const barcode = normaliseBarcode(barcodeInput);
    if (barcode) await checkBarcodes(this.ds.manager, brandId, [{ field: "barcode", barcode }], p);
    p.throwIfAny();
    const repo = this.ds.getRepository(Variant);
    if (await repo.existsBy({ productId, size })) throw badInput("size", `The product already has size "${size}"`);
    const last = await repo.findOne({ where: { productId }, order: { position: "DESC" } });
    return this.save(repo.create({ brandId, productId, size, barcode, position: last ? last.position + 1 : 0, active: true }));
  }

  async update(brandId: number, input: UpdateVariantInput, id: number): Promise<Variant> {
    const variant = await this.get(brandId, id);
    const p = new InputProblems();
    if (input.size !== undefined && input.size !== null) requiredText(p, "size", input.size, 30);
    if (input.position !== undefined && input.position !== null && (!Number.isInteger(input.position) || input.position < 0)) {
      p.add("position", "must be a whole number of 0 or more");
    }
    const barcode = input.barcode === undefined ? undefined : normaliseBarcode(input.barcode);
    if (barcode) await checkBarcodes(this.ds.manager, brandId, [{ field: "barcode", barcode, variantId: id }], p);
    p.throwIfAny();
    if (input.size !== undefined && input.size !== null && input.size !== variant.size) {
      if (await this.ds.getRepository(Variant).existsBy({ productId: variant.productId, size: input.size })) {
        throw badInput("size", `The product already has size "${input.size}"`);
      }
      variant.size = input.size;
    }
    if (barcode !== undefined) variant.barcode = barcode;
    if (input.position !== undefined && input.position !== null) variant.position = input.position;
    return this.save(variant);
  }

  async deactivate(brandId: number, id: number): Promise<Variant> {
    const variant = await this.get(brandId, id);
    variant.active = false;
    return this.ds.getRepository(Variant).save(variant);
  }

  private async save(variant: Variant): Promise<Variant> {
    try {
      return await this.ds.getRepository(Variant).save(variant);
    } catch (error) {
      if (isUniqueViolation(error)) throw badInput("barcode", "The barcode or size is already used");
      throw error;
    }
  }
}
