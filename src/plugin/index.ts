/** The plugin SDK: what a plugin imports (docs/plugins-and-jobs.md). */
export {
  definePlugin,
  isTransient,
  TransientError,
  type JobLogger,
  type OperationContext,
  type OperationDefinition,
  type OperationResult,
  type PluginDefinition,
  type PluginHostContext,
  type ProgressReporter,
  type RecordIssue,
  type SyncStateStore,
} from "./define-plugin";
export { setting, type SettingCheckHost, type SettingField, type SettingsDeclaration, type SettingsValues } from "./settings";
export {
  HOST_API_VERSION,
  type BrandReader,
  type CatalogueReader,
  type CustomerPort,
  type ExportRendition,
  type HostServices,
  type OrderPort,
  type OwnSettings,
  type OwnSyncState,
  type SeasonReader,
  type UserReader,
} from "./host-services";
export type { PluginData } from "./plugin-data";
export { dataOf, hostOf } from "./request";
export type { RequestContext } from "../api/context";
export { BrandScope, ScopedRepository, TenancyViolation, type BrandOwned } from "../db/brand-scope";
export { JobAbortedError } from "../jobs/job-context";
export { HOST_VERSION } from "./plugin-loader";
export { insertIgnoringScoped, selectScoped, upsertScoped } from "./scoped-sql";
export { placeholders } from "../db/hot-rows";

// --- The host's toolkit for plugin resolvers, entities and rules (stable as part of the SDK) ---
export { brandOf, principalOf } from "../api/context";
export { badInput, InputProblems, notFound } from "../api/errors";
export { parseId } from "../api/ids";
export { oneByKey } from "../api/batch";
export { ConnectionType, Page, PageArgs, PageInfo, paginate, pageSize } from "../api/pagination";
export { isUniqueViolation } from "../db/db-errors";
export { LongText } from "../db/long-text-columns";
export { BoolColumn, CreatedAt, DateOnly, IntegerColumn, NullableDateTime, UpdatedAt, Varchar } from "../entities/columns";
export * as migrationColumns from "../../migrations/lib/columns";
// core entities, for relations (ManyToOne) and scoped reads through `ctx.data.repo(…)` / `dataOf(ctx).repo(…)`
export { Address } from "../entities/address.entity";
export { Customer } from "../entities/customer.entity";
export { Order } from "../entities/order.entity";
export { Product } from "../entities/product.entity";
export { ProductSeason } from "../entities/product-season.entity";
export { Season } from "../entities/season.entity";
export { SeasonPrice } from "../entities/season-price.entity";
export { User } from "../entities/user.entity";
export { Variant } from "../entities/variant.entity";
export type { AddressInput } from "../modules/customer/customer.inputs";
export type { ImportedOrderData, ImportedOrderResult } from "../modules/order/order-import";
// the host's business rules a connector must apply the same way
export { MAX_LINE_QUANTITY } from "../modules/order/order-rules";
export { orderTotalUnits } from "../modules/order/order-totals";
export { currencyDigits, isCountryCode, isCurrencyCode } from "../domain/codes";
export { formatUnits, parseMoney } from "../domain/money";
export { isIsoDate } from "../domain/dates";
export { selectSeasonPrice, type SeasonPriceCandidate } from "../domain/price-selection";
export { sumAvailableToSell, type SeasonStock } from "../domain/available-to-sell";
export type { ExportSizeRule } from "../domain/image-export-size";
export { seededRandom } from "../domain/seeded-random";
