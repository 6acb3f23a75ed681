import { DataSource } from "typeorm";
import { SelvedgeConfig } from "../config/config";
import { MediaStorage } from "../media/media-storage";
import { CustomerService } from "../modules/customer/customer.service";
import { CORE_MODULES, IdentityService } from "../modules/identity/identity.service";
import { AccessChanges } from "../auth/revocations";
import { OrderService } from "../modules/order/order.service";
import { SeasonService } from "../modules/season/season.service";
import { ProductService } from "../modules/catalogue/product.service";
import { VariantService } from "../modules/catalogue/variant.service";
import { PriceService } from "../modules/catalogue/price.service";
import { StockService } from "../modules/catalogue/stock.service";
import { AddressPolicy } from "../net/address-policy";
import { SystemData } from "../db/system-data";
import { ImageService } from "../modules/images/images.service";
import { createJobServices, JobPlatform, JobServices } from "../jobs/job-services";

/** The services of one process, built once at start-up and shared by every request. */
export interface AppServices extends JobServices {
  identity: IdentityService;
  customers: CustomerService;
  orders: OrderService;
  seasons: SeasonService;
  products: ProductService;
  variants: VariantService;
  prices: PriceService;
  stock: StockService;
  images: ImageService;
}

export interface ServiceDeps {
  media: MediaStorage;
  /** Base URL of the API, for absolute links (image URLs). */
  baseUrl: () => string;
  /** Plugins, pub/sub and queue (built by bootstrap.ts, the one composition root). */
  jobs: JobPlatform;
}

export function createAppServices(ds: DataSource, _config: SelvedgeConfig, _deps: ServiceDeps): AppServices {
  const identity = new IdentityService(new SystemData(ds), new AccessChanges(), [...CORE_MODULES, ..._deps.jobs.plugins.modules()]);
  return {
    ...createJobServices(ds, _config, identity, _deps.jobs),
    identity,
    customers: new CustomerService(),
    orders: new OrderService(),
    seasons: new SeasonService(),
    products: new ProductService(),
    variants: new VariantService(),
    prices: new PriceService(),
    stock: new StockService(),
    images: new ImageService(
      new SystemData(ds),
      _deps.media,
      _config.maxImageBytes,
      new AddressPolicy(_config.imageFetchAllow),
      _deps.baseUrl,
      _deps.jobs.plugins.exportSizes(),
    ),
  };
}
