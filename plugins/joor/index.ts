import { definePlugin } from "../../src/plugin";
import { joorResolvers, joorTypes } from "./api";
import { JoorCreditWindow } from "./entities/credit-window.entity";
import { JoorLinesheetProduct } from "./entities/linesheet-product.entity";
import { JoorLinesheet } from "./entities/linesheet.entity";
import { JoorSyncRecord } from "./ledger/sync-record.entity";
import { JoorCore1765000000000 } from "./migrations/1765000000000-joor-core";
import { joorOperations } from "./operations";
import { bootstrapJoor, shutdownJoor } from "./runtime";
import { joorSettingsDeclaration } from "./settings/declaration";
import { JoorInboundOrder } from "./entities/joor-inbound-order.entity";
import { JoorInboundOrders1765100000000 } from "./migrations/1765100000000-joor-inbound-orders";
import { JoorInboundOrdersResolver } from "./api/inbound-orders.resolver";
import { JOOR_IMAGE_RULE, JOOR_IMAGE_SIZE } from "./mapping/image-rule";

/**
 * The JOOR connector (plugins/joor/README.md). Loaded by default (every folder under plugins/ is), enabled
 * per brand by the `joor` module ("This module is an optional add-on").
 */
export default definePlugin({
  name: "joor",
  version: "1.0.0",
  hostVersions: "^0.1.0",
  description: "JOOR wholesale platform: customers, products, linesheets, prices, images and stock out; approved orders in",
  module: "joor",
  settings: joorSettingsDeclaration,
  entities: [JoorSyncRecord, JoorLinesheet, JoorLinesheetProduct, JoorCreditWindow, JoorInboundOrder],
  migrations: [JoorCore1765000000000, JoorInboundOrders1765100000000],
  exportSizes: { [JOOR_IMAGE_SIZE]: JOOR_IMAGE_RULE },
  resolvers: [...joorResolvers, JoorInboundOrdersResolver],
  types: joorTypes,
  operations: joorOperations,
  onBootstrap: bootstrapJoor,
  onShutdown: shutdownJoor,
});
