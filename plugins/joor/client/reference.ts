import type { JoorHttp } from "./http";

export interface JoorPriceType {
  id: string;
  name: string;
  currency_code: string;
  retail_currency_code?: string | null;
}
export interface JoorCategory {
  id: string;
  name: string;
  parent_name?: string | null;
  department?: string | null;
}
export interface JoorTrait {
  id: string;
  name: string;
  type?: string;
}

/** v4 reference data: price types, categories, traits (small lists, read whole). */
export class ReferenceApi {
  constructor(private readonly http: JoorHttp) {}

  private async all<T>(path: string): Promise<T[]> {
    const out: T[] = [];
    for await (const page of this.http.pagesV4<T>(path)) out.push(...page);
    return out;
  }

  priceTypes(): Promise<JoorPriceType[]> {
    return this.all<JoorPriceType>("/price_types");
  }

  categories(): Promise<JoorCategory[]> {
    return this.all<JoorCategory>("/categories");
  }

  traits(): Promise<JoorTrait[]> {
    return this.all<JoorTrait>("/traits");
  }
}
