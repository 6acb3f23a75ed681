import { Sample } from "../chunks";

/** Counts of one record kind in an export. */
export class KindCounts {
  created = 0;
  updated = 0;
  unchanged = 0;
  failed = 0;
  get sent(): number {
    return this.created + this.updated;
  }
  toJSON(): Record<string, number> {
    return { sent: this.sent, created: this.created, updated: this.updated, unchanged: this.unchanged, failed: this.failed };
  }
}

/** What export-products reports in its summary (and, for a dry run, what it would send). */
export class ProductsReport {
  products = new KindCounts();
  skus = new KindCounts();
  seasons = new KindCounts();
  linesheets = new KindCounts();
  linesheetsEmptied = 0;
  variantsWithoutBarcode = 0;
  unknownCategories = new Set<string>();
  notOrderable = new Sample<string>(50);
  wouldSend = new Sample<{ kind: string; key: string; label: string; action: "create" | "update" }>(200);

  summary(dryRun: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {
      products: this.products.toJSON(),
      skus: this.skus.toJSON(),
      seasons: this.seasons.toJSON(),
      linesheets: { ...this.linesheets.toJSON(), emptied: this.linesheetsEmptied },
      variantsWithoutBarcode: this.variantsWithoutBarcode,
      exportedButNotOrderable: { count: this.notOrderable.count, products: this.notOrderable.items },
      unknownCategories: [...this.unknownCategories].sort(),
    };
    if (dryRun) Object.assign(out, { dryRun: true, records: this.wouldSend.items });
    return out;
  }
}
