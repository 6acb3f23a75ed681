import { Brand } from "./brand.entity";
import { User } from "./user.entity";
import { ApiToken } from "./api-token.entity";
import { Season } from "./season.entity";
import { Customer } from "./customer.entity";
import { Address } from "./address.entity";
import { Product } from "./product.entity";
import { Variant } from "./variant.entity";
import { ProductSeason } from "./product-season.entity";
import { SeasonPrice } from "./season-price.entity";
import { StockLevel } from "./stock-level.entity";
import { ProductionDocketLine } from "./production-docket-line.entity";
import { ProductImage } from "./product-image.entity";
import { Order } from "./order.entity";
import { OrderLine } from "./order-line.entity";
import { OrderAddress } from "./order-address.entity";
import { jobEntities } from "../jobs/entities";

export {
  Brand,
  User,
  ApiToken,
  Season,
  Customer,
  Address,
  Product,
  Variant,
  ProductSeason,
  SeasonPrice,
  StockLevel,
  ProductionDocketLine,
  ProductImage,
  Order,
  OrderLine,
  OrderAddress,
};

export const coreEntities = [
  Brand,
  User,
  ApiToken,
  Season,
  Customer,
  Address,
  Product,
  Variant,
  ProductSeason,
  SeasonPrice,
  StockLevel,
  ProductionDocketLine,
  ProductImage,
  Order,
  OrderLine,
  OrderAddress,
  ...jobEntities,
];
