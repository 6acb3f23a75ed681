import { NonEmptyArray } from "type-graphql";
import { CustomerResolver } from "./customer/customer.resolver";
import { IdentityResolver, UserFieldsResolver } from "./identity/identity.resolver";
import { OrderLineResolver } from "./order/order-line.resolver";
import { OrderResolver } from "./order/order.resolver";
import { SeasonResolver } from "./season/season.resolver";
import { ProductResolver } from "./catalogue/product.resolver";
import { VariantResolver } from "./catalogue/variant.resolver";
import { PriceResolver } from "./catalogue/price.resolver";
import { StockResolver } from "./catalogue/stock.resolver";
import { DocketLineResolver } from "./catalogue/docket.resolver";
import { ImageResolver, ProductImagesResolver } from "./images/images.resolver";
import { connectorResolvers } from "./connectors";

/** Every core resolver class; plugins add theirs at start-up. */
export const coreResolvers: NonEmptyArray<Function> = [
  IdentityResolver,
  UserFieldsResolver,
  CustomerResolver,
  OrderResolver,
  OrderLineResolver,
  SeasonResolver,
  ProductResolver,
  VariantResolver,
  PriceResolver,
  StockResolver,
  DocketLineResolver,
  ImageResolver,
  ProductImagesResolver,
  ...connectorResolvers,
];
