import { DataSource } from "typeorm";
import { SelvedgeConfig } from "../config/config";
import { MediaStorage } from "../media/media-storage";
import { CustomerService } from "../modules/customer/customer.service";
import { IdentityService } from "../modules/identity/identity.service";
import { OrderService } from "../modules/order/order.service";
import { createJobServices, JobPlatform, JobServices } from "../jobs/job-services";

/** The services of one process, built once at start-up and shared by every request. */
export interface AppServices extends JobServices {
  identity: IdentityService;
  customers: CustomerService;
  orders: OrderService;
}

export interface ServiceDeps {
  media: MediaStorage;
  /** Base URL of the API, for absolute links (image URLs). */
  baseUrl: () => string;
  /** Plugins, pub/sub and queue (bootstrap.ts); absent = no plugins, in-memory pub/sub, database queue. */
  jobs?: JobPlatform;
}

export function createAppServices(ds: DataSource, _config: SelvedgeConfig, _deps: ServiceDeps): AppServices {
  const identity = new IdentityService(ds);
  return {
    ...createJobServices(ds, _config, identity, _deps.jobs),
    identity,
    customers: new CustomerService(ds),
    orders: new OrderService(ds),
  };
}
