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
      product: (s, productId) => services.products.get(s, productId),
      productsByIds: (s, ids) => services.products.byIds(s, ids),
      variantsByProduct: (s, ids) => services.products.variantsByProduct(s, ids),
      variantsByBarcodes: (s, barcodes) => services.variants.byBarcodes(s, barcodes),
      pricesByProduct: (s, ids) => services.prices.pricesByProduct(s, ids),
      visibilityByProduct: (s, ids) => services.prices.visibilityByProduct(s, ids),
      stockByVariant: (s, ids) => services.stock.stockByVariant(s, ids),
      imagesByProduct: (s, ids) => services.images.imagesByProduct(s, ids),
      renderForExport: (s, imageId, rule) => services.images.renderForExport(s, imageId, rule),
      exportUrl: (image, rule) => services.images.exportUrl(image, rule),
    },
    seasons: {
      list: (s, activeOnly) => services.seasons.list(s, activeOnly),
      get: (s, seasonId) => services.seasons.get(s, seasonId),
      findByName: (s, name) => services.seasons.findByName(s, name),
    },
    customers: {
      get: (s, customerId) => services.customers.get(s, customerId),
      findByAccountCodes: (s, codes) => services.customers.findByAccountCodes(s, codes),
      addressesByCustomer: (s, ids) => services.customers.addressesByCustomer(s, ids),
      addAddresses: (s, customerId, inputs) => services.customers.addAddressesWith(s, customerId, inputs),
    },
    orders: {
      get: (s, orderId) => services.orders.get(s, orderId),
      findByExternalId: (s, source, externalId) => services.orders.findByExternalId(s, source, externalId),
      createImportedOrder: (s, data) => services.orders.createImportedOrder(s, data),
      createImportedOrderPrechecked: (s, data, addresses) => services.orders.createImportedOrderPrechecked(s, data, addresses),
      flagPlatformModified: (s, orderId, at) => services.orders.flagPlatformModified(s, orderId, at),
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
