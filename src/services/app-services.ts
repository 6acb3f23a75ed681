import { DataSource } from "typeorm";
import { SelvedgeConfig } from "../config/config";
import { MediaStorage } from "../media/media-storage";
import { CustomerService } from "../modules/customer/customer.service";
import { IdentityService } from "../modules/identity/identity.service";
import { OrderService } from "../modules/order/order.service";

/** The services of one process, built once at start-up and shared by every request. */
export interface AppServices {
  identity: IdentityService;
  customers: CustomerService;
  orders: OrderService;
}

export interface ServiceDeps {
  media: MediaStorage;
  /** Base URL of the API, for absolute links (image URLs). */
  baseUrl: () => string;
}

export function createAppServices(ds: DataSource, _config: SelvedgeConfig, _deps: ServiceDeps): AppServices {
  return {
    identity: new IdentityService(ds),
    customers: new CustomerService(ds),
    orders: new OrderService(ds),
  };
}
