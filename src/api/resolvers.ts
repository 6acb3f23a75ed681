import { NonEmptyArray } from "type-graphql";
import { CustomerResolver } from "../modules/customer/customer.resolver";
import { IdentityResolver, UserFieldsResolver } from "../modules/identity/identity.resolver";
import { OrderLineResolver } from "../modules/order/order-line.resolver";
import { OrderResolver } from "../modules/order/order.resolver";
import { SeasonResolver } from "../modules/season/season.resolver";
import { ProductResolver } from "../modules/catalogue/product.resolver";
import { VariantResolver } from "../modules/catalogue/variant.resolver";
import { PriceResolver } from "../modules/catalogue/price.resolver";
import { StockResolver } from "../modules/catalogue/stock.resolver";
import { DocketLineResolver } from "../modules/catalogue/docket.resolver";
import { ImageResolver, ProductImagesResolver } from "../modules/images/images.resolver";
import { connectorResolvers } from "../modules/connectors";

/** Every core resolver class; plugins add theirs at start-up. */
export const coreResolvers: NonEmptyArray<Function> = [IdentityResolver, UserFieldsResolver, CustomerResolver, OrderResolver, OrderLineResolver,
  SeasonResolver, ProductResolver, VariantResolver, PriceResolver, StockResolver, DocketLineResolver, ImageResolver, ProductImagesResolver, ...connectorResolvers];
