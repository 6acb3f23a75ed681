import type { BrandScope } from "../db/brand-scope";
import type { PluginDefinition } from "../plugin/define-plugin";
import { HOST_API_VERSION, type HostServices } from "../plugin/host-services";
import { DbSyncStateStore } from "../jobs/sync-state-store";
import type { AppServices } from "../services/app-services";

/**
 * The composition root's adapter from the core's services to the plugin port (src/plugin/host-services.ts): one
 * per plugin, so that `settings` and `syncState` reach only that plugin's own rows.
 */
export function createHostServices(services: AppServices, plugin: PluginDefinition): HostServices {
  const id = (scope: BrandScope) => scope.brandId;
  const m = (scope: BrandScope) => scope.unitOfWork;
  const state = (scope: BrandScope) => new DbSyncStateStore(m(scope).connection, id(scope), plugin.name);
  return {
    version: HOST_API_VERSION,
    brand: {
      hasModule: (s, module) => services.identity.hasModule(id(s), module),
    },
    catalogue: {
      product: (s, productId) => services.products.get(id(s), productId),
      productsByIds: (s, ids) => services.products.byIds(id(s), ids),
      variantsByProduct: (s, ids) => services.products.variantsByProduct(id(s), ids),
      variantsByBarcodes: (s, barcodes) => services.variants.byBarcodes(id(s), barcodes),
      pricesByProduct: (s, ids) => services.prices.pricesByProduct(id(s), ids),
      visibilityByProduct: (s, ids) => services.prices.visibilityByProduct(id(s), ids),
      stockByVariant: (s, ids) => services.stock.stockByVariant(id(s), ids),
      imagesByProduct: (s, ids) => services.images.imagesByProduct(id(s), ids),
      renderForExport: (s, imageId, rule) => services.images.renderForExport(id(s), imageId, rule),
      exportUrl: (image, rule) => services.images.exportUrl(image, rule),
    },
    seasons: {
      list: (s, activeOnly) => services.seasons.list(id(s), activeOnly),
      get: (s, seasonId) => services.seasons.get(id(s), seasonId),
      findByName: (s, name) => services.seasons.findByName(id(s), name),
    },
    customers: {
      get: (s, customerId) => services.customers.get(id(s), customerId),
      findByAccountCodes: (s, codes) => services.customers.findByAccountCodes(id(s), codes, m(s)),
      addressesByCustomer: (s, ids) => services.customers.addressesByCustomer(id(s), ids),
      addAddresses: (s, customerId, inputs) => services.customers.addAddressesWith(m(s), id(s), customerId, inputs),
    },
    orders: {
      get: (s, orderId) => services.orders.get(id(s), orderId, m(s)),
      findByExternalId: (s, source, externalId) => services.orders.findByExternalId(id(s), source, externalId, m(s)),
      createImportedOrder: (s, data) => services.orders.createImportedOrder(id(s), data, s.inTransaction ? m(s) : undefined),
      createImportedOrderPrechecked: (s, data, addresses) => services.orders.createImportedOrderPrechecked(id(s), data, addresses, m(s)),
      flagPlatformModified: (s, orderId, at) => services.orders.flagPlatformModified(id(s), orderId, at, m(s)),
    },
    users: {
      list: (s) => services.identity.listUsers(id(s)),
      get: (s, userId) => services.identity.user(id(s), userId),
    },
    settings: {
      isEnabled: (s) => services.connectors.isEnabled(id(s), plugin),
      raw: (s) => services.connectors.settings.raw(id(s), plugin.name),
      check: async (s) => {
        const c = await services.connectors.settings.check(plugin, id(s));
        return { complete: c.complete, missing: c.missing, values: c.values ? { ...c.values } : null };
      },
      update: async (s, values) => {
        await services.connectors.settings.update(plugin, id(s), values);
      },
    },
    syncState: {
      get: (s, key) => state(s).get(key),
      set: (s, key, value) => state(s).set(key, value),
      delete: (s, key) => state(s).delete(key),
      list: (s, prefix) => state(s).list(prefix),
    },
  };
}
